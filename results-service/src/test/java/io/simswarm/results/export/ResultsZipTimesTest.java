package io.simswarm.results.export;

import static io.restassured.RestAssured.given;
import static io.simswarm.results.TestRuns.newCampaign;
import static io.simswarm.results.TestRuns.upload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.simswarm.results.Archives;
import io.simswarm.results.TestRuns;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * Files keep the modification time of their tar entry: in the file list and in {@code results.zip}, so that a
 * downloaded .vec still matches the size and time its .vci index recorded and opp_scavetool does not rebuild it.
 */
@QuarkusTest
class ResultsZipTimesTest {

    @Test
    void aVecAndVciPairKeepsTheirModificationTimesInTheZip() throws IOException {
        byte[] vci = Archives.read(TestRuns.OMNETPP_61.resolve(TestRuns.VCI));
        // the index's first line: "file SIZE MTIME" of the .vec it was written for
        String[] indexed = new String(vci, StandardCharsets.UTF_8).lines().findFirst().orElseThrow().trim()
                .split("\\s+");
        Instant vecTime = Instant.ofEpochSecond(Long.parseLong(indexed[2]));
        Instant vciTime = vecTime.plusSeconds(1);
        String campaign = newCampaign();
        upload(campaign, 3, new Archives()
                .file(TestRuns.SCA, Archives.read(TestRuns.OMNETPP_61.resolve(TestRuns.SCA)))
                .file(TestRuns.VEC, Archives.read(TestRuns.OMNETPP_61.resolve(TestRuns.VEC)), vecTime)
                .file(TestRuns.VCI, vci, vciTime).tarGz()).statusCode(201);

        given().get("/campaigns/{c}/runs/3/files", campaign).then().statusCode(200)
                .body("files.find { it.name == '" + TestRuns.VEC + "' }.modifiedAt", equalTo(vecTime.toString()));

        byte[] zip = given().get("/campaigns/{c}/results.zip", campaign).then().statusCode(200).extract()
                .asByteArray();
        Map<String, Instant> times = new HashMap<>();
        Map<String, Long> sizes = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                times.put(entry.getName(), entry.getLastModifiedTime().toInstant());
                sizes.put(entry.getName(), in.transferTo(java.io.OutputStream.nullOutputStream()));
            }
        }
        assertThat(times).containsEntry("results/" + TestRuns.VEC, vecTime)
                .containsEntry("results/" + TestRuns.VCI, vciTime);
        assertThat(sizes.get("results/" + TestRuns.VEC)).isEqualTo(Long.parseLong(indexed[1]));
    }
}
