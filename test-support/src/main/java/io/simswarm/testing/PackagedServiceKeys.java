package io.simswarm.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * For a {@code @QuarkusIntegrationTest}: the packaged service holds no test resources, so it is started with the
 * public half of the test key pair as a file, and verifies the tokens of {@link TestTokens} as a deployment would.
 */
public class PackagedServiceKeys implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("mp.jwt.verify.publickey.location", TestTokens.publicKeyFile().toString());
    }

    @Override
    public void stop() {
    }
}
