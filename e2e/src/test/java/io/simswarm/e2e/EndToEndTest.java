package io.simswarm.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * What every end-to-end test class starts from: the four services as processes ({@link ServiceCluster}) and a git
 * copy of examples/queueing to run {@code simswarm} in.
 */
abstract class EndToEndTest {

    static Path root;
    static Path work;
    static Path project;
    static ServiceCluster services;

    @BeforeAll
    static void startServicesAndCreateProject() throws Exception {
        root = Path.of(System.getProperty("simswarm.root", "..")).toRealPath();
        work = Files.createTempDirectory("simswarm-e2e");
        project = ExampleProject.repository(root, work.resolve("queueing"));
        services = new ServiceCluster(root).start();
    }

    @AfterAll
    static void stopServices() throws Exception {
        if (services != null) {
            services.close();
            services = null;
        }
    }

    /** The command line that runs the packaged {@code simswarm} with {@code arguments}. */
    static List<String> cli(String... arguments) {
        List<String> command = new ArrayList<>(List.of("java", "-jar",
                root.resolve("cli/target/simswarm.jar").toString()));
        command.addAll(List.of(arguments));
        return command;
    }

    /** The campaign id of the first line {@code simswarm run} printed that starts with {@code campaign ID}. */
    static String campaignId(String output) {
        Matcher m = Pattern.compile("^campaign ([0-9a-f-]{36})", Pattern.MULTILINE).matcher(output);
        assertThat(m.find()).as("campaign id in:%n%s", output).isTrue();
        return m.group(1);
    }

    /** GET of {@code path} on {@code service} with the admin token; must answer 200 with JSON. */
    static JsonNode get(ServiceCluster.Service service, String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(service.url() + path)).header("Accept", "application/json")
                        .header("Authorization", TestKeys.authorization()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s%s: %s", service.url(), path, response.body()).isEqualTo(200);
        return new ObjectMapper().readTree(response.body());
    }
}
