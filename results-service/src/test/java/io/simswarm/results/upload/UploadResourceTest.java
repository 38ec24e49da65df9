package io.simswarm.results.upload;

import static io.restassured.RestAssured.given;
import static io.simswarm.results.TestRuns.OMNETPP_61;
import static io.simswarm.results.TestRuns.SCA;
import static io.simswarm.results.TestRuns.VEC;
import static io.simswarm.results.TestRuns.newCampaign;
import static io.simswarm.results.TestRuns.token;
import static io.simswarm.results.TestRuns.upload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.simswarm.results.Archives;
import io.simswarm.results.StoredState;
import io.simswarm.results.TestRuns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.junit.jupiter.api.Test;

@QuarkusTest
class UploadResourceTest extends UploadTestBase {

    @Test
    void storesTheFilesParsesThemAndAnnouncesTheRun() throws Exception {
        String campaign = newCampaign();

        upload(campaign, 3, TestRuns.omnetpp61().tarGz())
                .statusCode(201)
                .header("Location", containsString("/campaigns/" + campaign + "/runs/3/files"))
                .body("campaignId", equalTo(campaign))
                .body("runNumber", equalTo(3))
                .body("files.name", contains(TestRuns.OUT, SCA, TestRuns.VCI, VEC))
                .body("files.find { it.name == '" + SCA + "' }.size", equalTo(8911))
                .body("files.find { it.name == '" + SCA + "' }.sha256", equalTo(sha256(OMNETPP_61.resolve(SCA))))
                .body("files.find { it.name == '" + VEC + "' }.sha256", equalTo(sha256(OMNETPP_61.resolve(VEC))))
                .body("scalarCount", equalTo(7))
                .body("statisticCount", equalTo(2))
                .body("vectorCount", equalTo(11))
                .body("parseErrors", empty());

        await().atMost(Duration.ofSeconds(30)).until(() -> !resultsStored.valuesFor(campaign).isEmpty());
        JsonNode event = mapper.readTree(resultsStored.valuesFor(campaign).get(0));
        assertThat(event.get("campaignId").asText()).isEqualTo(campaign);
        assertThat(event.get("runNumber").asInt()).isEqualTo(3);
        assertThat(event.get("fileCount").asInt()).isEqualTo(4);
        assertThat(event.get("scalarCount").asLong()).isEqualTo(7);
        assertThat(event.get("parseErrors")).isEmpty();
        assertThat(event.get("version").asInt()).isEqualTo(1);

        given().get("/campaigns/{c}/runs/3/files", campaign).then().statusCode(200)
                .body("runId", equalTo("PureAlohaExperiment-3-20261125-09:37:03-8"))
                .body("files", hasSize(4))
                .body("parseErrorCount", equalTo(0));
        given().get("/campaigns/{c}", campaign).then().statusCode(200)
                .body("id", equalTo(campaign))
                .body("storedRuns", equalTo(1))
                .body("scalars", equalTo(7))
                .body("status", equalTo(null));
    }

    @Test
    void acceptsOctetStreamAndXGzipAndNestedFolders() {
        String campaign = newCampaign();
        byte[] body = new Archives().file("sub/dir/General-#0.sca", "version 3\nrun r\nscalar m x 1\n")
                .file("General-#0.out", "log\n").tarGz();
        for (String type : List.of("application/octet-stream", "application/x-gzip")) {
            given().header("Authorization", "Bearer " + token(campaign, 0)).contentType(type).body(body)
                    .post("/campaigns/{c}/runs/0/results", campaign)
                    .then().statusCode(201).body("files.name", contains("General-#0.out", "sub/dir/General-#0.sca"))
                    .body("scalarCount", equalTo(1));
        }
    }

    @Test
    void aReUploadReplacesThePreviousFilesAndRowsAtOnce() throws Exception {
        String campaign = newCampaign();
        upload(campaign, 0, new Archives().file("old.sca", "version 3\nrun a\nscalar m x 1\nscalar m y 2\n")
                .file("old-only.txt", "x").file("General-#0.out", "first\n").tarGz()).statusCode(201);

        upload(campaign, 0, new Archives().file("new.sca", "version 3\nrun b\nscalar m x 10\n")
                .file("General-#0.out", "second\n").tarGz()).statusCode(201);

        given().get("/campaigns/{c}/runs/0/files", campaign).then().statusCode(200)
                .body("runId", equalTo("b"))
                .body("files.name", contains("General-#0.out", "new.sca"));
        given().get("/campaigns/{c}/scalars", campaign).then().statusCode(200)
                .body("", hasSize(1)).body("[0].value", equalTo(10.0f));
        given().get("/campaigns/{c}/runs/0/log", campaign).then().statusCode(200).body(equalTo("second\n"));
        await().atMost(Duration.ofSeconds(30)).until(() -> resultsStored.valuesFor(campaign).size() == 2);

        Path runFolder = config.storage().dir().resolve(campaign).resolve("0");
        assertThat(folders(runFolder)).hasSize(2);
        cleaner.clean();
        assertThat(folders(runFolder)).hasSize(1);
        given().get("/campaigns/{c}/runs/0/log", campaign).then().statusCode(200).body(equalTo("second\n"));
    }

    private static List<Path> folders(Path folder) throws Exception {
        try (Stream<Path> list = Files.list(folder)) {
            return list.toList();
        }
    }

    @Test
    void reportsMalformedLinesButStoresTheFile() {
        String campaign = newCampaign();
        String sca = "version 3\nrun r\nattr configname C\nscalar m good 1\nscalar m bad oops\nscalar m also 2\n";

        upload(campaign, 1, new Archives().file("C-#0.sca", sca).tarGz())
                .statusCode(201)
                .body("files.name", contains("C-#0.sca"))
                .body("scalarCount", equalTo(2))
                .body("parseErrors", contains("C-#0.sca:5: 'oops' is not a number"));

        given().get("/campaigns/{c}/runs/1/files", campaign).then().statusCode(200)
                .body("parseErrorCount", equalTo(1))
                .body("parseErrors[0].file", equalTo("C-#0.sca"))
                .body("parseErrors[0].line", equalTo(5))
                .body("parseErrors[0].reason", equalTo("'oops' is not a number"));
        given().get("/campaigns/{c}/parse-errors", campaign).then().statusCode(200)
                .body("", hasSize(1)).body("[0].run", equalTo(1));
        await().atMost(Duration.ofSeconds(30)).until(() -> !resultsStored.valuesFor(campaign).isEmpty());
        assertThat(resultsStored.valuesFor(campaign).get(0)).contains("C-#0.sca:5: 'oops' is not a number");
    }

    @Test
    void missingTokenIs401() {
        String campaign = newCampaign();
        given().contentType("application/gzip").body(TestRuns.omnetpp61().tarGz())
                .post("/campaigns/{c}/runs/0/results", campaign)
                .then().statusCode(401).contentType("application/problem+json")
                .body("detail", containsString("Authorization: Bearer TOKEN"));
        given().header("Authorization", "Basic abc").contentType("application/gzip").body(new byte[10])
                .post("/campaigns/{c}/runs/0/results", campaign)
                .then().statusCode(401).body("detail", containsString("Bearer token"));
        assertNothingStored(campaign);
    }

    @Test
    void wrongTokenIs403() {
        String campaign = newCampaign();
        given().header("Authorization", "Bearer 0123abcd").contentType("application/gzip")
                .body(TestRuns.omnetpp61().tarGz()).post("/campaigns/{c}/runs/0/results", campaign)
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", equalTo("The token is not the upload token of run 0 of campaign '" + campaign + "'."));
        assertNothingStored(campaign);
    }

    @Test
    void tokenOfAnotherRunIs403() {
        String campaign = newCampaign();
        given().header("Authorization", "Bearer " + token(campaign, 1)).contentType("application/gzip")
                .body(TestRuns.omnetpp61().tarGz()).post("/campaigns/{c}/runs/2/results", campaign)
                .then().statusCode(403).body("detail", containsString("run 2"));
        given().header("Authorization", "Bearer " + token(newCampaign(), 2)).contentType("application/gzip")
                .body(TestRuns.omnetpp61().tarGz()).post("/campaigns/{c}/runs/2/results", campaign)
                .then().statusCode(403);
        assertNothingStored(campaign);
    }

    @Test
    void bodyThatIsNotGzipIs400() {
        String campaign = newCampaign();
        upload(campaign, 0, "just some text".getBytes()).statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("The body is not a gzip-compressed tar archive"));
        assertNothingStored(campaign);
    }

    @Test
    void gzipThatIsNotTarIs400() {
        String campaign = newCampaign();
        upload(campaign, 0, Archives.gzip("version 3\nrun x\nscalar m x 1\n".repeat(40).getBytes()))
                .statusCode(400).body("detail", containsString("not a valid gzip-compressed tar archive"));
        byte[] archive = TestRuns.omnetpp61().tarGz();
        upload(campaign, 0, java.util.Arrays.copyOf(archive, archive.length / 2))
                .statusCode(400).body("detail", containsString("truncated"));
        upload(campaign, 0, Archives.gzip(new byte[0])).statusCode(400)
                .body("detail", equalTo("The archive holds no file."));
        assertNothingStored(campaign);
    }

    @Test
    void entriesLeavingTheResultDirectoryAre400AndNothingIsStored() {
        String campaign = newCampaign();
        upload(campaign, 0, TestRuns.omnetpp61().file("../escape.sca", "version 3\n").tarGz())
                .statusCode(400).body("detail", containsString("'..' is not accepted"));
        upload(campaign, 0, TestRuns.omnetpp61().file("sub/../../escape.sca", "version 3\n").tarGz())
                .statusCode(400).body("detail", containsString("'..' is not accepted"));

        TarArchiveEntry absolute = new TarArchiveEntry("/etc/evil.sca", true);
        upload(campaign, 0, TestRuns.omnetpp61().entry(absolute).tarGz())
                .statusCode(400).body("detail", containsString("absolute path"));
        assertNothingStored(campaign);
    }

    @Test
    void linksAndDevicesAre400AndNothingIsStored() {
        String campaign = newCampaign();
        TarArchiveEntry symlink = new TarArchiveEntry("link.sca", TarArchiveEntry.LF_SYMLINK);
        symlink.setLinkName("/etc/passwd");
        upload(campaign, 0, TestRuns.omnetpp61().entry(symlink).tarGz())
                .statusCode(400).body("detail", equalTo("The archive entry 'link.sca' is a link; only regular files "
                        + "and folders are accepted."));

        TarArchiveEntry hardlink = new TarArchiveEntry("hard.sca", TarArchiveEntry.LF_LINK);
        hardlink.setLinkName("x.sca");
        upload(campaign, 0, TestRuns.omnetpp61().entry(hardlink).tarGz())
                .statusCode(400).body("detail", containsString("is a link"));

        TarArchiveEntry device = new TarArchiveEntry("dev", TarArchiveEntry.LF_CHR);
        upload(campaign, 0, TestRuns.omnetpp61().entry(device).tarGz())
                .statusCode(400).body("detail", containsString("not a regular file or folder"));
        assertNothingStored(campaign);
    }

    @Test
    void uploadsOverTheLimitAre413AndNothingIsStored() {
        String campaign = newCampaign();
        long limit = config.maxUploadBytes();
        byte[] bomb = new Archives().file("zeros.vec", new byte[(int) limit + 1000]).tarGz();
        assertThat(bomb.length).isLessThan(100_000);
        upload(campaign, 0, bomb).statusCode(413).contentType("application/problem+json")
                .body("detail", containsString("larger than the limit of " + limit + " bytes (unpacked)"));

        byte[] random = new byte[(int) limit + 10];
        new java.util.Random(1).nextBytes(random);
        upload(campaign, 0, random).statusCode(413)
                .body("detail", containsString("more than the limit of " + limit + " bytes"));
        assertNothingStored(campaign);
    }

    @Test
    void aRejectedReUploadLeavesThePreviousOneInPlace() {
        String campaign = newCampaign();
        upload(campaign, 0, TestRuns.omnetpp61().tarGz()).statusCode(201);
        upload(campaign, 0, TestRuns.omnetpp61().file("../x", "x").tarGz()).statusCode(400);
        upload(campaign, 0, new Archives().file("zeros.vec", new byte[(int) config.maxUploadBytes() + 1]).tarGz())
                .statusCode(413);
        given().get("/campaigns/{c}/runs/0/files", campaign).then().statusCode(200).body("files", hasSize(4));
        given().get("/campaigns/{c}/scalars", campaign).then().statusCode(200).body("", hasSize(7));
    }

    @Test
    void anUploadThatWouldOverrunTheStagingBudgetOthersHoldIsAskedToComeBackAndStoresNothing() {
        String campaign = newCampaign();
        try (StagingBudget.Share others = stagingBudget.open()) {
            others.charge(config.stagingBudgetBytes());

            upload(campaign, 0, TestRuns.omnetpp61().tarGz()).statusCode(503)
                    .header("Retry-After", "5")
                    .contentType("application/problem+json")
                    .body("detail", equalTo("The results service is unpacking other uploads that hold "
                            + config.stagingBudgetBytes() + " bytes of its staging budget of "
                            + config.stagingBudgetBytes() + " bytes; try again in 5 seconds."));
            assertNothingStored(campaign);
            assertThat(stagingBudget.held()).as("the refused upload gave its bytes back")
                    .isEqualTo(config.stagingBudgetBytes());
        }

        upload(campaign, 0, TestRuns.omnetpp61().tarGz()).statusCode(201);
        assertThat(stagingBudget.held()).isZero();
    }

    @Test
    void invalidCampaignIdsAre400() {
        given().header("Authorization", "Bearer x").contentType("application/gzip").body(new byte[1])
                .post("/campaigns/{c}/runs/0/results", "bad..id").then().statusCode(403);
        given().get("/campaigns/{c}/scalars", "bad..id").then().statusCode(400)
                .body("detail", containsString("is not valid"));
    }

    private void assertNothingStored(String campaign) {
        given().get("/campaigns/{c}", campaign).then().statusCode(404);
        assertThat(Files.exists(config.storage().dir().resolve(campaign))).isFalse();
        StoredState.assertNothingStaged(config.storage().dir());
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
