package io.simswarm.results.storage;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;
import java.util.UUID;

/** Stores result files in moto's S3 (http://127.0.0.1:5000), in a bucket of its own. */
public class S3Profile implements QuarkusTestProfile {

    static final String BUCKET = "simswarm-results-test-" + UUID.randomUUID();
    static final String ENDPOINT = System.getenv().getOrDefault("SIMSWARM_MOTO", "http://127.0.0.1:5000");

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "simswarm.results.storage.type", "s3",
                "simswarm.results.storage.s3.bucket", BUCKET,
                "simswarm.results.storage.s3.prefix", "results",
                "simswarm.results.storage.s3.endpoint", ENDPOINT,
                "simswarm.results.storage.s3.path-style", "true",
                "simswarm.results.storage.s3.access-key-id", "testing",
                "simswarm.results.storage.s3.secret-access-key", "testing");
    }
}
