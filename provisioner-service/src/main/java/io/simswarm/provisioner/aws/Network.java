package io.simswarm.provisioner.aws;

import static io.simswarm.provisioner.aws.AwsFailure.call;
import static io.simswarm.provisioner.aws.AwsFailure.run;

import io.quarkus.logging.Log;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Address;
import software.amazon.awssdk.services.ec2.model.DomainType;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;

/** The network side of a cluster on EC2: its security group, the manager's Elastic IP and the optional key pair. */
final class Network {

    /** Docker API over mutual TLS. */
    static final int DOCKER_TLS_PORT = 2376;

    private final Ec2Client ec2;
    private final AwsNames names;

    Network(Ec2Client ec2, AwsNames names) {
        this.ec2 = ec2;
        this.names = names;
    }

    /**
     * The cluster's security group, made if missing: the swarm ports (2377/tcp, 7946/tcp+udp, 4789/udp) open to the
     * group itself, the Docker TLS port to {@code apiCidr}, and SSH to {@code sshCidr} when given.
     */
    String ensureSecurityGroup(String vpcId, String apiCidr, String sshCidr) {
        Optional<SecurityGroup> existing = securityGroup();
        if (existing.isPresent()) {
            return existing.get().groupId();
        }
        String groupId = call("EC2 CreateSecurityGroup", () -> ec2.createSecurityGroup(request -> request
                .groupName(names.securityGroup())
                .description("SimSwarm cluster " + names.cluster() + ": swarm ports inside, Docker TLS API outside")
                .vpcId(vpcId)
                .tagSpecifications(names.tagSpecification(ResourceType.SECURITY_GROUP, AwsNames.SHARED)))).groupId();
        List<IpPermission> rules = new ArrayList<>(List.of(
                insideGroup(groupId, "tcp", 2377),
                insideGroup(groupId, "tcp", 7946),
                insideGroup(groupId, "udp", 7946),
                insideGroup(groupId, "udp", 4789),
                fromCidr("tcp", DOCKER_TLS_PORT, apiCidr, "Docker API (mutual TLS)")));
        if (sshCidr != null) {
            rules.add(fromCidr("tcp", 22, sshCidr, "SSH"));
        }
        run("EC2 AuthorizeSecurityGroupIngress", () -> ec2.authorizeSecurityGroupIngress(request -> request
                .groupId(groupId).ipPermissions(rules)));
        Log.infof("cluster %s: security group %s", names.cluster(), groupId);
        return groupId;
    }

    Optional<SecurityGroup> securityGroup() {
        return call("EC2 DescribeSecurityGroups", () -> ec2.describeSecurityGroups(request -> request
                .filters(names.clusterFilter())).securityGroups()).stream().findFirst();
    }

    /** Deletes the security group; EC2 refuses while terminated instances still hold it, so it is retried. */
    boolean deleteSecurityGroup() {
        Optional<SecurityGroup> group = securityGroup();
        if (group.isEmpty()) {
            return true;
        }
        try {
            run("EC2 DeleteSecurityGroup", () -> ec2.deleteSecurityGroup(request -> request
                    .groupId(group.get().groupId())));
            return true;
        } catch (AwsFailure e) {
            if (e.is("DependencyViolation")) {
                return false;
            }
            throw e;
        }
    }

    /** The default VPC of the region, or the VPC of the configured subnet. */
    String vpcId(Optional<String> subnetId) {
        if (subnetId.isPresent()) {
            return call("EC2 DescribeSubnets", () -> ec2.describeSubnets(request -> request
                    .subnetIds(subnetId.get())).subnets().get(0).vpcId());
        }
        return call("EC2 DescribeVpcs", () -> ec2.describeVpcs(request -> request
                .filters(Filter.builder().name("isDefault").values("true").build())).vpcs())
                .stream().findFirst()
                .orElseThrow(() -> new AwsFailure("The region has no default VPC: set simswarm.provisioner.aws."
                        + "subnet-id to a subnet of the VPC to use", "NoDefaultVpc", 400, null))
                .vpcId();
    }

    /** The manager's Elastic IP, allocated if missing. */
    Address ensureElasticIp() {
        Optional<Address> existing = elasticIp();
        if (existing.isPresent()) {
            return existing.get();
        }
        String allocationId = call("EC2 AllocateAddress", () -> ec2.allocateAddress(request -> request
                .domain(DomainType.VPC)
                .tagSpecifications(names.tagSpecification(ResourceType.ELASTIC_IP, AwsNames.MANAGER)))).allocationId();
        return call("EC2 DescribeAddresses", () -> ec2.describeAddresses(request -> request
                .allocationIds(allocationId)).addresses().get(0));
    }

    Optional<Address> elasticIp() {
        return call("EC2 DescribeAddresses", () -> ec2.describeAddresses(request -> request
                .filters(names.clusterFilter())).addresses()).stream().findFirst();
    }

    void associate(Address address, String instanceId) {
        run("EC2 AssociateAddress", () -> ec2.associateAddress(request -> request
                .allocationId(address.allocationId()).instanceId(instanceId)));
    }

    void releaseElasticIp() {
        elasticIp().ifPresent(address -> {
            if (address.associationId() != null) {
                run("EC2 DisassociateAddress", () -> ec2.disassociateAddress(request -> request
                        .associationId(address.associationId())));
            }
            run("EC2 ReleaseAddress", () -> ec2.releaseAddress(request -> request
                    .allocationId(address.allocationId())));
        });
    }

    /** Creates the cluster's key pair and returns its private key (PEM), or empty when it exists already. */
    Optional<String> createKeyPair() {
        if (keyPairExists()) {
            return Optional.empty();
        }
        return Optional.of(call("EC2 CreateKeyPair", () -> ec2.createKeyPair(request -> request
                .keyName(names.keyPair())
                .tagSpecifications(names.tagSpecification(ResourceType.KEY_PAIR, AwsNames.SHARED)))).keyMaterial());
    }

    boolean keyPairExists() {
        return !call("EC2 DescribeKeyPairs", () -> ec2.describeKeyPairs(request -> request
                .filters(names.clusterFilter())).keyPairs()).isEmpty();
    }

    void deleteKeyPair() {
        if (keyPairExists()) {
            run("EC2 DeleteKeyPair", () -> ec2.deleteKeyPair(request -> request.keyName(names.keyPair())));
        }
    }

    private static IpPermission insideGroup(String groupId, String protocol, int port) {
        return IpPermission.builder().ipProtocol(protocol).fromPort(port).toPort(port)
                .userIdGroupPairs(UserIdGroupPair.builder().groupId(groupId).description("swarm").build())
                .build();
    }

    private static IpPermission fromCidr(String protocol, int port, String cidr, String description) {
        return IpPermission.builder().ipProtocol(protocol).fromPort(port).toPort(port)
                .ipRanges(IpRange.builder().cidrIp(cidr).description(description).build())
                .build();
    }
}
