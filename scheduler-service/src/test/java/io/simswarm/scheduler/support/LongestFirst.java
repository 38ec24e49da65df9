package io.simswarm.scheduler.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The scheduler with longest-expected-first leasing on (the test configuration turns it off). */
public class LongestFirst implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("simswarm.scheduler.lease.longest-first", "true");
    }
}
