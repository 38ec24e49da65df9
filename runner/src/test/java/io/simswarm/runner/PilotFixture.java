package io.simswarm.runner;

import java.util.HashMap;
import java.util.Map;

/** Pilot mode on the host: the environment of a runner that leases from a {@link LeaseServer}. */
abstract class PilotFixture extends HostRunnerFixture {

    /** Pilot-mode environment for {@code config}, plus {@code more} as name, value pairs. */
    protected Map<String, String> env(String leaseUrl, String config, String... more) {
        Map<String, String> env = new HashMap<>(Map.of(
                "SIMSWARM_RUN_COMMAND", "./queueing",
                "SIMSWARM_CONFIG", config,
                "SIMSWARM_LEASE_URL", leaseUrl,
                "SIMSWARM_LEASE_TOKEN", LeaseServer.TOKEN,
                "TMPDIR", tmp.toString()));
        for (int i = 0; i < more.length; i += 2) {
            env.put(more[i], more[i + 1]);
        }
        return env;
    }
}
