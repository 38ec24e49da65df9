package io.simswarm.results;

import static io.restassured.RestAssured.given;
import static io.simswarm.testing.BadInput.bare;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.simswarm.results.config.ResultsConfig;
import io.simswarm.testing.BadInput;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bad request to the results service is refused at once with a sentence naming what was wrong, and leaves
 * nothing behind: no row, no stored file, no staged upload, no outbox event. One campaign ({@value #STORED}) holds a
 * stored run, so that the queries that reach existing data are refused too for what is wrong in them.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputCatalogueTest {

    static final String PREFIX = "catalogue-";
    static final String STORED = PREFIX + "stored";
    static final String NEW = PREFIX + "new";

    @Inject
    AgroalDataSource database;

    @Inject
    ResultsConfig config;

    private StoredState before;

    static Stream<BadInput> queries() {
        String c = "/campaigns/" + STORED;
        return Stream.of(
                // campaign ids
                bare("campaign id with dots", "GET", "/campaigns/bad..id/scalars", 400, "The campaign id 'bad..id' is "
                        + "not valid"),
                bare("campaign id too long", "GET", "/campaigns/" + "c".repeat(129) + "/scalars", 400,
                        "is not valid: use at most 128"),
                bare("campaign unknown", "GET", "/campaigns/" + PREFIX + "nobody/scalars", 404,
                        "No campaign '" + PREFIX + "nobody' is known to the results service."),
                bare("campaign unknown, its zip", "GET", "/campaigns/" + PREFIX + "nobody/results.zip", 404,
                        "No campaign '" + PREFIX + "nobody'"),
                bare("campaign unknown, its provenance", "GET", "/campaigns/" + PREFIX + "nobody/provenance", 404,
                        "No campaign '" + PREFIX + "nobody'"),
                // formats
                bare("format unknown", "GET", c + "/scalars?format=xml", 400, "format must be csv or json, not 'xml'."),
                bare("format unknown on statistics", "GET", c + "/statistics?format=parquet", 400,
                        "format must be csv or json, not 'parquet'."),
                bare("format unknown on runs", "GET", c + "/runs?format=yaml", 400, "format must be csv or json"),
                bare("format unknown on parameters", "GET", c + "/params?format=xml", 400,
                        "format must be csv or json"),
                // filters
                bare("run filter a word", "GET", c + "/scalars?run=three", 400,
                        "run must be a whole number, not 'three'."),
                bare("run filter a fraction", "GET", c + "/runs?run=1.5", 400, "run must be a whole number, not '1.5'."),
                bare("run filter beyond any integer", "GET", c + "/statistics?run=99999999999", 400,
                        "run must be a whole number, not '99999999999'."),
                bare("run list with a gap", "GET", c + "/scalars?run=1,,2", 400,
                        "run must be a whole number or a list of them like 3,7,11, not '1,,2'."),
                bare("run list too long", "GET", c + "/scalars?run=" + "1,".repeat(1000) + "1", 400,
                        "run may list at most 1000 numbers, not 1001."),
                bare("aggregate not a boolean", "GET", c + "/scalars?aggregate=perhaps", 400,
                        "aggregate must be true or false, not 'perhaps'."),
                bare("pattern with an open set", "GET", c + "/scalars?name=host{0-3", 400,
                        "The pattern 'host{0-3' has a '{' without a closing '}'."),
                bare("pattern too long", "GET", c + "/scalars?name=" + "a".repeat(1001), 400,
                        "A name pattern of 1001 characters is too long: at most 1000 are taken."),
                bare("pattern with too many wildcards", "GET", c + "/statistics?module=" + "*.".repeat(40), 400,
                        "has 40 wildcards: at most 32 are taken."),
                // runs and files
                bare("run number a word", "GET", c + "/runs/three/files", 404, "There is nothing at GET"),
                bare("run without results", "GET", c + "/runs/77/files", 404, "77"),
                bare("run without a log", "GET", c + "/runs/77/log", 404, "77"),
                bare("run provenance of a run without results", "GET", c + "/runs/77/provenance", 404,
                        "Run 77 of campaign '" + STORED + "' has no stored results."),
                // vectors
                bare("vector key unknown", "GET", c + "/vectors/999999/data", 404, "999999"),
                bare("vector key not a key", "GET", c + "/vectors/not-a-key/points", 404, "not-a-key"),
                bare("vector points too few", "GET", c + "/vectors/1/points?maxPoints=1", 400,
                        "maxPoints must be between 2 and"),
                bare("vector points a word", "GET", c + "/vectors/1/points?maxPoints=many", 400,
                        "maxPoints must be a whole number, not 'many'."),
                // compare
                bare("compare without campaigns", "GET", "/compare", 400,
                        "Name the two campaigns to compare: /compare?a=CAMPAIGN&b=CAMPAIGN."),
                bare("compare with one campaign", "GET", "/compare?a=" + STORED, 400, "Name the two campaigns"),
                bare("compare alpha above one", "GET", "/compare?a=" + STORED + "&b=" + STORED + "&alpha=2", 400,
                        "alpha must be between 0 and 1, not 2.0."),
                bare("compare alpha a word", "GET", "/compare?a=" + STORED + "&b=" + STORED + "&alpha=low", 400,
                        "alpha must be a number, not 'low'."),
                bare("compare exact not a boolean", "GET", "/compare?a=" + STORED + "&b=" + STORED + "&exact=yes",
                        400, "exact must be true or false, not 'yes'."),
                bare("compare margin negative", "GET", "/compare?a=" + STORED + "&b=" + STORED + "&margin=-1", 400,
                        "margin must be 0 or more, not -1.0."),
                bare("compare an unknown campaign", "GET", "/compare?a=" + STORED + "&b=" + PREFIX + "nobody", 404,
                        "No campaign '" + PREFIX + "nobody'"),
                // methods and types
                bare("delete a campaign's results", "DELETE", c + "/scalars", 405, "does not answer DELETE"),
                bare("unknown path", "GET", c + "/histograms", 404, "There is nothing at GET"),
                bare("upload without a token", "POST", "/campaigns/" + NEW + "/runs/0/results", 401, "token")
                        .typed("application/gzip"));
    }

    @BeforeEach
    void snapshot() {
        if (given().get("/campaigns/{c}", STORED).statusCode() == 404) {
            TestRuns.upload(STORED, 3, TestRuns.omnetpp61().tarGz()).statusCode(201);
            // its announcement leaves the outbox in the background: wait, so that the snapshots see a still state
            await().atMost(Duration.ofSeconds(30)).until(() -> StoredState.of(database, config.storage().dir(),
                    PREFIX).rows().get("outbox " + PREFIX + "*") == 0);
        }
        before = StoredState.of(database, config.storage().dir(), PREFIX);
    }

    @AfterEach
    void nothingLeftBehind() {
        assertThat(StoredState.of(database, config.storage().dir(), PREFIX)).isEqualTo(before);
        StoredState.assertNothingStaged(config.storage().dir());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queries")
    void aBadQueryIsRefusedWithASentence(BadInput input) {
        input.assertRefused();
    }

    static Stream<BadUpload> uploads() {
        byte[] good = TestRuns.omnetpp61().tarGz();
        return Stream.of(
                new BadUpload("body not gzip", 0, "application/gzip", bytes("plain text"), 400, "The body is not a gzip-compressed tar archive"),
                new BadUpload("gzip of no tar", 0, "application/gzip",
                        Archives.gzip(bytes("not a tar".repeat(100))), 400,
                        "The body is not a valid gzip-compressed tar archive"),
                new BadUpload("truncated archive", 0, "application/gzip", truncated(good), 400,
                        "The archive is truncated or corrupt"),
                new BadUpload("empty archive", 0, "application/gzip", new Archives().tarGz(), 400, "no file"),
                new BadUpload("entry leaving the folder", 0, "application/gzip",
                        TestRuns.omnetpp61().file("../escape.sca", "version 3\n").tarGz(), 400,
                        "escape.sca' leaves the result directory ('..' is not accepted)."),
                new BadUpload("symbolic link", 0, "application/gzip",
                        new Archives().entry(link("results.sca", "/etc/passwd")).tarGz(), 400, "The archive entry"),
                new BadUpload("negative run number", -1, "application/gzip", good, 400,
                        "The run number must not be negative."),
                new BadUpload("a text body", 0, "text/plain", bytes("version 3"), 415,
                        "text/plain"),
                new BadUpload("larger than the limit", 0, "application/gzip", null, 413,
                        "The upload is larger than the limit of"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("uploads")
    void aBadUploadIsRefusedWithASentenceAndStoresNothing(BadUpload upload) {
        // the limit is a setting: the body above it is made from it
        byte[] body = upload.body() != null ? upload.body()
                : new Archives().file("zeros.vec", new byte[(int) config.maxUploadBytes() + 1]).tarGz();
        int status = upload.status();
        given().header("Authorization", "Bearer " + TestRuns.token(NEW, upload.run()))
                .contentType(upload.contentType()).body(body)
                .when().post("/campaigns/{c}/runs/{r}/results", NEW, upload.run())
                .then().statusCode(status)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(status))
                .body("detail", containsString(upload.sentence()))
                .body("detail", not(containsString("Exception")));
    }

    @Test
    void aTokenOfAnotherRunOrCampaignIsRefusedBeforeTheBodyIsRead() {
        given().header("Authorization", "Bearer " + TestRuns.token(NEW, 1)).contentType("application/gzip")
                .body(TestRuns.omnetpp61().tarGz()).when().post("/campaigns/{c}/runs/0/results", NEW)
                .then().statusCode(403).contentType(startsWith("application/problem+json"));
        given().header("Authorization", "Bearer " + TestRuns.token(STORED, 0)).contentType("application/gzip")
                .body(TestRuns.omnetpp61().tarGz()).when().post("/campaigns/{c}/runs/0/results", NEW)
                .then().statusCode(403).contentType(startsWith("application/problem+json"));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] truncated(byte[] archive) {
        return java.util.Arrays.copyOf(archive, archive.length / 2);
    }

    private static TarArchiveEntry link(String name, String target) {
        TarArchiveEntry entry = new TarArchiveEntry(name, TarArchiveEntry.LF_SYMLINK);
        entry.setLinkName(target);
        return entry;
    }

    /**
     * A bad upload of run {@code run} of the catalogue's new campaign and the refusal it must get; a null
     * {@code body} stands for one just above the upload size limit.
     */
    record BadUpload(String name, int run, String contentType, byte[] body, int status, String sentence) {
        @Override
        public String toString() {
            return name;
        }
    }
}
