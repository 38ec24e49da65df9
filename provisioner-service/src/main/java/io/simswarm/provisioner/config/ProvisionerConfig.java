package io.simswarm.provisioner.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Settings of the provisioner service ({@code simswarm.provisioner.*}). */
@ConfigMapping(prefix = "simswarm.provisioner")
public interface ProvisionerConfig {

    /** The cluster on this machine's own Docker engine. */
    Local local();

    /** Clusters on AWS EC2. */
    Aws aws();

    /** Largest number of workers a cluster may have. */
    @WithDefault("50")
    int maxWorkers();

    /** Minutes without a running campaign after which a cloud cluster is halted; 0 never halts. */
    @WithDefault("30")
    double idleHaltMinutes();

    /** How often idle clusters are looked for. */
    @WithDefault("30s")
    Duration idleCheckInterval();

    /** How often the nodes of ready clusters are checked for lost ones. */
    @WithDefault("30s")
    Duration nodeCheckInterval();

    /** Timeout of one call to a cluster's Docker API. */
    @WithDefault("10s")
    Duration dockerTimeout();

    /** Value of the X-SimSwarm-Internal-Key header that other services send to read cluster secrets; none: nobody can. */
    Optional<String> internalKey();

    /** AES-256 key (base64 of 32 bytes) with which private keys are encrypted in the database. */
    Optional<String> secretKey();

    /** Price per instance-hour (USD, on demand) by instance type, e.g. prices."c5.xlarge"=0.17. */
    Map<String, Double> prices();

    /** Spot price as a fraction of the on-demand price, used in cost estimates. */
    @WithDefault("0.35")
    double spotPriceFactor();

    /** Settings of the {@code local} cluster. */
    interface Local {

        /** Docker endpoint of the local engine. */
        @WithDefault("unix:///var/run/docker.sock")
        String dockerHost();

        /** Address the swarm advertises when the provisioner initialises it. */
        @WithDefault("127.0.0.1")
        String advertiseAddress();

        /** Registry (host:port) reported for the local cluster when its swarm has more than one node. */
        @WithDefault("127.0.0.1:5050")
        String registry();
    }

    /** Settings of the {@code aws} provider. */
    interface Aws {

        /** Endpoint of the AWS APIs instead of the real ones, e.g. http://127.0.0.1:5000 for moto. */
        Optional<URI> endpoint();

        /** Region of new clusters when the request names none. */
        @WithDefault("us-east-1")
        String region();

        /** Instance type of workers when the request names none. */
        @WithDefault("c5.xlarge")
        String instanceType();

        /** Instance type of the manager when the request names none. */
        @WithDefault("c5.large")
        String managerInstanceType();

        /** AMI of the instances; none: the SSM public parameter {@link #amiParameter()}. */
        Optional<String> ami();

        /** SSM public parameter naming the current Amazon Linux 2023 AMI. */
        @WithDefault("/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64")
        String amiParameter();

        /** Subnet for the instances; none: the region's default VPC and subnet. */
        Optional<String> subnetId();

        /** CIDR allowed to reach the managers' Docker API (2376/tcp, mutual TLS) when the request names none. */
        @WithDefault("0.0.0.0/0")
        String apiCidr();

        /** Docker endpoint of a cluster's manager by cluster name, instead of tcp://ADDRESS:2376. */
        Map<String, String> dockerHostOverride();

        /** Registry (host:port) the nodes pull from: the registry service the manager runs, reachable on every node. */
        @WithDefault("127.0.0.1:5000")
        String registry();

        /** Image of the registry service the manager starts; empty: none. */
        @WithDefault("registry:2")
        String registryImage();

        /** Root of the per-cluster SSM parameter paths (/simswarm/CLUSTER/...). */
        @WithDefault("/simswarm")
        String parameterRoot();

        /** Access key id; none: the default chain (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, AWS_PROFILE, ...). */
        Optional<String> accessKeyId();

        /** Secret access key going with {@link #accessKeyId()}. */
        Optional<String> secretAccessKey();

        /** Longest wait for instances to change state or for the swarm to report its nodes. */
        @WithDefault("15m")
        Duration readyTimeout();

        /** Longest wait for a drained node's tasks to stop before it is removed. */
        @WithDefault("5m")
        Duration drainTimeout();

        /** Pause between two polls of EC2 or of the swarm. */
        @WithDefault("5s")
        Duration pollInterval();
    }
}
