package io.simswarm.provisioner.aws;

import io.simswarm.commons.problem.ApiException;
import io.simswarm.provisioner.config.ProvisionerConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/** EC2, SSM and IAM clients per region, with the configured endpoint and credentials. */
@ApplicationScoped
public class AwsClients {

    private final ProvisionerConfig.Aws config;
    private final Map<String, SdkClient> clients = new ConcurrentHashMap<>();
    private volatile AwsCredentialsProvider credentials;

    public AwsClients(ProvisionerConfig config) {
        this.config = config.aws();
    }

    public Ec2Client ec2(String region) {
        return (Ec2Client) clients.computeIfAbsent("ec2:" + region,
                key -> configure(Ec2Client.builder(), region).build());
    }

    public SsmClient ssm(String region) {
        return (SsmClient) clients.computeIfAbsent("ssm:" + region,
                key -> configure(SsmClient.builder(), region).build());
    }

    /** IAM is global; its API is signed for us-east-1 (or answered by the endpoint override). */
    public IamClient iam() {
        return (IamClient) clients.computeIfAbsent("iam",
                key -> configure(IamClient.builder(), config.endpoint().isPresent() ? "us-east-1" : "aws-global")
                        .build());
    }

    /** Fails with a message naming what to set when no AWS credentials can be found. */
    public void requireCredentials() {
        try {
            credentials().resolveCredentials();
        } catch (SdkClientException e) {
            throw ApiException.unavailable("No AWS credentials found: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, "
                    + "or AWS_PROFILE with a profile in ~/.aws/credentials (or the settings "
                    + "simswarm.provisioner.aws.access-key-id and simswarm.provisioner.aws.secret-access-key).");
        }
    }

    private <B extends AwsClientBuilder<B, ?>> B configure(B builder, String region) {
        builder.region(Region.of(region)).credentialsProvider(credentials());
        config.endpoint().ifPresent(builder::endpointOverride);
        if (builder instanceof software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder<?, ?> sync) {
            sync.httpClientBuilder(UrlConnectionHttpClient.builder());
        }
        return builder;
    }

    private AwsCredentialsProvider credentials() {
        if (credentials == null) {
            credentials = config.accessKeyId().isPresent() && config.secretAccessKey().isPresent()
                    ? StaticCredentialsProvider.create(AwsBasicCredentials.create(config.accessKeyId().get(),
                            config.secretAccessKey().get()))
                    : DefaultCredentialsProvider.builder().build();
        }
        return credentials;
    }

    @PreDestroy
    void closeAll() {
        clients.values().forEach(SdkClient::close);
        clients.clear();
    }
}
