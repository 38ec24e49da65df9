package io.simswarm.provisioner.support;

import java.net.URI;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.Reservation;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/** The test's own view of moto_server, to check what the provisioner made (and to play the machines' part). */
public final class Moto {

    public static final String ENDPOINT = "http://127.0.0.1:5000";
    public static final String REGION = "us-east-1";

    private static final StaticCredentialsProvider CREDENTIALS = StaticCredentialsProvider.create(
            AwsBasicCredentials.create("test", "test"));

    public static final Ec2Client EC2 = Ec2Client.builder().endpointOverride(URI.create(ENDPOINT))
            .region(Region.of(REGION)).credentialsProvider(CREDENTIALS)
            .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    public static final SsmClient SSM = SsmClient.builder().endpointOverride(URI.create(ENDPOINT))
            .region(Region.of(REGION)).credentialsProvider(CREDENTIALS)
            .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    public static final IamClient IAM = IamClient.builder().endpointOverride(URI.create(ENDPOINT))
            .region(Region.of(REGION)).credentialsProvider(CREDENTIALS)
            .httpClientBuilder(UrlConnectionHttpClient.builder()).build();

    private Moto() {
    }

    /** Every instance tagged with the cluster, in any state (terminated ones included). */
    public static List<Instance> instances(String cluster) {
        return EC2.describeInstancesPaginator(request -> request.filters(clusterTag(cluster))).reservations().stream()
                .map(Reservation::instances).flatMap(List::stream).toList();
    }

    public static List<Instance> instances(String cluster, String role, String state) {
        return instances(cluster).stream()
                .filter(instance -> role.equals(tag(instance, "simswarm:role")))
                .filter(instance -> state.equals(instance.state().nameAsString()))
                .toList();
    }

    public static String tag(Instance instance, String key) {
        return instance.tags().stream().filter(tag -> tag.key().equals(key)).map(tag -> tag.value()).findFirst()
                .orElse(null);
    }

    public static Filter clusterTag(String cluster) {
        return Filter.builder().name("tag:simswarm:cluster").values(cluster).build();
    }
}
