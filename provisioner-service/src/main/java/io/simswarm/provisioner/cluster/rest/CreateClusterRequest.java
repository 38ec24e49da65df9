package io.simswarm.provisioner.cluster.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * A new cluster. Only {@code name} and {@code provider} are required (and {@code dockerHost} for an existing swarm);
 * the rest defaults to the settings {@code simswarm.provisioner.aws.*}.
 *
 * @param name                lowercase letters, digits and dashes, starting with a letter, at most 40 characters
 * @param provider            {@code aws}, or {@code existing} for a swarm made elsewhere ({@code local} exists already)
 * @param workers             number of worker instances (0 to the configured maximum); default 1
 * @param instanceType        EC2 instance type of the workers
 * @param managerInstanceType EC2 instance type of the manager
 * @param region              AWS region
 * @param spot                run the instances as spot instances (persistent requests that stop on interruption)
 * @param idleHaltMinutes     halt the cluster after this many minutes without a running campaign (at most a
 *                            week, 10080); 0 never
 * @param sshCidr             open SSH (22/tcp) to this CIDR and make a key pair; none: no SSH, no key pair
 * @param apiCidr             CIDR allowed to reach the manager's Docker API (2376/tcp, mutual TLS)
 * @param dockerHost          Docker endpoint of the manager when it is not reached directly at its Elastic IP
 *                            (an SSH tunnel such as tcp://127.0.0.1:12376, or unix:// for an engine standing in);
 *                            for an existing swarm, its manager's endpoint (required)
 * @param registry            existing swarm only: registry (host:port) every node pulls from, where builds push the
 *                            campaign's image; none: the swarm's nodes must have it already (one node)
 */
public record CreateClusterRequest(
        @NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{0,39}", message = "must be 1 to 40 lowercase letters, digits "
                + "or dashes, starting with a letter") String name,
        @NotBlank String provider,
        @PositiveOrZero Integer workers,
        @Pattern(regexp = INSTANCE_TYPE, message = INSTANCE_TYPE_MESSAGE) String instanceType,
        @Pattern(regexp = INSTANCE_TYPE, message = INSTANCE_TYPE_MESSAGE) String managerInstanceType,
        @Pattern(regexp = REGION, message = "must be an AWS region such as us-east-1") String region,
        Boolean spot,
        @PositiveOrZero Double idleHaltMinutes,
        String sshCidr,
        String apiCidr,
        String dockerHost,
        @Pattern(regexp = REGISTRY, message = "must be a registry address such as registry.lab:5000") String registry) {

    /** The shape of an EC2 instance type (family, generation and options, a dot, the size); EC2 checks the rest. */
    static final String INSTANCE_TYPE = "[a-z][a-z0-9-]{0,15}\\.[a-z0-9]{1,15}";
    static final String INSTANCE_TYPE_MESSAGE = "must be an EC2 instance type such as m5.large";
    /** The shape of a registry address: a host name or IPv4 address, optionally a port. */
    static final String REGISTRY = "[A-Za-z0-9]([A-Za-z0-9.-]{0,252})(:[0-9]{1,5})?";
    /** The shape of an AWS region name; EC2 checks that it exists. */
    static final String REGION = "[a-z]{2,10}(-[a-z]{1,12}){1,3}-[0-9]{1,2}";
}
