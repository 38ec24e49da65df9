package io.simswarm.imagebuild;

import static io.simswarm.testing.BadInput.bare;
import static io.simswarm.testing.BadInput.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.simswarm.testing.BadInput;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bad request to the build service is refused at once with a sentence naming what was wrong, and queues no
 * build. None of these requests gets as far as the provisioner or a git host.
 */
@QuarkusTest
class BadInputCatalogueTest {

    private static final String REPO = "\"repoUrl\":\"https://git.example.org/sim.git\"";
    private static final String UNKNOWN = UUID.randomUUID().toString();

    @Inject
    AgroalDataSource database;

    static Stream<BadInput> cases() {
        return Stream.of(
                // the body itself
                json("body missing", "POST", "/builds", null, 400, "The request body is missing"),
                json("body malformed JSON", "POST", "/builds", "{\"repoUrl\": ",
                        400, "The request body is not valid JSON for this endpoint: Unexpected end-of-input"),
                json("body a JSON array", "POST", "/builds", "[\"https://git.example.org/sim.git\"]",
                        400, "The request body is not valid JSON for this endpoint: it must be a JSON object, not an"
                                + " array."),
                json("body as plain text", "POST", "/builds", "{" + REPO + "}",
                        415, "POST /builds does not take a body of type 'text/plain'").typed("text/plain"),
                // the repository
                json("repository missing", "POST", "/builds", "{\"ref\":\"main\"}", 400, "repoUrl is required"),
                json("repository blank", "POST", "/builds", "{\"repoUrl\":\"   \"}", 400, "repoUrl is required"),
                json("repository over ftp", "POST", "/builds", "{\"repoUrl\":\"ftp://git.example.org/sim.git\"}",
                        400, "repoUrl 'ftp://git.example.org/sim.git' uses the unsupported scheme 'ftp'"),
                json("repository over plain http", "POST", "/builds", "{\"repoUrl\":\"http://git.example.org/s.git\"}",
                        400, "uses the unsupported scheme 'http' (use https, ssh or git)"),
                json("repository with credentials", "POST", "/builds",
                        "{\"repoUrl\":\"https://alice:s3cret@git.example.org/sim.git\"}",
                        400, "repoUrl 'https://***@git.example.org/sim.git' carries credentials"),
                json("repository like an option", "POST", "/builds", "{\"repoUrl\":\"--upload-pack=touch /tmp/x\"}",
                        400, "starts its address with '-', which git and ssh would take for a command option"),
                json("repository host like an option", "POST", "/builds",
                        "{\"repoUrl\":\"ssh://-oProxyCommand=x/sim.git\"}",
                        400, "starts its address with '-'"),
                json("repository not a URL", "POST", "/builds", "{\"repoUrl\":42}",
                        400, "repoUrl '42' is not a git URL"),
                json("repository URL too long", "POST", "/builds",
                        "{\"repoUrl\":\"https://git.example.org/" + "a".repeat(3000) + "\"}",
                        400, "repoUrl is 3024 characters long; a repository URL has at most 2048"),
                // the ref
                json("ref like an option", "POST", "/builds", "{" + REPO + ",\"ref\":\"--upload-pack=x\"}",
                        400, "ref '--upload-pack=x' starts with '-', like a command option"),
                json("ref with spaces", "POST", "/builds", "{" + REPO + ",\"ref\":\"main; rm -rf /\"}",
                        400, "ref 'main; rm -rf /' is not a branch, tag or commit name"),
                json("ref with a control character", "POST", "/builds", "{" + REPO + ",\"ref\":\"main\\u0000\"}",
                        400, "ref 'main?' is not a branch, tag or commit name"),
                json("ref a range", "POST", "/builds", "{" + REPO + ",\"ref\":\"main..evil\"}",
                        400, "ref 'main..evil' is not a branch, tag or commit name"),
                json("ref too long", "POST", "/builds", "{" + REPO + ",\"ref\":\"" + "r".repeat(300) + "\"}",
                        400, "ref is 300 characters long; a branch, tag or commit has at most 255"),
                // the build's folder, image and command
                json("workdir outside the repository", "POST", "/builds", "{" + REPO + ",\"workdir\":\"../outside\"}",
                        400, "workdir '../outside' must be a folder inside the repository"),
                json("workdir with a control character", "POST", "/builds", "{" + REPO + ",\"workdir\":\"a\\u0007b\"}",
                        400, "workdir must be a folder inside the repository: at most 1024 characters, without control"),
                json("workdir too long", "POST", "/builds", "{" + REPO + ",\"workdir\":\"" + "w/".repeat(600) + "\"}",
                        400, "workdir must be a folder inside the repository: at most 1024 characters"),
                json("base image malformed", "POST", "/builds", "{" + REPO + ",\"baseImage\":\"Ubuntu Latest\"}",
                        400, "baseImage 'Ubuntu Latest' is not an image reference such as debian:bookworm"),
                json("base image too long", "POST", "/builds",
                        "{" + REPO + ",\"baseImage\":\"" + "i".repeat(300) + "\"}",
                        400, "baseImage is 300 characters long; an image reference has at most 255"),
                json("build command with a NUL", "POST", "/builds", "{" + REPO + ",\"buildCommand\":\"make\\u0000\"}",
                        400, "buildCommand contains control characters"),
                json("build command too long", "POST", "/builds",
                        "{" + REPO + ",\"buildCommand\":\"" + "m".repeat(20_000) + "\"}",
                        400, "buildCommand is 20000 characters long; at most 16384"),
                // where it is built
                json("docker host over http", "POST", "/builds", "{" + REPO + ",\"dockerHost\":\"http://h:2375\"}",
                        400, "dockerHost 'http://h:2375' must start with unix:// or tcp://"),
                json("docker host with a space", "POST", "/builds", "{" + REPO + ",\"dockerHost\":\"tcp://h :2375\"}",
                        400, "dockerHost must be a unix:// or tcp:// endpoint of at most 1024 characters, without"
                                + " spaces"),
                json("registry with a scheme", "POST", "/builds", "{" + REPO + ",\"registry\":\"https://r:5000\"}",
                        400, "registry 'https://r:5000' must look like host:port"),
                json("docker TLS without a cluster", "POST", "/builds",
                        "{" + REPO + ",\"dockerHost\":\"tcp://203.0.113.7:2376\",\"dockerTls\":true}",
                        400, "dockerTls needs the cluster whose client certificates the provisioner keeps"),
                json("docker TLS not a boolean", "POST", "/builds", "{" + REPO + ",\"dockerTls\":\"yes\"}",
                        400, "at field 'dockerTls': it must be true or false, not \"yes\"."),
                json("cluster name malformed", "POST", "/builds", "{" + REPO + ",\"cluster\":\"Big Cluster\"}",
                        400, "cluster 'Big Cluster' is not a cluster name"),
                json("docker host named by a runner", "POST", "/builds",
                        "{" + REPO + ",\"dockerHost\":\"tcp://127.0.0.1:2375\"}",
                        403, "Only an admin may name a Docker engine (dockerHost) or a registry").by("runner"),
                // builds that do not exist, queries that make no sense
                bare("build unknown", "GET", "/builds/" + UNKNOWN, 404, "There is no build with id '" + UNKNOWN + "'."),
                bare("build id not an id", "GET", "/builds/not-an-id", 404, "There is no build with id 'not-an-id'."),
                bare("log of unknown build", "GET", "/builds/" + UNKNOWN + "/log",
                        404, "There is no build with id '" + UNKNOWN + "'."),
                bare("commit filter not a sha", "GET", "/builds?commit=main",
                        400, "The commit 'main' is not a commit sha"),
                bare("build deleted", "DELETE", "/builds/" + UNKNOWN, 405, "/builds/" + UNKNOWN + " does not answer"
                        + " DELETE"),
                bare("builds replaced", "PUT", "/builds", 403, "(role admin) does not allow PUT /builds."),
                bare("path unknown", "GET", "/builds/" + UNKNOWN + "/artifacts",
                        404, "There is nothing at GET /builds/" + UNKNOWN + "/artifacts."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRefusedWithASentenceAndQueuesNothing(BadInput bad) throws SQLException {
        long before = builds();

        bad.assertRefused();

        assertThat(builds()).isEqualTo(before);
    }

    private long builds() throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
                ResultSet count = statement.executeQuery("select count(*) from build")) {
            count.next();
            return count.getLong(1);
        }
    }
}
