package io.simswarm.cli.cluster;

import static io.simswarm.cli.http.UrlParts.encode;

import com.fasterxml.jackson.databind.JsonNode;
import io.simswarm.cli.http.ApiClient;
import io.simswarm.cli.http.Endpoints;
import io.simswarm.cli.http.RequestBody;
import io.simswarm.cli.http.Service;
import io.simswarm.cli.text.JsonTable;
import io.simswarm.cli.text.Table;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code simswarm cluster ...}: the clusters campaigns run on. */
@Command(name = "cluster", mixinStandardHelpOptions = true,
        description = "Manage clusters: this machine's swarm ('local') and clusters on AWS EC2.")
public class ClusterCommand {

    @Spec
    CommandSpec spec;

    @Mixin
    Endpoints endpoints;

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the clusters.")
    int list() {
        Table table = new Table(List.of("NAME", "PROVIDER", "STATE", "WORKERS", "NODES", "DOCKER", "REASON"));
        for (JsonNode cluster : provisioner().get("/clusters")) {
            table.add(List.of(cluster.path("name").asText(), cluster.path("provider").asText(),
                    cluster.path("state").asText(), cluster.path("workers").asText("-"),
                    String.valueOf(cluster.path("nodes").size()), cluster.path("dockerHost").asText("-"),
                    cluster.path("failureReason").asText("-")));
        }
        print(table);
        return 0;
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show a cluster and its nodes.")
    int show(@Parameters(paramLabel = "NAME") String name) {
        JsonNode cluster = provisioner().get("/clusters/" + encode(name));
        PrintWriter out = spec.commandLine().getOut();
        out.printf("cluster %s (%s): %s, docker %s%n", cluster.path("name").asText(),
                cluster.path("provider").asText(), cluster.path("state").asText(),
                cluster.path("dockerHost").asText("-"));
        if (cluster.hasNonNull("failureReason")) {
            out.println("failure: " + cluster.get("failureReason").asText());
        }
        print(JsonTable.of(cluster.path("nodes"), List.of()));
        return 0;
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = {"Create a cluster; on AWS this launches a manager and the workers.",
                    "With --provider existing, register a swarm made elsewhere: --docker-host names one of its "
                            + "managers' Docker endpoint, --registry the registry its nodes pull images from."})
    int create(@Parameters(paramLabel = "NAME") String name,
            @Option(names = "--provider", defaultValue = "aws", description = "aws or existing (default: aws).")
            String provider,
            @Option(names = "--docker-host", description = "Docker endpoint of the manager (unix:// or tcp://); "
                    + "required for an existing swarm.") String dockerHost,
            @Option(names = "--registry", description = "Existing swarm: registry (host:port) every node pulls "
                    + "from.") String registry,
            @Option(names = "--workers", description = "Number of worker nodes.") Integer workers,
            @Option(names = "--instance-type", description = "EC2 type of the workers.") String instanceType,
            @Option(names = "--manager-instance-type", description = "EC2 type of the manager.")
            String managerInstanceType,
            @Option(names = "--region", description = "AWS region.") String region,
            @Option(names = "--spot", description = "Use spot instances for the workers.") boolean spot,
            @Option(names = "--idle-halt-minutes", description = "Halt after this long without a campaign.")
            Integer idleHaltMinutes,
            @Option(names = "--ssh-cidr", description = "Addresses allowed to reach the Docker API.")
            String sshCidr) {
        RequestBody request = new RequestBody().put("name", name).put("provider", provider)
                .putIfSet("workers", workers)
                .putIfSet("instanceType", instanceType)
                .putIfSet("managerInstanceType", managerInstanceType)
                .putIfSet("region", region)
                .putIfSet("spot", spot ? Boolean.TRUE : null)
                .putIfSet("idleHaltMinutes", idleHaltMinutes)
                .putIfSet("sshCidr", sshCidr)
                .putIfSet("dockerHost", dockerHost)
                .putIfSet("registry", registry);
        report(provisioner().post("/clusters", request.fields()));
        return 0;
    }

    @Command(name = "resize", mixinStandardHelpOptions = true, description = "Change the number of workers.")
    int resize(@Parameters(paramLabel = "NAME") String name,
            @Option(names = "--workers", required = true, description = "New number of workers.") int workers) {
        report(provisioner().post("/clusters/" + encode(name) + "/resize", Map.of("workers", workers)));
        return 0;
    }

    @Command(name = "halt", mixinStandardHelpOptions = true, description = "Stop the cluster's machines.")
    int halt(@Parameters(paramLabel = "NAME") String name) {
        report(provisioner().post("/clusters/" + encode(name) + "/halt", null));
        return 0;
    }

    @Command(name = "resume", mixinStandardHelpOptions = true, description = "Start a halted cluster again.")
    int resume(@Parameters(paramLabel = "NAME") String name) {
        report(provisioner().post("/clusters/" + encode(name) + "/resume", null));
        return 0;
    }

    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = "Delete a cluster and everything made for it.")
    int delete(@Parameters(paramLabel = "NAME") String name) {
        report(provisioner().delete("/clusters/" + encode(name)));
        return 0;
    }

    @Command(name = "cost", mixinStandardHelpOptions = true,
            description = "Instance-hours of a cluster and their estimated price.")
    int cost(@Parameters(paramLabel = "NAME") String name) {
        print(JsonTable.of(provisioner().get("/clusters/" + encode(name) + "/cost"), List.of()));
        return 0;
    }

    private ApiClient provisioner() {
        return endpoints.client(Service.PROVISIONER);
    }

    private void report(JsonNode cluster) {
        PrintWriter out = spec.commandLine().getOut();
        if (cluster.isMissingNode() || cluster.isNull()) {
            out.println("done");
        } else {
            out.printf("cluster %s: %s%n", cluster.path("name").asText(), cluster.path("state").asText());
        }
        out.flush();
    }

    private void print(Table table) {
        spec.commandLine().getOut().print(table.render());
        spec.commandLine().getOut().flush();
    }
}
