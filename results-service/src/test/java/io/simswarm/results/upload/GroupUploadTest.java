package io.simswarm.results.upload;

import static io.restassured.RestAssured.given;
import static io.simswarm.results.TestRuns.newCampaign;
import static io.simswarm.results.TestRuns.token;
import static io.simswarm.results.TestRuns.tokenList;
import static io.simswarm.results.TestRuns.upload;
import static io.simswarm.results.TestRuns.uploadGroup;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.simswarm.results.Archives;
import io.simswarm.results.StoredState;
import io.simswarm.results.TestRuns;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.junit.jupiter.api.Test;

/** {@code POST /campaigns/{id}/results}: several runs in one archive, stored as if each was uploaded alone. */
@QuarkusTest
class GroupUploadTest extends UploadTestBase {

    private static final List<String> RUN_TABLES = List.of("scalars", "statistics", "vectors", "parse-errors");

    /** The OMNeT++ 6.1 sample with a log of its own, so that runs cannot be mixed up unnoticed. */
    private static Archives run(int run) {
        return TestRuns.omnetpp61().file(TestRuns.OUT, "log of run " + run + "\n");
    }

    private static byte[] group(int... runs) {
        Archives archive = new Archives();
        for (int run : runs) {
            archive.folder(Integer.toString(run), run(run));
        }
        return archive.tarGz();
    }

    @Test
    void storesEveryRunOfTheGroupAsThreeSingleUploadsWould() throws Exception {
        String grouped = newCampaign();
        String single = newCampaign();

        String answer = uploadGroup(grouped, group(3, 4, 5), 5, 3, 4)
                .statusCode(201)
                .header("Location", containsString("/campaigns/" + grouped + "/runs"))
                .body("campaignId", equalTo(grouped))
                .body("runs.runNumber", contains(3, 4, 5))
                .body("runs.campaignId", contains(grouped, grouped, grouped))
                .extract().asString();
        JsonNode receipts = mapper.readTree(answer).get("runs");
        for (int run = 3; run <= 5; run++) {
            String alone = upload(single, run, run(run).tarGz()).statusCode(201).extract().asString();
            assertThat(without(receipts.get(run - 3), "campaignId"))
                    .isEqualTo(without(mapper.readTree(alone), "campaignId"));
        }

        for (String table : RUN_TABLES) {
            assertThat(get("/campaigns/{c}/" + table, grouped)).as(table)
                    .isEqualTo(get("/campaigns/{c}/" + table, single));
        }
        assertThat(get("/campaigns/{c}/scalars", grouped)).hasSize(21);
        assertThat(withoutEach(get("/campaigns/{c}/runs", grouped), "uploadedAt"))
                .isEqualTo(withoutEach(get("/campaigns/{c}/runs", single), "uploadedAt"));
        for (int run = 3; run <= 5; run++) {
            assertThat(without(get("/campaigns/{c}/runs/" + run + "/files", grouped), "campaignId", "uploadedAt"))
                    .isEqualTo(without(get("/campaigns/{c}/runs/" + run + "/files", single), "campaignId",
                            "uploadedAt"));
            given().get("/campaigns/{c}/runs/{r}/log", grouped, run).then().statusCode(200)
                    .body(equalTo("log of run " + run + "\n"));
            given().get("/campaigns/{c}/vectors/{k}/data", grouped, run + "-0").then().statusCode(200)
                    .body(equalTo(given().get("/campaigns/{c}/vectors/{k}/data", single, run + "-0").asString()));
        }
        given().get("/campaigns/{c}", grouped).then().statusCode(200)
                .body("storedRuns", equalTo(3)).body("scalars", equalTo(21));

        await().atMost(Duration.ofSeconds(30)).until(() -> resultsStored.valuesFor(grouped).size() == 3
                && resultsStored.valuesFor(single).size() == 3);
        assertThat(eventsByRun(grouped)).isEqualTo(eventsByRun(single)).containsOnlyKeys(3, 4, 5);
    }

    @Test
    void aWrongTokenOfOneRunIs403AndNothingIsStored() {
        String campaign = newCampaign();
        String list = "0=" + token(campaign, 0) + ",1=" + token(campaign, 2) + ",2=" + token(campaign, 2);
        uploadGroup(campaign, "Bearer " + list, group(0, 1, 2))
                .statusCode(403).contentType("application/problem+json")
                .body("detail", equalTo("The token given for run 1 is not the upload token of run 1 of campaign '"
                        + campaign + "'."));
        uploadGroup(campaign, "Bearer " + tokenList(newCampaign(), 0, 1, 2), group(0, 1, 2))
                .statusCode(403).body("detail", containsString("run 0"));
        assertNothingStored(campaign);
    }

    @Test
    void noAuthorizationIs401() {
        String campaign = newCampaign();
        given().contentType("application/gzip").body(group(0)).post("/campaigns/{c}/results", campaign)
                .then().statusCode(401).contentType("application/problem+json")
                .body("detail", containsString("Authorization: Bearer RUN=TOKEN,RUN=TOKEN,..."));
        uploadGroup(campaign, "Basic abc", group(0)).statusCode(401).body("detail", containsString("Bearer"));
        assertNothingStored(campaign);
    }

    @Test
    void anUnreadableTokenListIs400() {
        String campaign = newCampaign();
        String good = "0=" + token(campaign, 0);
        Map<String, String> lists = Map.of(
                token(campaign, 0), "'" + token(campaign, 0) + "'",
                good + ",", "''",
                good + ",x=abc", "'x=abc'",
                good + ",01=" + token(campaign, 1), "'01=",
                good + ",-1=abc", "'-1=abc'",
                good + ",1=", "'1='",
                good + ",99999999999=abc", "'99999999999=abc'");
        lists.forEach((list, named) -> uploadGroup(campaign, "Bearer " + list, group(0))
                .statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("cannot be read at " + named)));
        uploadGroup(campaign, "Bearer " + good + "," + good, group(0))
                .statusCode(400).body("detail", equalTo("The Authorization header names run 0 twice."));
        assertNothingStored(campaign);
    }

    @Test
    void runsOfTheListAndFoldersOfTheArchiveMustMatch() {
        String campaign = newCampaign();
        uploadGroup(campaign, group(0, 1, 2), 0, 1)
                .statusCode(400).body("detail", equalTo("The archive holds a folder for run 2, but the Authorization "
                        + "header has no token for run 2."));
        uploadGroup(campaign, group(0, 2), 0, 1, 2)
                .statusCode(400).body("detail", equalTo("The archive holds no folder for run 1, which the "
                        + "Authorization header names."));
        byte[] emptyFolder = new Archives().folder("0", run(0)).entry(new TarArchiveEntry("1/")).tarGz();
        uploadGroup(campaign, emptyFolder, 0, 1)
                .statusCode(400).body("detail", equalTo("The folder of run 1 holds no file."));
        assertNothingStored(campaign);
    }

    @Test
    void topLevelEntriesOtherThanRunFoldersAre400NamingThem() {
        String campaign = newCampaign();
        Map<String, byte[]> archives = Map.of(
                "notes.txt", new Archives().folder("0", run(0)).file("notes.txt", "x").tarGz(),
                "012", new Archives().folder("0", run(0)).file("012/a.sca", "version 3\n").tarGz(),
                "+1", new Archives().folder("+1", run(1)).tarGz(),
                "-1", new Archives().folder("-1", run(1)).tarGz(),
                "1", new Archives().folder("0", run(0)).file("1", "a file, not a folder").tarGz(),
                "run-1", new Archives().folder("run-1", run(1)).tarGz());
        archives.forEach((name, body) -> uploadGroup(campaign, body, 0, 1)
                .statusCode(400).body("detail", startsWith("The archive entry '" + name + "' is not a run folder")));
        assertNothingStored(campaign);
    }

    @Test
    void dotDotInOneRunFolderIs400AndNothingIsStored() {
        String campaign = newCampaign();
        byte[] body = new Archives().folder("0", run(0)).folder("1", run(1))
                .folder("2", run(2).file("sub/../../escape.sca", "version 3\n")).tarGz();
        uploadGroup(campaign, body, 0, 1, 2)
                .statusCode(400).body("detail", equalTo("The archive entry './2/sub/../../escape.sca' leaves the "
                        + "result directory ('..' is not accepted)."));
        assertNothingStored(campaign);
    }

    @Test
    void archiveErrorsOfTheSingleUploadAnswerAsForTheSingleUpload() {
        String campaign = newCampaign();
        uploadGroup(campaign, "just some text".getBytes(), 0).statusCode(400)
                .body("detail", containsString("The body is not a gzip-compressed tar archive"));
        long limit = config.maxUploadBytes();
        byte[] bomb = new Archives().folder("0", run(0)).file("1/zeros.vec", new byte[(int) limit + 1000]).tarGz();
        uploadGroup(campaign, bomb, 0, 1).statusCode(413)
                .body("detail", containsString("larger than the limit of " + limit + " bytes (unpacked)"));
        byte[] random = new byte[(int) limit + 10];
        new Random(1).nextBytes(random);
        uploadGroup(campaign, random, 0).statusCode(413)
                .body("detail", containsString("more than the limit of " + limit + " bytes"));
        assertNothingStored(campaign);
    }

    @Test
    void moreThanMaxGroupRunsIs400() {
        String campaign = newCampaign();
        int[] runs = IntStream.rangeClosed(0, config.maxGroupRuns()).toArray();
        uploadGroup(campaign, group(0), runs)
                .statusCode(400).body("detail", equalTo("The group holds " + runs.length + " runs, more than the "
                        + "limit of " + config.maxGroupRuns() + " runs per group upload."));
        assertNothingStored(campaign);
    }

    @Test
    void aGroupReUploadReplacesEachRunAsASingleReUploadWould() throws Exception {
        String campaign = newCampaign();
        upload(campaign, 0, new Archives().file("alone.sca", "version 3\nrun alone\nscalar m x 1\n").tarGz())
                .statusCode(201);
        uploadGroup(campaign, new Archives()
                .folder("0", new Archives().file("old.sca", "version 3\nrun a0\nscalar m x 1\nscalar m y 2\n")
                        .file("old-only.txt", "x").file("General-#0.out", "first 0\n"))
                .folder("1", new Archives().file("old.sca", "version 3\nrun a1\nscalar m x 1\n")
                        .file("General-#1.out", "first 1\n"))
                .tarGz(), 0, 1).statusCode(201);

        uploadGroup(campaign, new Archives()
                .folder("0", new Archives().file("new.sca", "version 3\nrun b0\nscalar m x 10\n")
                        .file("General-#0.out", "second 0\n"))
                .folder("1", new Archives().file("new.sca", "version 3\nrun b1\nscalar m x 11\n")
                        .file("General-#1.out", "second 1\n"))
                .tarGz(), 1, 0).statusCode(201);

        given().get("/campaigns/{c}/runs/0/files", campaign).then().statusCode(200)
                .body("runId", equalTo("b0")).body("files.name", contains("General-#0.out", "new.sca"));
        given().get("/campaigns/{c}/runs/1/files", campaign).then().statusCode(200)
                .body("runId", equalTo("b1")).body("files.name", contains("General-#1.out", "new.sca"));
        given().get("/campaigns/{c}/scalars", campaign).then().statusCode(200)
                .body("", hasSize(2)).body("value", contains(10.0f, 11.0f));
        given().get("/campaigns/{c}/runs/1/log", campaign).then().statusCode(200).body(equalTo("second 1\n"));
        await().atMost(Duration.ofSeconds(30)).until(() -> resultsStored.valuesFor(campaign).size() == 5);

        Path campaignFolder = config.storage().dir().resolve(campaign);
        assertThat(list(campaignFolder.resolve("0"))).hasSize(3);
        assertThat(list(campaignFolder.resolve("1"))).hasSize(2);
        cleaner.clean();
        assertThat(list(campaignFolder.resolve("0"))).hasSize(1);
        assertThat(list(campaignFolder.resolve("1"))).hasSize(1);
        given().get("/campaigns/{c}/runs/0/log", campaign).then().statusCode(200).body(equalTo("second 0\n"));
    }

    private JsonNode get(String path, String campaign) throws IOException {
        return mapper.readTree(given().accept("application/json").get(path, campaign).then().statusCode(200)
                .extract().asString());
    }

    private static JsonNode without(JsonNode node, String... fields) {
        ObjectNode copy = ((ObjectNode) node).deepCopy();
        copy.remove(List.of(fields));
        return copy;
    }

    private static JsonNode withoutEach(JsonNode array, String field) {
        ArrayNode copy = ((ArrayNode) array).deepCopy();
        copy.forEach(row -> ((ObjectNode) row).remove(field));
        return copy;
    }

    /** The results-stored events of a campaign by run, without what differs from one upload to the next. */
    private Map<Integer, JsonNode> eventsByRun(String campaign) throws IOException {
        Map<Integer, JsonNode> events = new TreeMap<>();
        for (String value : resultsStored.valuesFor(campaign)) {
            JsonNode event = mapper.readTree(value);
            events.put(event.get("runNumber").asInt(), without(event, "eventId", "campaignId", "storedAt"));
        }
        return events;
    }

    private void assertNothingStored(String campaign) {
        given().get("/campaigns/{c}", campaign).then().statusCode(404);
        assertThat(Files.exists(config.storage().dir().resolve(campaign))).isFalse();
        StoredState.assertNothingStaged(config.storage().dir());
    }

    private static List<Path> list(Path folder) {
        try (Stream<Path> paths = Files.list(folder)) {
            return paths.toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
