package io.simswarm.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real OpenID Connect provider for tests: {@code test-support/oidc/provider.mjs} (node-oidc-provider) started as a
 * process on a free port of 127.0.0.1. As a Quarkus test resource it points the service at it
 * ({@code simswarm.oidc.url}, audience {@code simswarm}); {@link #clientToken} asks it for an access token with the
 * client credentials grant, as a machine client of a lab's identity provider would.
 */
public class TestIdentityProvider implements QuarkusTestResourceLifecycleManager, AutoCloseable {

    private static volatile String issuer;
    private Process process;

    /**
     * Starts the provider (after {@code npm ci} in its folder if it has no node_modules yet) and waits for it.
     *
     * @param redirectUri where the dashboard's client may be sent back after a sign-in
     */
    public static TestIdentityProvider startOn(int port, String redirectUri) {
        TestIdentityProvider provider = new TestIdentityProvider();
        provider.launch(port, redirectUri);
        return provider;
    }

    @Override
    public Map<String, String> start() {
        launch(freePort(), "http://127.0.0.1/");
        return Map.of("simswarm.oidc.url", issuer, "simswarm.oidc.audience", "simswarm");
    }

    @Override
    public void stop() {
        close();
    }

    @Override
    public void close() {
        if (process != null) {
            process.destroy();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    /** The issuer URL of the running provider. */
    public static String issuer() {
        if (issuer == null) {
            throw new IllegalStateException("the test identity provider is not running");
        }
        return issuer;
    }

    /** An access token for the machine client {@code client} ({@code ci-runner}, {@code ci-viewer}, {@code ci-admin}). */
    public static String clientToken(String client) {
        String basic = Base64.getEncoder().encodeToString((client + ":" + client + "-secret")
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(issuer() + "/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=api")).build());
        Matcher token = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(answer.body());
        if (answer.statusCode() != 200 || !token.find()) {
            throw new IllegalStateException("the identity provider gave no token: " + answer.statusCode() + " "
                    + answer.body());
        }
        return token.group(1);
    }

    private void launch(int port, String redirectUri) {
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            probe.setReuseAddress(true);
        } catch (IOException inUse) {
            throw new IllegalStateException("port " + port + " of 127.0.0.1 is in use: the test identity provider "
                    + "cannot listen there (is another one still running?)", inUse);
        }
        Path folder = Path.of(System.getProperty("simswarm.root", "..")).toAbsolutePath().normalize()
                .resolve("test-support/oidc");
        try {
            if (!Files.isDirectory(folder.resolve("node_modules/oidc-provider"))) {
                Process install = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(folder.toFile())
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (!install.waitFor(5, TimeUnit.MINUTES) || install.exitValue() != 0) {
                    throw new IllegalStateException("npm ci failed in " + folder);
                }
            }
            ProcessBuilder builder = new ProcessBuilder("node", "provider.mjs").directory(folder.toFile())
                    .redirectErrorStream(true).redirectOutput(folder.resolve("provider.log").toFile());
            builder.environment().put("PORT", String.valueOf(port));
            builder.environment().put("SIMSWARM_OIDC_REDIRECTS", redirectUri);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        String url = "http://127.0.0.1:" + port;
        Instant deadline = Instant.now().plusSeconds(60);
        while (true) {
            try {
                HttpResponse<String> discovery = HttpClient.newHttpClient().send(
                        HttpRequest.newBuilder(URI.create(url + "/.well-known/openid-configuration")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (discovery.statusCode() == 200) {
                    issuer = url;
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                close();
                throw new IllegalStateException("the test identity provider did not start; see "
                        + folder.resolve("provider.log"));
            }
            sleep(Duration.ofMillis(200));
        }
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
