package io.simswarm.results;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The OpenAPI document describes every answer with a schema and an example, error answers included. */
@QuarkusTest
class OpenApiTest {

    private static final List<String> LISTS = List.of("scalars", "scalars/wide", "statistics", "vectors", "params",
            "config-entries", "runs", "parse-errors");

    @Test
    void everyListHasRowSchemasJsonAndCsvExamplesAndProblemAnswers() throws IOException {
        JsonNode paths = document().get("paths");
        for (String list : LISTS) {
            JsonNode responses = paths.at("/~1campaigns~1{campaignId}~1" + list.replace("/", "~1") + "/get/responses");
            assertThat(responses.isMissingNode()).as(list).isFalse();
            JsonNode json = responses.at("/200/content/application~1json");
            assertThat(json.at("/schema/type").asText()).as(list).isEqualTo("array");
            assertThat(json.at("/schema/items/$ref").asText()).as(list).startsWith("#/components/schemas/");
            assertThat(json.at("/examples/json/value").isMissingNode()).as(list).isFalse();
            assertThat(responses.at("/200/content/text~1csv/examples/csv/value").asText()).as(list).contains(",");
            assertThat(responses.at("/404/content/application~1problem+json/schema/$ref").asText())
                    .endsWith("/Problem");
            assertThat(responses.at("/400/content/application~1problem+json/examples").isMissingNode()).isFalse();
        }
    }

    @Test
    void statisticsRowsNameScavetoolsHistogramFields() throws IOException {
        JsonNode statistic = document().at("/components/schemas/Statistic/properties");
        for (String field : List.of("binedges", "binvalues", "underflows", "overflows", "sumweights")) {
            assertThat(statistic.has(field)).as(field).isTrue();
        }
    }

    @Test
    void provenanceFilesAndUploadsHaveSchemas() throws IOException {
        JsonNode paths = document().get("paths");
        assertThat(paths.at("/~1campaigns~1{campaignId}~1provenance/get/responses/200/content/application~1json"
                + "/schema/$ref").asText()).endsWith("/CampaignManifest");
        assertThat(paths.at("/~1campaigns~1{campaignId}~1runs~1{run}~1provenance/get/responses/404/content"
                + "/application~1problem+json/examples").isMissingNode()).isFalse();
        assertThat(paths.at("/~1campaigns~1{campaignId}~1runs~1{runNumber}~1results/post/responses/201/content"
                + "/application~1json/schema/$ref").asText()).endsWith("/UploadReceipt");
        for (String upload : List.of("/~1campaigns~1{campaignId}~1runs~1{runNumber}~1results/post/responses",
                "/~1campaigns~1{campaignId}~1results/post/responses")) {
            for (String status : List.of("400", "401", "403", "413")) {
                assertThat(paths.at(upload + "/" + status + "/content/application~1problem+json/schema/$ref").asText())
                        .as(upload + " " + status).endsWith("/Problem");
            }
        }
    }

    private static JsonNode document() throws IOException {
        return new ObjectMapper().readTree(given().accept("application/json").get("/q/openapi?format=json").then()
                .statusCode(200).extract().asString());
    }
}
