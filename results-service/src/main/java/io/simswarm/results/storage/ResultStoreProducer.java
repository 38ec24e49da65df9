package io.simswarm.results.storage;

import io.quarkus.logging.Log;
import io.simswarm.results.config.ResultsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.io.IOException;
import java.nio.file.Path;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/** Chooses the object store from {@code simswarm.results.storage.type}. */
public class ResultStoreProducer {

    @Produces
    @ApplicationScoped
    ResultStore resultStore(ResultsConfig config) throws IOException {
        ResultsConfig.Storage storage = config.storage();
        if (storage.type() == ResultsConfig.Type.S3) {
            ResultsConfig.S3 s3 = storage.s3();
            Path staging = storage.stagingDir()
                    .orElse(Path.of(System.getProperty("java.io.tmpdir"), "simswarm-results-staging"));
            Log.infof("result files in S3 bucket %s%s", s3.bucket(), s3.endpoint().map(e -> " at " + e).orElse(""));
            return new S3ResultStore(s3Client(s3), s3.bucket(), s3.prefix().orElse(""), staging);
        }
        Log.infof("result files in %s", storage.dir());
        return new LocalResultStore(storage.dir());
    }

    static S3Client s3Client(ResultsConfig.S3 s3) {
        S3ClientBuilder builder = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(Region.of(s3.region()))
                .forcePathStyle(s3.pathStyle());
        s3.endpoint().ifPresent(builder::endpointOverride);
        if (s3.accessKeyId().isPresent()) {
            builder.credentialsProvider(StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(s3.accessKeyId().get(), s3.secretAccessKey().orElse(""))));
        } else {
            builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
        }
        return builder.build();
    }
}
