package io.simswarm.provisioner.cluster;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.simswarm.commons.problem.ApiException;
import io.simswarm.provisioner.aws.AwsValidation;
import io.simswarm.provisioner.cluster.rest.CreateClusterRequest;
import io.simswarm.provisioner.config.ProvisionerConfig;
import io.simswarm.provisioner.cost.InstanceUsage;
import io.simswarm.provisioner.idle.RunningCampaign;
import io.simswarm.provisioner.tls.ClusterSecret;
import io.simswarm.provisioner.tls.SecretCipher;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Creates clusters and starts their operations; the long part runs in {@link ClusterOperations}. */
@ApplicationScoped
public class ClusterService {

    private static final Pattern CIDR = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})/(\\d{1,2})");
    /** The longest idle time before an automatic halt: a week (0 never halts). */
    static final double MAX_IDLE_HALT_MINUTES = 7 * 24 * 60;

    private final ProvisionerConfig config;
    private final AwsValidation awsValidation;
    private final SecretCipher cipher;
    private final ClusterOperations operations;

    public ClusterService(ProvisionerConfig config, AwsValidation awsValidation, SecretCipher cipher,
            ClusterOperations operations) {
        this.config = config;
        this.awsValidation = awsValidation;
        this.cipher = cipher;
        this.operations = operations;
    }

    public List<Cluster> list() {
        return QuarkusTransaction.requiringNew().call(Cluster::listOrdered);
    }

    public Cluster get(String name) {
        return QuarkusTransaction.requiringNew().call(() -> existing(name));
    }

    /** Validates the request (asking EC2 about region and instance types), persists CREATING and starts the work. */
    public Cluster create(CreateClusterRequest request) {
        Provider provider = Provider.parse(request.provider());
        if (provider == Provider.LOCAL) {
            throw Cluster.LOCAL.equals(request.name())
                    ? ApiException.conflict("The cluster 'local' exists already: it is this machine's Docker engine.")
                    : ApiException.badRequest("There is only one local cluster, named 'local': this machine has one "
                            + "Docker engine and one swarm. Use provider 'aws' or 'existing' for another cluster.");
        }
        Cluster cluster;
        if (provider == Provider.EXISTING) {
            cluster = newExistingCluster(request);
        } else {
            cluster = newAwsCluster(request);
            awsValidation.check(cluster.region, cluster.instanceType, cluster.managerInstanceType);
            cipher.requireKey();
        }
        QuarkusTransaction.requiringNew().run(() -> persistNew(cluster));
        operations.submit(cluster.name);
        return get(cluster.name);
    }

    public Cluster resize(String name, int workers) {
        checkWorkers(workers);
        Cluster cluster = QuarkusTransaction.requiringNew().call(() -> {
            Cluster c = changeable(name, "resized");
            requireState(c, "resized", ClusterState.READY, ClusterState.FAILED);
            c.workers = workers;
            c.moveTo(ClusterState.RESIZING);
            return c;
        });
        operations.submit(cluster.name);
        return get(name);
    }

    public Cluster halt(String name) {
        return transition(name, "halted", ClusterState.HALTING, ClusterState.READY, ClusterState.FAILED);
    }

    public Cluster resume(String name) {
        return transition(name, "resumed", ClusterState.RESUMING, ClusterState.HALTED, ClusterState.FAILED);
    }

    public Cluster delete(String name) {
        return transition(name, "deleted", ClusterState.DELETING, ClusterState.READY, ClusterState.HALTED,
                ClusterState.FAILED, ClusterState.CREATING, ClusterState.RESIZING, ClusterState.RESUMING);
    }

    private Cluster transition(String name, String verb, ClusterState next, ClusterState... from) {
        QuarkusTransaction.requiringNew().run(() -> {
            Cluster cluster = changeable(name, verb);
            requireState(cluster, verb, from);
            cluster.moveTo(next);
        });
        operations.submit(name);
        return get(name);
    }

    private Cluster changeable(String name, String verb) {
        Cluster cluster = existing(name);
        if (cluster.isLocal()) {
            throw ApiException.conflict("The cluster 'local' is this machine's Docker engine and cannot be " + verb
                    + "; only aws clusters can.");
        }
        if (cluster.isExisting() && !"deleted".equals(verb)) {
            throw ApiException.conflict("Cluster '" + name + "' is an existing swarm, whose machines SimSwarm does "
                    + "not manage: it cannot be " + verb + " here; change it with docker swarm, or delete it to "
                    + "forget it.");
        }
        return cluster;
    }

    private static void requireState(Cluster cluster, String verb, ClusterState... allowed) {
        if (!List.of(allowed).contains(cluster.state)) {
            String hint = cluster.state.transitional() ? " wait until the running operation ends" :
                    cluster.state == ClusterState.HALTED ? " resume it first" : " it can be " + verb + " only when "
                            + String.join(" or ", List.of(allowed).stream().map(Enum::name).toList());
            throw ApiException.conflict("Cluster '" + cluster.name + "' is " + cluster.state + " and cannot be "
                    + verb + ":" + hint + ".");
        }
    }

    /** A swarm made elsewhere: only its manager's endpoint and, for several nodes, its registry. */
    private Cluster newExistingCluster(CreateClusterRequest request) {
        if (request.dockerHost() == null || request.dockerHost().isBlank()) {
            throw ApiException.badRequest("An existing swarm needs dockerHost: the Docker endpoint of one of its "
                    + "managers, e.g. unix:///var/run/docker.sock or tcp://manager:2375.");
        }
        checkDockerHost(request.dockerHost());
        Map<String, Object> awsFields = new LinkedHashMap<>();
        awsFields.put("workers", request.workers());
        awsFields.put("instanceType", request.instanceType());
        awsFields.put("managerInstanceType", request.managerInstanceType());
        awsFields.put("region", request.region());
        awsFields.put("spot", request.spot());
        awsFields.put("idleHaltMinutes", request.idleHaltMinutes());
        awsFields.put("sshCidr", request.sshCidr());
        awsFields.put("apiCidr", request.apiCidr());
        List<String> awsOnly = awsFields.entrySet().stream().filter(field -> field.getValue() != null)
                .map(Map.Entry::getKey).toList();
        if (!awsOnly.isEmpty()) {
            throw ApiException.badRequest(String.join(", ", awsOnly) + (awsOnly.size() == 1 ? " is" : " are")
                    + " for aws clusters only: an existing swarm keeps the machines it has.");
        }
        Cluster cluster = new Cluster();
        cluster.name = request.name();
        cluster.provider = Provider.EXISTING;
        cluster.state = ClusterState.CREATING;
        cluster.dockerHostOverride = request.dockerHost();
        cluster.registry = request.registry();
        cluster.createdAt = Instant.now();
        cluster.updatedAt = cluster.createdAt;
        return cluster;
    }

    private static void checkDockerHost(String dockerHost) {
        if (dockerHost != null && !dockerHost.matches("(unix|tcp)://.+")) {
            throw ApiException.badRequest("dockerHost must be a unix:// or tcp:// endpoint, not '" + dockerHost + "'.");
        }
    }

    private Cluster newAwsCluster(CreateClusterRequest request) {
        int workers = Objects.requireNonNullElse(request.workers(), 1);
        checkWorkers(workers);
        checkCidr("sshCidr", request.sshCidr());
        checkCidr("apiCidr", request.apiCidr());
        checkDockerHost(request.dockerHost());
        if (request.registry() != null) {
            throw ApiException.badRequest("registry is for existing swarms only: an aws cluster's manager runs its "
                    + "own registry.");
        }
        Cluster cluster = new Cluster();
        cluster.name = request.name();
        cluster.provider = Provider.AWS;
        cluster.state = ClusterState.CREATING;
        cluster.workers = workers;
        cluster.instanceType = Objects.requireNonNullElse(request.instanceType(), config.aws().instanceType());
        cluster.managerInstanceType = Objects.requireNonNullElse(request.managerInstanceType(),
                config.aws().managerInstanceType());
        cluster.region = Objects.requireNonNullElse(request.region(), config.aws().region());
        cluster.spot = Boolean.TRUE.equals(request.spot());
        double idleMinutes = Objects.requireNonNullElse(request.idleHaltMinutes(), config.idleHaltMinutes());
        if (idleMinutes > MAX_IDLE_HALT_MINUTES) {
            throw ApiException.badRequest("idleHaltMinutes must be at most " + (int) MAX_IDLE_HALT_MINUTES
                    + " (a week; 0 never halts), not " + request.idleHaltMinutes() + ".");
        }
        cluster.idleHaltSeconds = (int) Math.round(idleMinutes * 60);
        cluster.sshCidr = request.sshCidr();
        cluster.apiCidr = Objects.requireNonNullElse(request.apiCidr(), config.aws().apiCidr());
        cluster.dockerHostOverride = request.dockerHost();
        cluster.createdAt = Instant.now();
        cluster.updatedAt = cluster.createdAt;
        return cluster;
    }

    private void persistNew(Cluster cluster) {
        Cluster old = Cluster.findByName(cluster.name);
        if (old != null && old.state != ClusterState.DELETED) {
            throw ApiException.conflict("A cluster named '" + cluster.name + "' exists already (state " + old.state
                    + ").");
        }
        if (old != null) {
            ClusterSecret.deleteById(cluster.name);
            InstanceUsage.delete("cluster", cluster.name);
            RunningCampaign.delete("cluster", cluster.name);
            old.delete();
            Cluster.flush();
        }
        cluster.persist();
    }

    private void checkWorkers(int workers) {
        if (workers < 0 || workers > config.maxWorkers()) {
            throw ApiException.badRequest("workers must be between 0 and " + config.maxWorkers()
                    + " (simswarm.provisioner.max-workers), not " + workers + ".");
        }
    }

    private static void checkCidr(String field, String value) {
        if (value == null) {
            return;
        }
        Matcher cidr = CIDR.matcher(value);
        boolean valid = cidr.matches() && Integer.parseInt(cidr.group(5)) <= 32;
        for (int octet = 1; valid && octet <= 4; octet++) {
            valid = Integer.parseInt(cidr.group(octet)) <= 255;
        }
        if (!valid) {
            throw ApiException.badRequest(field + " must be an IPv4 CIDR such as 203.0.113.0/24, not '" + value + "'.");
        }
    }

    static Cluster existing(String name) {
        Cluster cluster = Cluster.findByName(name);
        if (cluster == null) {
            throw ApiException.notFound("There is no cluster named '" + name + "'.");
        }
        return cluster;
    }
}
