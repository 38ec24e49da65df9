package io.simswarm.results.vector;

import static io.restassured.RestAssured.given;
import static io.simswarm.results.TestRuns.newCampaign;
import static io.simswarm.results.TestRuns.upload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.simswarm.results.Archives;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Downsampled vector data: a vector of 10,000 points with one spike and one dip, asked for at most 100 points. */
@QuarkusTest
class VectorPointsResourceTest {

    private static final String CAMPAIGN = newCampaign();
    private static final int POINTS = 10_000;

    private static boolean uploaded;

    @BeforeEach
    void uploadVectorOnce() {
        if (uploaded) {
            return;
        }
        uploaded = true;
        StringBuilder vec = new StringBuilder("version 3\nrun Exp-0\nvector 7 Net.host queue:vector ETV\n");
        for (int i = 0; i < POINTS; i++) {
            double value = i == 4321 ? 1000 : i == 777 ? -50 : i % 10;
            vec.append("7\t").append(i).append('\t').append(i / 100.0).append('\t').append(value).append('\n');
        }
        upload(CAMPAIGN, 0, new Archives().file("Exp-#0.vec", vec.toString()).file("Exp-#0.sca",
                "version 3\nrun Exp-0\nattr configname Exp\nattr repetition 0\n").tarGz()).statusCode(201);
    }

    @Test
    void keepsAtMostMaxPointsInTimeOrderWithTheExtremes() {
        JsonPath body = given().queryParam("maxPoints", 100)
                .get("/campaigns/{c}/vectors/{k}/points", CAMPAIGN, "0-7")
                .then().statusCode(200)
                .body("key", equalTo("0-7")).body("count", equalTo(POINTS)).body("maxPoints", equalTo(100))
                .extract().jsonPath();
        List<Float> times = body.getList("points.time", Float.class);
        List<Float> values = body.getList("points.value", Float.class);
        assertThat(times).hasSizeLessThanOrEqualTo(100).hasSizeGreaterThan(50).isSorted();
        assertThat(values).contains(1000f, -50f);
        assertThat(times.get(values.indexOf(1000f))).isEqualTo(43.21f);
    }

    @Test
    void answersEveryPointOfAShortVector() {
        given().queryParam("maxPoints", 20_000).get("/campaigns/{c}/vectors/{k}/points", CAMPAIGN, "0-7")
                .then().statusCode(200).body("points", hasSize(POINTS)).body("points[5].value", equalTo(5f));
    }

    @Test
    void refusesAMaxPointsOutOfRangeAndAnUnknownVector() {
        given().queryParam("maxPoints", 1).get("/campaigns/{c}/vectors/{k}/points", CAMPAIGN, "0-7")
                .then().statusCode(400).body("detail", containsString("maxPoints must be between 2 and"));
        given().get("/campaigns/{c}/vectors/{k}/points", CAMPAIGN, "0-99")
                .then().statusCode(404).body("detail", containsString("no vector with key '0-99'"));
    }
}
