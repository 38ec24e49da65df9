package io.simswarm.results.query;

import static io.restassured.RestAssured.given;
import static io.simswarm.results.TestRuns.newCampaign;
import static io.simswarm.results.TestRuns.upload;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.simswarm.results.TestRuns;
import io.simswarm.testing.TestTokens;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The run, parameter, configuration and histogram endpoints over the real OMNeT++ 6.1 sample, compared field by
 * field with what the .sca file holds (read here line by line, independently of the service's parser), and the
 * CSV answers read by Python as a pandas user would.
 */
@QuarkusTest
class OmnetppFilesQueryTest {

    private static final String CAMPAIGN = newCampaign();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static SampleSca sca;

    @BeforeEach
    void uploadTheSampleOnce() throws IOException {
        if (sca != null) {
            return;
        }
        upload(CAMPAIGN, 3, TestRuns.omnetpp61().tarGz()).statusCode(201);
        sca = SampleSca.read(TestRuns.OMNETPP_61.resolve(TestRuns.SCA));
    }

    @Test
    void runAttributesAndItervarsInIniOrderAreThoseOfTheFile() throws IOException {
        JsonNode run = get("/campaigns/{c}/runs").get(0);
        assertThat(run.get("run").asInt()).isEqualTo(3);
        assertThat(run.get("runId").asText()).isEqualTo(sca.runId);
        assertThat(fields(run.get("attributes"))).isEqualTo(sca.attributes).hasSize(16);
        // the file lists itervars by name (iaMean, numHosts); the ini order is numHosts, iaMean
        assertThat(fields(run.get("itervars"))).containsExactly(Map.entry("numHosts", "10"), Map.entry("iaMean", "2"));
        assertThat(sca.itervars).containsOnly(Map.entry("numHosts", "10"), Map.entry("iaMean", "2"));

        String csv = given().get("/campaigns/{c}/runs?format=csv", CAMPAIGN).then().statusCode(200).extract()
                .asString();
        assertThat(csv.split("\r\n")[0]).startsWith("run,runId,repetition,config,numHosts,iaMean,configname,datetime,");
    }

    @Test
    void configEntriesAreThoseOfTheFileInFileOrder() throws IOException {
        JsonNode rows = get("/campaigns/{c}/config-entries");
        List<List<String>> served = new ArrayList<>();
        for (JsonNode row : rows) {
            served.add(List.of(row.get("key").asText(), row.get("value").asText()));
            assertThat(row.get("order").asInt()).isEqualTo(served.size());
        }
        assertThat(served).isEqualTo(sca.config).hasSize(18);
        List<List<String>> inRuns = new ArrayList<>();
        get("/campaigns/{c}/runs").get(0).get("configEntries")
                .forEach(pair -> inRuns.add(List.of(pair.get(0).asText(), pair.get(1).asText())));
        assertThat(inRuns).isEqualTo(sca.config);
        assertThat(get("/campaigns/{c}/config-entries?name=Aloha.*")).extracting(row -> row.get("value").asText())
                .containsExactly("10", "20", "0s", "9.6kbps");
    }

    @Test
    void parametersAreThoseOfTheFile() throws IOException {
        JsonNode rows = get("/campaigns/{c}/params");
        List<List<String>> served = new ArrayList<>();
        for (JsonNode row : rows) {
            served.add(List.of(row.get("module").asText(), row.get("name").asText(), row.get("value").asText(),
                    String.valueOf(fields(row.get("attributes")))));
        }
        List<List<String>> expected = new ArrayList<>(sca.parameters);
        expected.sort(Comparator.comparing((List<String> p) -> p.get(0)).thenComparing(p -> p.get(1)));
        assertThat(served).isEqualTo(expected).hasSize(118);

        assertThat(get("/campaigns/{c}/params?module=Aloha.host[0]&name=*Len*")).singleElement()
                .satisfies(p -> assertThat(p.get("value").asText()).isEqualTo("952b"));
        assertThat(get("/campaigns/{c}/params?module=**.host[*]&name=x")).hasSize(10);
    }

    @Test
    void histogramsHaveScavetoolsFieldsEqualToTheFile() throws IOException {
        JsonNode rows = get("/campaigns/{c}/statistics");
        assertThat(rows).hasSize(sca.statistics.size());
        for (JsonNode row : rows) {
            SampleSca.Stat stat = sca.statistics.get(row.get("module").asText() + " " + row.get("name").asText());
            assertThat(stat).as(row.get("name").asText()).isNotNull();
            stat.fields.forEach((field, value) -> assertThat(number(row.get(field))).as(field).isEqualTo(value));
            assertThat(number(row.get("sumweights"))).isEqualTo(stat.fields.get("count"));
            assertThat(fields(row.get("attributes"))).isEqualTo(stat.attributes);
            // bin lines: (-inf, underflows), (edge, value)..., (last edge, overflows)
            int n = stat.lower.size();
            assertThat(stat.lower.get(0)).isEqualTo(Double.NEGATIVE_INFINITY);
            assertThat(number(row.get("underflows"))).isEqualTo(stat.counts.get(0));
            assertThat(numbers(row.get("binedges"))).isEqualTo(stat.lower.subList(1, n));
            assertThat(numbers(row.get("binvalues"))).isEqualTo(stat.counts.subList(1, n - 1));
            assertThat(number(row.get("overflows"))).isEqualTo(stat.counts.get(n - 1));
        }
        JsonNode multiplicity = get("/campaigns/{c}/statistics?name=collisionMultiplicity:histogram").get(0);
        assertThat(numbers(multiplicity.get("binedges"))).containsExactly(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0);
        assertThat(numbers(multiplicity.get("binvalues"))).containsExactly(0.0, 430.0, 153.0, 55.0, 25.0, 5.0, 1.0);
        assertThat(number(multiplicity.get("underflows"))).isZero();
        assertThat(number(multiplicity.get("overflows"))).isZero();
    }

    @Test
    void vectorsAreFilteredLikeScalars() throws IOException {
        JsonNode all = get("/campaigns/{c}/vectors");
        JsonNode server = get("/campaigns/{c}/vectors?module=Aloha.server&name=*:vector");
        assertThat(server).isNotEmpty().hasSizeLessThan(all.size())
                .allSatisfy(v -> assertThat(v.get("module").asText()).isEqualTo("Aloha.server"));
        assertThat(get("/campaigns/{c}/vectors?config=Other")).isEmpty();
        assertThat(get("/campaigns/{c}/vectors?run=3&module=**.host[*]")).hasSize(all.size() - server.size());
    }

    @Test
    void theWideTableHasOneRowPerRunWithItervarsAttributesAndTheChosenScalars() throws IOException {
        JsonNode row = get("/campaigns/{c}/scalars/wide?module=Aloha.server&name=*:last").get(0);
        assertThat(fields(row.get("itervars"))).containsExactly(Map.entry("numHosts", "10"), Map.entry("iaMean", "2"));
        assertThat(fields(row.get("attributes"))).isEqualTo(sca.attributes);
        assertThat(number(row.get("scalars").get("Aloha.server.channelUtilization:last"))).isEqualTo(0.18892014506432);
        assertThat(number(row.get("scalars").get("Aloha.server.receivedFrames:last"))).isEqualTo(1142.0);
        assertThat(row.get("scalars").size()).isEqualTo(3);

        String csv = given().get("/campaigns/{c}/scalars/wide?module=Aloha.server&name=*:last&format=csv", CAMPAIGN)
                .then().statusCode(200).extract().asString();
        String[] lines = csv.split("\r\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).startsWith("run,runId,repetition,config,numHosts,iaMean,configname,")
                .endsWith(",Aloha.server.channelUtilization:last,Aloha.server.collidedFrames:last,"
                        + "Aloha.server.receivedFrames:last");
        assertThat(lines[1]).endsWith(",0.18892014506432,1701,1142");
    }

    @Test
    void pythonReadsTheScalarsCsvFromAPlainUrl() throws Exception {
        JsonNode scalars = get("/campaigns/{c}/scalars");
        JsonNode read = python("/campaigns/" + CAMPAIGN + "/scalars?format=csv");
        assertThat(read.get("columns")).extracting(JsonNode::asText).containsExactly("run", "repetition", "config",
                "numHosts", "iaMean", "module", "name", "value");
        assertThat(read.get("rows")).hasSize(scalars.size()).hasSize(sca.scalars.size());
        for (JsonNode row : read.get("rows")) {
            String key = row.get("module").asText() + " " + row.get("name").asText();
            assertThat(Double.parseDouble(row.get("value").asText())).as(key).isEqualTo(sca.scalars.get(key));
            assertThat(row.get("numHosts").asText()).isEqualTo("10");
            assertThat(row.get("config").asText()).isEqualTo("PureAlohaExperiment");
        }
    }

    private static JsonNode python(String pathAndQuery) throws IOException, InterruptedException {
        Path script = Path.of("src/test/resources/python/read_csv.py");
        ProcessBuilder builder = new ProcessBuilder("python3", script.toString(),
                "http://localhost:" + RestAssured.port + pathAndQuery).redirectErrorStream(false);
        builder.environment().put("SIMSWARM_TOKEN", TestTokens.of("analyst", "viewer"));
        Process process = builder.start();
        byte[] out = process.getInputStream().readAllBytes();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(err).isZero();
        return JSON.readTree(out);
    }

    private static JsonNode get(String path) throws IOException {
        return JSON.readTree(given().get(path, CAMPAIGN).then().statusCode(200).extract().asString());
    }

    private static Map<String, String> fields(JsonNode object) {
        Map<String, String> map = new LinkedHashMap<>();
        if (object != null && !object.isNull()) {
            object.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        }
        return map;
    }

    private static Double number(JsonNode node) {
        return node.isTextual() ? Double.valueOf(node.asText()) : node.asDouble();
    }

    private static List<Double> numbers(JsonNode array) {
        List<Double> list = new ArrayList<>();
        array.forEach(n -> list.add(number(n)));
        return list;
    }

    /** What the sample .sca holds, read with a tokenizer of its own (double quotes, backslash escapes). */
    static final class SampleSca {
        String runId;
        final Map<String, String> attributes = new LinkedHashMap<>();
        final Map<String, String> itervars = new LinkedHashMap<>();
        final List<List<String>> config = new ArrayList<>();
        final List<List<String>> parameters = new ArrayList<>();
        final Map<String, Double> scalars = new LinkedHashMap<>();
        final Map<String, Stat> statistics = new LinkedHashMap<>();

        static final class Stat {
            final Map<String, Double> fields = new LinkedHashMap<>();
            final Map<String, String> attributes = new LinkedHashMap<>();
            final List<Double> lower = new ArrayList<>();
            final List<Double> counts = new ArrayList<>();
        }

        static SampleSca read(Path file) throws IOException {
            SampleSca sca = new SampleSca();
            Map<String, String> attrTarget = sca.attributes;
            Stat stat = null;
            List<String> lastParameter = null;
            for (String line : Files.readAllLines(file)) {
                List<String> t = tokens(line);
                if (t.isEmpty()) {
                    continue;
                }
                switch (t.get(0)) {
                    case "run" -> sca.runId = t.get(1);
                    case "attr" -> {
                        if (lastParameter != null) {
                            lastParameter.set(3, lastParameter.get(3).equals("{}") ? "{" + t.get(1) + "=" + t.get(2)
                                    + "}" : lastParameter.get(3));
                        } else if (attrTarget != null) {
                            attrTarget.put(t.get(1), t.get(2));
                        }
                    }
                    case "itervar" -> sca.itervars.put(t.get(1), t.get(2));
                    case "config" -> sca.config.add(List.of(t.get(1), t.get(2)));
                    case "par" -> {
                        lastParameter = new ArrayList<>(List.of(t.get(1), t.get(2), t.get(3), "{}"));
                        sca.parameters.add(lastParameter);
                        attrTarget = null;
                        continue;
                    }
                    case "scalar" -> {
                        sca.scalars.put(t.get(1) + " " + t.get(2), parse(t.get(3)));
                        attrTarget = null;
                    }
                    case "statistic" -> {
                        stat = new Stat();
                        sca.statistics.put(t.get(1) + " " + t.get(2), stat);
                        attrTarget = stat.attributes;
                    }
                    case "field" -> stat.fields.put(t.get(1), parse(t.get(2)));
                    case "bin" -> {
                        stat.lower.add(parse(t.get(1)));
                        stat.counts.add(parse(t.get(2)));
                    }
                    default -> {
                    }
                }
                if (!t.get(0).equals("attr")) {
                    lastParameter = null;
                }
            }
            return sca;
        }

        static double parse(String token) {
            return switch (token) {
                case "inf" -> Double.POSITIVE_INFINITY;
                case "-inf" -> Double.NEGATIVE_INFINITY;
                case "nan" -> Double.NaN;
                default -> Double.parseDouble(token);
            };
        }

        static List<String> tokens(String line) {
            List<String> tokens = new ArrayList<>();
            int i = 0;
            while (i < line.length()) {
                char c = line.charAt(i);
                if (Character.isWhitespace(c)) {
                    i++;
                } else if (c == '"') {
                    StringBuilder token = new StringBuilder();
                    for (i++; line.charAt(i) != '"'; i++) {
                        token.append(line.charAt(i) == '\\' ? line.charAt(++i) : line.charAt(i));
                    }
                    tokens.add(token.toString());
                    i++;
                } else {
                    int start = i;
                    while (i < line.length() && !Character.isWhitespace(line.charAt(i))) {
                        i++;
                    }
                    tokens.add(line.substring(start, i));
                }
            }
            return tokens;
        }
    }
}
