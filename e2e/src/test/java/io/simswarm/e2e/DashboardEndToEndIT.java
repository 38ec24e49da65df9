package io.simswarm.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.simswarm.testing.TestIdentityProvider;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The dashboard in Debian's chromium (dashboard/e2e/dashboard.e2e.mjs, driven by playwright-core) against the four
 * services as processes, served with their APIs on one port by dashboard/serve.mjs as in the quickstart. The script
 * writes a screenshot of each screen to docs/screenshots. The services and the dashboard trust a real OpenID provider
 * ({@link TestIdentityProvider}), through which a runner signs in as a person would.
 */
class DashboardEndToEndIT extends EndToEndTest {

    private static final int PORT = 18080;
    private static Process server;
    private static TestIdentityProvider identityProvider;

    @AfterAll
    static void stopServer() throws InterruptedException {
        if (server != null) {
            server.destroy();
            server.waitFor();
        }
        if (identityProvider != null) {
            identityProvider.close();
        }
    }

    @Test
    void aRunnerWatchesTriagesAndPlotsAViewerOnlyLooks() throws Exception {
        Path dashboard = root.resolve("dashboard");
        assertThat(dashboard.resolve("dist/index.html")).as("the dashboard is built (mvn package)").exists();
        identityProvider = TestIdentityProvider.startOn(ServiceCluster.IDENTITY_PROVIDER_PORT,
                "http://127.0.0.1:" + PORT + "/");
        ProcessBuilder serve = new ProcessBuilder("node", "serve.mjs").directory(dashboard.toFile())
                .redirectErrorStream(true).redirectOutput(work.resolve("serve.log").toFile());
        serve.environment().putAll(Map.of(
                "SIMSWARM_DASHBOARD_PORT", String.valueOf(PORT),
                "SIMSWARM_SCHEDULER_URL", ServiceCluster.SCHEDULER.url(),
                "SIMSWARM_BUILD_URL", ServiceCluster.BUILD.url(),
                "SIMSWARM_PROVISIONER_URL", ServiceCluster.PROVISIONER.url(),
                "SIMSWARM_RESULTS_URL", ServiceCluster.RESULTS.url(),
                "SIMSWARM_OIDC_URL", ServiceCluster.IDENTITY_PROVIDER,
                "SIMSWARM_OIDC_CLIENT_ID", "simswarm-dashboard"));
        server = serve.start();
        HttpClient http = HttpClient.newHttpClient();
        Awaitility.await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + "/")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode() == 200);

        Path screenshots = root.resolve("docs/screenshots");
        Files.createDirectories(screenshots);
        Processes.Result result = Processes.run(dashboard, Map.of(
                "DASHBOARD_URL", "http://127.0.0.1:" + PORT,
                "PROJECT_URI", project.toUri().toString(),
                "SCREENSHOTS", screenshots.toString(),
                "RUNNER_TOKEN", TestKeys.token("rita", "runner"),
                "VIEWER_TOKEN", TestKeys.token("victor", "viewer"),
                "OIDC_LOGIN", "olivia"), 570, List.of("node", "e2e/dashboard.e2e.mjs"));

        assertThat(result.exitCode()).as("dashboard.e2e.mjs:%n%s%s%nserve.mjs:%n%s", result.stdout(), result.stderr(),
                Files.readString(work.resolve("serve.log"))).isZero();
        assertThat(result.stdout()).contains("every check passed");
        assertThat(screenshots.resolve("campaign.png")).exists();
        assertThat(screenshots.resolve("results.png")).exists();
    }
}
