package io.simswarm.provisioner.aws;

import java.util.List;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

/** Names and tags of one cluster's AWS resources; every resource carries {@code simswarm:cluster} and {@code simswarm:role}. */
public record AwsNames(String cluster, String parameterRoot) {

    public static final String CLUSTER_TAG = "simswarm:cluster";
    public static final String ROLE_TAG = "simswarm:role";

    public static final String MANAGER = "manager";
    public static final String WORKER = "worker";
    /** Role tag of the resources the whole cluster shares (security group, key pair). */
    public static final String SHARED = "cluster";

    public String securityGroup() {
        return "simswarm-" + cluster;
    }

    public String keyPair() {
        return "simswarm-" + cluster;
    }

    /** Name of the IAM role and instance profile of the manager or the workers. */
    public String iamName(String role) {
        return "simswarm-" + cluster + "-" + role;
    }

    /** SSM path under which the cluster's parameters live, without trailing slash. */
    public String parameterPath() {
        return parameterRoot + "/" + cluster;
    }

    public List<Tag> tags(String role) {
        return List.of(tag(CLUSTER_TAG, cluster), tag(ROLE_TAG, role), tag("Name", "simswarm-" + cluster + "-" + role));
    }

    public TagSpecification tagSpecification(ResourceType type, String role) {
        return TagSpecification.builder().resourceType(type).tags(tags(role)).build();
    }

    public Filter clusterFilter() {
        return Filter.builder().name("tag:" + CLUSTER_TAG).values(cluster).build();
    }

    public Filter roleFilter(String role) {
        return Filter.builder().name("tag:" + ROLE_TAG).values(role).build();
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }
}
