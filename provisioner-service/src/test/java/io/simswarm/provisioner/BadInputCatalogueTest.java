package io.simswarm.provisioner;

import static io.simswarm.testing.BadInput.bare;
import static io.simswarm.testing.BadInput.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.simswarm.provisioner.cluster.Cluster;
import io.simswarm.provisioner.cluster.ClusterState;
import io.simswarm.provisioner.cluster.Provider;
import io.simswarm.testing.BadInput;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bad request to the provisioner is refused at once with a sentence naming what was wrong, and leaves nothing
 * behind: no cluster row, no secret, no instance usage, no cluster moved into another state. Two aws clusters stand
 * in for clusters in states that forbid most operations ({@value #HALTED}, {@value #DELETED}); nothing works on them
 * in the background.
 */
@QuarkusTest
class BadInputCatalogueTest {

    static final String HALTED = "catalogue-halted";
    static final String DELETED = "catalogue-deleted";

    @Inject
    AgroalDataSource database;

    static Stream<BadInput> cases() {
        return Stream.of(
                // POST /clusters: the name
                json("cluster name empty", "POST", "/clusters", "{\"name\":\"\",\"provider\":\"aws\"}",
                        400, "name must be 1 to 40 lowercase letters"),
                json("cluster name too long", "POST", "/clusters",
                        "{\"name\":\"" + "a".repeat(41) + "\",\"provider\":\"aws\"}", 400, "name must be 1 to 40"),
                json("cluster name with bad characters", "POST", "/clusters",
                        "{\"name\":\"Big_Cluster!\",\"provider\":\"aws\"}", 400, "name must be 1 to 40"),
                json("cluster name taken", "POST", "/clusters", "{\"name\":\"" + HALTED + "\",\"provider\":\"aws\"}",
                        409, "A cluster named '" + HALTED + "' exists already (state HALTED)."),
                json("cluster local created again", "POST", "/clusters", "{\"name\":\"local\",\"provider\":\"local\"}",
                        409, "The cluster 'local' exists already"),
                json("second local-provider cluster", "POST", "/clusters",
                        "{\"name\":\"other\",\"provider\":\"local\"}", 400, "There is only one local cluster"),
                // the provider
                json("provider unknown", "POST", "/clusters", "{\"name\":\"gcp-one\",\"provider\":\"gcp\"}",
                        400, "Unknown provider 'gcp': use 'local', 'aws' or 'existing'."),
                json("provider missing", "POST", "/clusters", "{\"name\":\"nobody\"}",
                        400, "provider must not be blank"),
                // numbers
                json("workers negative", "POST", "/clusters", aws("\"workers\":-1"),
                        400, "workers must be greater than or equal to 0"),
                json("workers above the maximum", "POST", "/clusters", aws("\"workers\":100000"),
                        400, "workers must be between 0 and 50 (simswarm.provisioner.max-workers), not 100000."),
                json("workers beyond any integer", "POST", "/clusters", aws("\"workers\":99999999999"),
                        400, "at field 'workers': it must be a whole number"),
                json("workers a fraction", "POST", "/clusters", aws("\"workers\":1.5"),
                        400, "at field 'workers': it must be a whole number"),
                json("workers a word", "POST", "/clusters", aws("\"workers\":\"three\""),
                        400, "at field 'workers': it must be a whole number"),
                json("idle halt negative", "POST", "/clusters", aws("\"idleHaltMinutes\":-5"),
                        400, "idleHaltMinutes must be greater than or equal to 0"),
                json("idle halt longer than a week", "POST", "/clusters", aws("\"idleHaltMinutes\":1e12"),
                        400, "idleHaltMinutes must be at most 10080 (a week; 0 never halts)"),
                // instance types, spot, region, addresses
                json("instance type unknown to EC2", "POST", "/clusters", aws("\"instanceType\":\"c9.colossal\""),
                        400, "InvalidInstanceType"),
                json("instance type malformed", "POST", "/clusters", aws("\"instanceType\":\"m5 large; reboot\""),
                        400, "instanceType must be an EC2 instance type such as m5.large"),
                json("manager instance type malformed", "POST", "/clusters",
                        aws("\"managerInstanceType\":\"" + "x".repeat(300) + "\""),
                        400, "managerInstanceType must be an EC2 instance type such as m5.large"),
                json("spot not a boolean", "POST", "/clusters", aws("\"spot\":\"yes\""),
                        400, "at field 'spot': it must be true or false, not \"yes\"."),
                json("region unknown to EC2", "POST", "/clusters", aws("\"region\":\"mars-north-1\""),
                        400, "Unknown region 'mars-north-1'"),
                json("region malformed", "POST", "/clusters", aws("\"region\":\"US East\""),
                        400, "region must be an AWS region such as us-east-1"),
                json("ssh CIDR octet above 255", "POST", "/clusters", aws("\"sshCidr\":\"300.1.2.3/24\""),
                        400, "sshCidr must be an IPv4 CIDR such as 203.0.113.0/24, not '300.1.2.3/24'."),
                json("api CIDR prefix above 32", "POST", "/clusters", aws("\"apiCidr\":\"10.0.0.0/33\""),
                        400, "apiCidr must be an IPv4 CIDR such as 203.0.113.0/24, not '10.0.0.0/33'."),
                json("docker host neither unix nor tcp", "POST", "/clusters", aws("\"dockerHost\":\"http://x:2375\""),
                        400, "dockerHost must be a unix:// or tcp:// endpoint"),
                // the body itself
                json("cluster body malformed JSON", "POST", "/clusters", "{\"name\": \"x\",",
                        400, "The request body is not valid JSON"),
                json("cluster body a JSON array", "POST", "/clusters", "[\"x\"]",
                        400, "it must be a JSON object, not an array."),
                json("cluster body empty", "POST", "/clusters", "",
                        400, "The request body is missing"),
                json("cluster body as plain text", "POST", "/clusters", "{\"name\":\"x\",\"provider\":\"aws\"}",
                        415, "POST /clusters does not take a body of type 'text/plain'").typed("text/plain"),
                bare("path unknown", "GET", "/no-such-endpoint", 404, "There is nothing at GET /no-such-endpoint."),
                bare("method not answered", "PUT", "/clusters/local", 405, "/clusters/local does not answer PUT"),
                // operations on clusters that do not exist or are in the wrong state
                json("resize unknown cluster", "POST", "/clusters/no-such-cluster/resize", "{\"workers\":1}",
                        404, "There is no cluster named 'no-such-cluster'."),
                json("resize local cluster", "POST", "/clusters/local/resize", "{\"workers\":2}",
                        409, "The cluster 'local' is this machine's Docker engine and cannot be resized"),
                json("resize halted cluster", "POST", "/clusters/" + HALTED + "/resize", "{\"workers\":2}",
                        409, "Cluster '" + HALTED + "' is HALTED and cannot be resized: resume it first."),
                json("resize to negative workers", "POST", "/clusters/" + HALTED + "/resize", "{\"workers\":-3}",
                        400, "workers must be greater than or equal to 0"),
                json("resize above the maximum", "POST", "/clusters/" + HALTED + "/resize", "{\"workers\":51}",
                        400, "workers must be between 0 and 50"),
                json("resize without workers", "POST", "/clusters/" + HALTED + "/resize", "{}",
                        400, "workers must not be null"),
                bare("halt unknown cluster", "POST", "/clusters/no-such-cluster/halt",
                        404, "There is no cluster named 'no-such-cluster'."),
                bare("halt halted cluster", "POST", "/clusters/" + HALTED + "/halt",
                        409, "Cluster '" + HALTED + "' is HALTED and cannot be halted: resume it first."),
                bare("halt local cluster", "POST", "/clusters/local/halt",
                        409, "The cluster 'local' is this machine's Docker engine and cannot be halted"),
                bare("resume deleted cluster", "POST", "/clusters/" + DELETED + "/resume",
                        409, "Cluster '" + DELETED + "' is DELETED and cannot be resumed: it can be resumed only when"
                                + " HALTED or FAILED."),
                bare("resume local cluster", "POST", "/clusters/local/resume",
                        409, "cannot be resumed; only aws clusters can."),
                bare("delete deleted cluster", "DELETE", "/clusters/" + DELETED,
                        409, "Cluster '" + DELETED + "' is DELETED and cannot be deleted"),
                bare("delete local cluster", "DELETE", "/clusters/local",
                        409, "cannot be deleted; only aws clusters can."),
                bare("delete unknown cluster", "DELETE", "/clusters/no-such-cluster",
                        404, "There is no cluster named 'no-such-cluster'."),
                bare("cost of unknown cluster", "GET", "/clusters/no-such-cluster/cost",
                        404, "There is no cluster named 'no-such-cluster'."),
                // POST /tokens
                json("token role unknown", "POST", "/tokens", "{\"name\":\"rita\",\"role\":\"root\"}",
                        400, "role must be viewer, runner or admin"),
                json("token role missing", "POST", "/tokens", "{\"name\":\"rita\"}",
                        400, "role must not be blank"),
                json("token expiry malformed", "POST", "/tokens",
                        "{\"name\":\"rita\",\"role\":\"viewer\",\"expires\":\"forever\"}",
                        400, "expires must be a number and a unit (m, h or d), e.g. 30d"),
                json("token expiry negative", "POST", "/tokens",
                        "{\"name\":\"rita\",\"role\":\"viewer\",\"expires\":\"-3d\"}",
                        400, "expires must be a number and a unit"),
                json("token expiry zero", "POST", "/tokens",
                        "{\"name\":\"rita\",\"role\":\"viewer\",\"expires\":\"0h\"}",
                        400, "expires must be a number and a unit"),
                json("token expiry above the maximum", "POST", "/tokens",
                        "{\"name\":\"rita\",\"role\":\"viewer\",\"expires\":\"9000h\"}",
                        400, "expires must be at most 365d, not 9000h."),
                json("token name empty", "POST", "/tokens", "{\"name\":\"\",\"role\":\"viewer\"}",
                        400, "name must not be blank"),
                json("token name too long", "POST", "/tokens",
                        "{\"name\":\"" + "n".repeat(101) + "\",\"role\":\"viewer\"}",
                        400, "name size must be between 0 and 100"),
                json("token name with spaces", "POST", "/tokens", "{\"name\":\"rita smith\",\"role\":\"viewer\"}",
                        400, "name must start with a letter or digit"),
                json("token body malformed JSON", "POST", "/tokens", "{\"name\":",
                        400, "The request body is not valid JSON"),
                json("token body empty", "POST", "/tokens", "",
                        400, "The request body is missing"),
                json("token body as plain text", "POST", "/tokens", "{\"name\":\"rita\",\"role\":\"viewer\"}",
                        415, "POST /tokens does not take a body of type 'text/plain'").typed("text/plain"),
                json("token asked for by a viewer", "POST", "/tokens", "{\"name\":\"rita\",\"role\":\"admin\"}",
                        403, "(role viewer) does not allow POST /tokens").by("viewer"));
    }

    @BeforeEach
    void standInClusters() {
        QuarkusTransaction.requiringNew().run(() -> {
            awsCluster(HALTED, ClusterState.HALTED);
            awsCluster(DELETED, ClusterState.DELETED);
        });
    }

    @AfterEach
    void removeStandIns() {
        QuarkusTransaction.requiringNew().run(() -> Cluster.delete("name in ?1", List.of(HALTED, DELETED)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRefusedWithASentenceAndLeavesNothingBehind(BadInput bad) throws SQLException {
        List<String> before = state();

        bad.assertRefused();

        assertThat(state()).isEqualTo(before);
    }

    private static String aws(String field) {
        return "{\"name\":\"catalogue-new\",\"provider\":\"aws\"," + field + "}";
    }

    private static void awsCluster(String name, ClusterState state) {
        if (Cluster.findByName(name) != null) {
            return;
        }
        Cluster cluster = new Cluster();
        cluster.name = name;
        cluster.provider = Provider.AWS;
        cluster.state = state;
        cluster.workers = 1;
        cluster.instanceType = "t3.medium";
        cluster.managerInstanceType = "t3.medium";
        cluster.region = "us-east-1";
        cluster.apiCidr = "0.0.0.0/0";
        cluster.createdAt = Instant.now();
        cluster.updatedAt = cluster.createdAt;
        cluster.persist();
    }

    /** Every cluster with its state and workers, and how many secrets and instance intervals there are. */
    private List<String> state() throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            try (ResultSet clusters = statement.executeQuery(
                    "select name, provider, state, workers from cluster order by name")) {
                while (clusters.next()) {
                    rows.add(clusters.getString(1) + " " + clusters.getString(2) + " " + clusters.getString(3) + " "
                            + clusters.getInt(4));
                }
            }
            for (String table : List.of("cluster_secret", "instance_usage")) {
                try (ResultSet count = statement.executeQuery("select count(*) from " + table)) {
                    count.next();
                    rows.add(table + " " + count.getLong(1));
                }
            }
        }
        return rows;
    }
}
