package io.simswarm.provisioner.aws;

import static io.simswarm.provisioner.aws.AwsFailure.call;
import static io.simswarm.provisioner.aws.AwsFailure.run;

import io.quarkus.logging.Log;
import io.simswarm.docker.CertificateAuthority.ClusterCertificates;
import io.simswarm.docker.CertificateAuthority;
import io.simswarm.docker.DockerEndpoint;
import io.simswarm.provisioner.cluster.Cluster;
import io.simswarm.provisioner.cluster.ClusterEndpoints;
import io.simswarm.provisioner.cluster.ClusterOperations;
import io.simswarm.provisioner.cluster.ClusterStore;
import io.simswarm.provisioner.config.ProvisionerConfig;
import io.simswarm.provisioner.cost.UsageRecorder.RunningInstance;
import io.simswarm.provisioner.cost.UsageRecorder;
import io.simswarm.provisioner.docker.NodeView;
import io.simswarm.provisioner.docker.SwarmNodes;
import io.simswarm.provisioner.tls.ClusterSecret;
import io.simswarm.provisioner.tls.SecretCipher;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Address;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * Carries out the long operations of EC2 clusters. Every step looks at what exists (by tags) before it makes
 * anything, so an operation interrupted by a restart is simply run again.
 */
@ApplicationScoped
public class AwsDriver {

    private final AwsClients clients;
    private final ProvisionerConfig config;
    private final ClusterStore store;
    private final ClusterEndpoints endpoints;
    private final SwarmNodes swarm;
    private final UsageRecorder usage;
    private final SecretCipher cipher;

    public AwsDriver(AwsClients clients, ProvisionerConfig config, ClusterStore store, ClusterEndpoints endpoints,
            SwarmNodes swarm, UsageRecorder usage, SecretCipher cipher) {
        this.clients = clients;
        this.config = config;
        this.store = store;
        this.endpoints = endpoints;
        this.swarm = swarm;
        this.usage = usage;
        this.cipher = cipher;
    }

    /** Everything one operation on one cluster works with. */
    private record Context(Cluster cluster, AwsNames names, Ec2Client ec2, SsmClient ssm, Network network,
            Instances instances, InstanceProfiles profiles) {
    }

    private Context context(Cluster cluster) {
        AwsNames names = new AwsNames(cluster.name, config.aws().parameterRoot());
        Ec2Client ec2 = clients.ec2(cluster.region);
        return new Context(cluster, names, ec2, clients.ssm(cluster.region), new Network(ec2, names),
                new Instances(ec2, names, config.aws().readyTimeout(), config.aws().pollInterval()),
                new InstanceProfiles(clients.iam(), names, cluster.region));
    }

    /** Security group, key pair, instance profiles, certificates, manager and workers; then waits for the swarm. */
    public void create(final Cluster cluster) {
        Context context = context(cluster);
        String vpcId = context.network().vpcId(config.aws().subnetId());
        context.network().ensureSecurityGroup(vpcId, cluster.apiCidr, cluster.sshCidr);
        context.profiles().ensure(AwsNames.MANAGER);
        context.profiles().ensure(AwsNames.WORKER);
        Address address = context.network().ensureElasticIp();
        store.update(cluster.name, c -> c.elasticIp = address.publicIp());
        ensureCertificates(context, address.publicIp());
        if (cluster.sshCidr != null) {
            context.network().createKeyPair().ifPresent(key -> store.saveSshKey(cluster.name, cipher.encrypt(key)));
        }
        Instance manager = ensureManager(context);
        if (!manager.instanceId().equals(address.instanceId())) {
            context.network().associate(address, manager.instanceId());
        }
        scaleWorkersUp(context, cluster.workers);
        awaitSwarm(context);
    }

    /** Launches or drains and terminates workers until there are {@code cluster.workers}; then waits for the swarm. */
    public void resize(Cluster cluster) {
        Context context = context(cluster);
        List<Instance> workers = context.instances().alive(AwsNames.WORKER);
        if (cluster.workers > workers.size()) {
            scaleWorkersUp(context, cluster.workers);
        } else if (cluster.workers < workers.size()) {
            List<Instance> newestFirst = workers.stream()
                    .sorted(Comparator.comparing(Instance::launchTime).thenComparing(Instance::instanceId).reversed())
                    .toList();
            scaleWorkersDown(context, newestFirst.subList(0, workers.size() - cluster.workers));
        }
        awaitSwarm(context);
    }

    /** Stops every instance of the cluster. */
    public void halt(Cluster cluster) {
        Context context = context(cluster);
        List<String> ids = ids(context.instances().alive(null));
        context.instances().stop(ids);
        context.instances().await(ids, InstanceStateName.STOPPED);
        usage.stopped(ids, Instant.now());
    }

    /** Starts every instance of the cluster and waits until the swarm has all its nodes again. */
    public void resume(Cluster cluster) {
        Context context = context(cluster);
        List<String> ids = ids(context.instances().alive(null));
        context.instances().start(ids);
        List<Instance> running = context.instances().await(ids, InstanceStateName.RUNNING);
        usage.started(cluster.name, running.stream().map(this::running).toList(), Instant.now());
        Optional<Address> address = context.network().elasticIp();
        context.instances().alive(AwsNames.MANAGER).stream().findFirst().ifPresent(manager -> address
                .filter(a -> !manager.instanceId().equals(a.instanceId()))
                .ifPresent(a -> context.network().associate(a, manager.instanceId())));
        awaitSwarm(context);
    }

    /** Terminates the instances and deletes everything else the cluster had; fails if a tag query still finds some. */
    public void delete(Cluster cluster) {
        Context context = context(cluster);
        List<String> ids = ids(context.instances().alive(null));
        context.instances().terminate(ids);
        context.instances().await(ids, InstanceStateName.TERMINATED);
        usage.stopped(ids, Instant.now());
        context.network().releaseElasticIp();
        deleteSecurityGroup(context);
        context.network().deleteKeyPair();
        context.profiles().delete(AwsNames.MANAGER);
        context.profiles().delete(AwsNames.WORKER);
        deleteParameters(context);
        List<String> left = leftovers(context);
        if (!left.isEmpty()) {
            throw new IllegalStateException("Deleting left resources tagged simswarm:cluster=" + cluster.name
                    + " behind: " + String.join(", ", left));
        }
    }

    /** What a tag query (and the IAM and SSM look-ups by name) still finds of the cluster. */
    public List<String> leftovers(Cluster cluster) {
        return leftovers(context(cluster));
    }

    private List<String> leftovers(Context context) {
        List<String> left = new ArrayList<>();
        context.instances().alive(null).forEach(instance -> left.add("instance " + instance.instanceId()));
        context.network().securityGroup().ifPresent(group -> left.add("security group " + group.groupId()));
        context.network().elasticIp().ifPresent(address -> left.add("elastic IP " + address.publicIp()));
        if (context.network().keyPairExists()) {
            left.add("key pair " + context.names().keyPair());
        }
        for (String role : List.of(AwsNames.MANAGER, AwsNames.WORKER)) {
            String name = context.names().iamName(role);
            if (context.profiles().exists(name)) {
                left.add("IAM role " + name);
            }
            if (context.profiles().profileExists(name)) {
                left.add("instance profile " + name);
            }
        }
        parameterNames(context).forEach(name -> left.add("SSM parameter " + name));
        return left;
    }

    private Instance ensureManager(Context context) {
        Optional<Instance> existing = context.instances().alive(AwsNames.MANAGER).stream().findFirst();
        Instance manager = existing.orElseGet(() -> launch(context, AwsNames.MANAGER, 1).get(0));
        return context.instances().await(List.of(manager.instanceId()), InstanceStateName.RUNNING).get(0);
    }

    private void scaleWorkersUp(Context context, int wanted) {
        int missing = wanted - context.instances().alive(AwsNames.WORKER).size();
        if (missing > 0) {
            List<Instance> launched = launch(context, AwsNames.WORKER, missing);
            context.instances().await(ids(launched), InstanceStateName.RUNNING);
        }
    }

    private void scaleWorkersDown(Context context, List<Instance> victims) {
        Optional<DockerEndpoint> endpoint = endpoints.endpoint(context.cluster());
        if (endpoint.isPresent()) {
            List<NodeView> nodes = swarm.list(endpoint.get());
            for (Instance victim : victims) {
                nodes.stream().filter(node -> !node.manager() && matches(node, victim)).findFirst()
                        .ifPresent(node -> drainAndRemove(endpoint.get(), node));
            }
        }
        List<String> ids = ids(victims);
        context.instances().terminate(ids);
        context.instances().await(ids, InstanceStateName.TERMINATED);
        usage.stopped(ids, Instant.now());
    }

    private void drainAndRemove(DockerEndpoint endpoint, NodeView node) {
        Log.infof("draining swarm node %s (%s, instance %s)", node.id(), node.hostname(), node.instanceId());
        swarm.drain(endpoint, node.id());
        Instant deadline = Instant.now().plus(config.aws().drainTimeout());
        while (swarm.runningTasks(endpoint, node.id()) > 0 && Instant.now().isBefore(deadline)) {
            pause();
        }
        swarm.remove(endpoint, node.id());
    }

    private List<Instance> launch(Context context, String role, int count) {
        Cluster cluster = context.cluster();
        ClusterSecret secret = store.secret(cluster.name).orElseThrow();
        UserData.Settings settings = new UserData.Settings(cluster.name, cluster.region,
                context.names().parameterPath(), secret.caCertPem, secret.serverCertPem,
                config.aws().registryImage());
        boolean manager = AwsNames.MANAGER.equals(role);
        Instances.LaunchSpec spec = new Instances.LaunchSpec(role, ami(context),
                manager ? cluster.managerInstanceType : cluster.instanceType,
                context.network().securityGroup().orElseThrow().groupId(),
                config.aws().subnetId().orElse(null),
                context.network().keyPairExists() ? context.names().keyPair() : null,
                context.names().iamName(role),
                manager ? UserData.manager(settings) : UserData.worker(settings),
                cluster.spot);
        List<Instance> launched = context.instances().launch(spec, count);
        Log.infof("cluster %s: launched %s %s", cluster.name, role, ids(launched));
        usage.started(cluster.name, launched.stream().map(this::running).toList(), Instant.now());
        return launched;
    }

    private String ami(Context context) {
        return config.aws().ami().orElseGet(() -> call("SSM GetParameter " + config.aws().amiParameter(),
                () -> context.ssm().getParameter(request -> request.name(config.aws().amiParameter()))
                        .parameter().value()));
    }

    /** Issues the certificates once; the manager reads its server key from SSM (SecureString), never from user data. */
    private void ensureCertificates(Context context, String publicIp) {
        if (store.secret(context.cluster().name).isPresent()) {
            return;
        }
        ClusterCertificates certificates = CertificateAuthority.issue(context.cluster().name,
                List.of(publicIp, "127.0.0.1", "localhost"));
        String path = context.names().parameterPath();
        run("SSM PutParameter", () -> context.ssm().putParameter(request -> request
                .name(path + "/tls/server-key").type(ParameterType.SECURE_STRING).overwrite(true)
                .value(certificates.serverKeyPem())));
        ClusterSecret secret = new ClusterSecret();
        secret.cluster = context.cluster().name;
        secret.caCertPem = certificates.caCertPem();
        secret.caKeyEnc = cipher.encrypt(certificates.caKeyPem());
        secret.clientCertPem = certificates.clientCertPem();
        secret.clientKeyEnc = cipher.encrypt(certificates.clientKeyPem());
        secret.serverCertPem = certificates.serverCertPem();
        store.saveSecret(secret);
    }

    /** Waits until the manager's Docker API reports a ready manager and every running worker instance as a ready node. */
    private void awaitSwarm(Context context) {
        Instant deadline = Instant.now().plus(config.aws().readyTimeout());
        String missing;
        while (true) {
            Cluster cluster = store.load(context.cluster().name);
            if (cluster.state != context.cluster().state) {
                throw new ClusterOperations.Superseded(cluster.state);
            }
            missing = missingNodes(context, cluster);
            if (missing == null) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("The swarm of cluster " + cluster.name + " did not become whole within "
                        + config.aws().readyTimeout() + ": " + missing + ".");
            }
            pause();
        }
    }

    /** Null when the swarm is whole, else what is missing. */
    private String missingNodes(Context context, Cluster cluster) {
        Optional<DockerEndpoint> endpoint = endpoints.endpoint(cluster);
        if (endpoint.isEmpty()) {
            return "the manager has no address yet";
        }
        List<NodeView> nodes;
        try {
            nodes = swarm.list(endpoint.get());
        } catch (RuntimeException e) {
            return "the manager's Docker API at " + endpoint.get().host() + " does not answer as a swarm manager ("
                    + e.getMessage() + ")";
        }
        if (nodes.stream().noneMatch(node -> node.manager() && node.ready())) {
            return "no ready manager";
        }
        List<String> absent = context.instances().alive(AwsNames.WORKER).stream()
                .filter(instance -> nodes.stream().noneMatch(node -> node.ready() && matches(node, instance)))
                .map(instance -> instance.instanceId() + " (" + instance.privateIpAddress() + ")")
                .toList();
        return absent.isEmpty() ? null : "workers not yet ready in the swarm: " + String.join(", ", absent);
    }

    /** A node runs on an instance when its engine label names it, or when it advertises the instance's address. */
    static boolean matches(NodeView node, Instance instance) {
        return instance.instanceId().equals(node.instanceId())
                || node.instanceId() == null && Objects.equals(node.address(), instance.privateIpAddress());
    }

    private void deleteSecurityGroup(Context context) {
        Instant deadline = Instant.now().plus(config.aws().readyTimeout());
        while (!context.network().deleteSecurityGroup()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("EC2 still refuses to delete the security group (DependencyViolation)");
            }
            pause();
        }
    }

    private void deleteParameters(Context context) {
        List<String> names = parameterNames(context);
        for (int i = 0; i < names.size(); i += 10) {
            List<String> batch = names.subList(i, Math.min(names.size(), i + 10));
            run("SSM DeleteParameters", () -> context.ssm().deleteParameters(request -> request.names(batch)));
        }
    }

    private List<String> parameterNames(Context context) {
        return call("SSM GetParametersByPath", () -> context.ssm().getParametersByPathPaginator(request -> request
                .path(context.names().parameterPath()).recursive(true)).stream()
                .flatMap(page -> page.parameters().stream()).map(parameter -> parameter.name()).toList());
    }

    private RunningInstance running(Instance instance) {
        return new RunningInstance(instance.instanceId(), instance.instanceTypeAsString(),
                instance.spotInstanceRequestId() != null || instance.instanceLifecycle() != null);
    }

    private static List<String> ids(List<Instance> instances) {
        return instances.stream().map(Instance::instanceId).toList();
    }

    private void pause() {
        try {
            Thread.sleep(config.aws().pollInterval().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
