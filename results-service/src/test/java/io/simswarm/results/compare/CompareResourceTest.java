package io.simswarm.results.compare;

import static io.restassured.RestAssured.given;
import static io.simswarm.results.TestRuns.newCampaign;
import static io.simswarm.results.TestRuns.upload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.simswarm.results.Archives;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Campaigns of {@code examples/queueing} run here as the runner runs them and uploaded: configuration General with
 * four repetitions, twice at the same load (the same commit twice: identical values) and once at rho 0.9.
 */
@QuarkusTest
class CompareResourceTest {

    private static final Path EXAMPLE = Path.of("../examples/queueing").toAbsolutePath().normalize();
    private static final String SAME_A = newCampaign();
    private static final String SAME_B = newCampaign();
    private static final String LOADED = newCampaign();
    private static final JsonPathConfig DOUBLES = JsonPathConfig.jsonPathConfig()
            .numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE);
    private static boolean uploaded;

    @BeforeEach
    void runAndUploadOnce() throws Exception {
        if (uploaded) {
            return;
        }
        exec(EXAMPLE.toFile(), List.of("make", "-s"));
        Path work = Files.createTempDirectory("compare-runs");
        for (int run = 0; run < 4; run++) {
            runAndUpload(work, SAME_A, run, List.of());
            runAndUpload(work, SAME_B, run, List.of());
            runAndUpload(work, LOADED, run, List.of("--**.rho=0.9"));
        }
        uploaded = true;
    }

    private static void runAndUpload(Path work, String campaign, int run, List<String> args) throws Exception {
        Path dir = Files.createDirectories(work.resolve(campaign + "/" + run));
        List<String> command = new ArrayList<>(List.of("./queueing", "-u", "Cmdenv", "-c", "General", "--repeat=4",
                "-r", Integer.toString(run), "--result-dir", dir.toString()));
        command.addAll(args);
        exec(EXAMPLE.toFile(), command);
        upload(campaign, run, Archives.of(dir).tarGz()).statusCode(201);
    }

    private static void exec(File dir, List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
    }

    private static JsonPath compare(String query) {
        return JsonPath.from(given().get("/compare?" + query).then().statusCode(200).extract().asString())
                .using(DOUBLES);
    }

    @Test
    void theSameCommitTwiceIsTheSameEverywhere() {
        JsonPath rows = compare("a=" + SAME_A + "&b=" + SAME_B);
        assertThat(rows.getList("verdict", String.class)).hasSizeGreaterThan(10).containsOnly("same");
        assertThat(rows.getList("countA", Integer.class)).containsOnly(4);
        assertThat(rows.getList("difference", Double.class)).containsOnly(0.0);
    }

    @Test
    void anotherLoadIsDifferentWhereItMustBe() {
        JsonPath rows = compare("a=" + SAME_A + "&b=" + LOADED);
        Map<String, String> verdicts = rows.getList("", Map.class).stream().collect(Collectors.toMap(
                row -> row.get("module") + " " + row.get("name"), row -> (String) row.get("verdict")));
        assertThat(verdicts).containsEntry("Queueing.queue queueingTime:mean", "different")
                .containsEntry("Queueing.sink lifeTime:mean", "different")
                .containsEntry("Queueing.server[0] busy:timeavg", "different")
                .containsEntry("Queueing theoreticalUtilization", "different")
                .containsEntry("Queueing duration", "same");
        given().get("/compare?a=" + SAME_A + "&b=" + LOADED).then().body("[0].effectSize", equalTo("Infinity"))
                .body("[0].verdict", equalTo("different"));

        JsonPath queueing = compare("a=" + SAME_A + "&b=" + LOADED + "&scalars=queueingTime:mean");
        assertThat(queueing.getList("")).hasSize(1);
        assertThat(queueing.getDouble("[0].relativeDifference")).isGreaterThan(3);
        assertThat(queueing.getDouble("[0].adjustedP")).isLessThan(0.05);
    }

    @Test
    void exactComparisonNamesTheFirstDifference() {
        given().get("/compare?exact=true&a=" + SAME_A + "&b=" + SAME_B).then().statusCode(200)
                .header(CompareResource.COMPARED, Integer::parseInt, org.hamcrest.Matchers.greaterThan(40))
                .body("", hasSize(0));
        JsonPath differences = compare("exact=true&a=" + SAME_A + "&b=" + LOADED);
        assertThat(differences.getList("")).isNotEmpty();
        assertThat(differences.getInt("[0].repetition")).isZero();
        assertThat(differences.getDouble("[0].a")).isNotEqualTo(differences.getDouble("[0].b"));
        given().accept("text/csv").get("/compare?a=" + SAME_A + "&b=" + LOADED + "&scalars=duration").then()
                .statusCode(200).body(containsString("module,name,countA,meanA,countB,meanB,difference,"
                        + "relativeDifference,effectSize,pValue,adjustedP,verdict"))
                .body(containsString("Queueing,duration,4,100,4,100,0,0,0,1,1,same"));
    }

    @Test
    void refusesWhatItCannotCompare() {
        given().get("/compare?a=" + SAME_A).then().statusCode(400)
                .body("detail", equalTo("Name the two campaigns to compare: /compare?a=CAMPAIGN&b=CAMPAIGN."));
        given().get("/compare?a=" + SAME_A + "&b=" + SAME_B + "&alpha=2").then().statusCode(400)
                .body("detail", equalTo("alpha must be between 0 and 1, not 2.0."));
        given().get("/compare?a=" + SAME_A + "&b=no-such-campaign").then().statusCode(404);
    }

}
