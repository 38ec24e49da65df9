package io.simswarm.commons.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RunNetworkGuardTest {

    private final RunNetworkGuard leasesOnly = new RunNetworkGuard(
            Optional.of("POST /campaigns/[^/]+/leases(/.*)?"), new ObjectMapper());

    @Test
    void aRunReachesTheLeaseProtocolAndNothingElse() {
        assertThat(leasesOnly.allows("172.18.0.5", "POST", "/campaigns/c1/leases")).isTrue();
        assertThat(leasesOnly.allows("172.18.0.5", "POST", "/campaigns/c1/leases/l1/heartbeat")).isTrue();
        assertThat(leasesOnly.allows("172.18.0.5", "GET", "/campaigns")).isFalse();
        assertThat(leasesOnly.allows("172.18.0.5", "POST", "/campaigns")).isFalse();
        assertThat(leasesOnly.allows("172.18.0.5", "GET", "/campaigns/c1/leases")).isFalse();
        assertThat(leasesOnly.allows("172.18.0.5", "POST", "/campaigns/c1/cancel")).isFalse();
        assertThat(leasesOnly.allows("10.1.2.3", "GET", "/q/openapi")).isFalse();
        assertThat(leasesOnly.allows(null, "GET", "/campaigns")).isFalse();
    }

    @Test
    void callersOnThisMachineReachEverything() {
        assertThat(leasesOnly.allows("127.0.0.1", "GET", "/campaigns")).isTrue();
        assertThat(leasesOnly.allows("127.0.0.53", "DELETE", "/campaigns/c1")).isTrue();
        assertThat(leasesOnly.allows("0:0:0:0:0:0:0:1", "GET", "/q/openapi")).isTrue();
    }

    @Test
    void unsetOrAnyLetsEveryCallerThrough() {
        for (Optional<String> setting : new Optional[] {Optional.empty(), Optional.of("any"), Optional.of(" ")}) {
            RunNetworkGuard open = new RunNetworkGuard(setting, new ObjectMapper());
            assertThat(open.allows("172.18.0.5", "GET", "/campaigns")).isTrue();
        }
    }
}
