package io.simswarm.cli.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simswarm.cli.CliException;
import io.simswarm.cli.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ReconnectTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final List<String> heard = new ArrayList<>();

    private Reconnect reconnect(Duration timeout) {
        return new Reconnect(timeout, "try later", clock, clock::sleep);
    }

    private static ServiceUnavailableException away() {
        return new ServiceUnavailableException(Service.SCHEDULER, "cannot reach the scheduler service",
                "connection refused or timed out");
    }

    @Test
    void triesAgainAfterOneSecondDoublingUpToTenSeconds() {
        AtomicInteger calls = new AtomicInteger();

        String answer = reconnect(Duration.ofMinutes(5)).call(() -> {
            if (calls.incrementAndGet() <= 7) {
                throw away();
            }
            return "back";
        }, (service, outage) -> heard.add(service.key() + " " + outage.toSeconds()));

        assertThat(answer).isEqualTo("back");
        assertThat(clock.pauses()).extracting(Duration::toSeconds).containsExactly(1L, 2L, 4L, 8L, 10L, 10L, 10L);
        assertThat(heard).containsExactly("scheduler 0", "scheduler 1", "scheduler 3", "scheduler 7", "scheduler 15",
                "scheduler 25", "scheduler 35");
    }

    @Test
    void givesUpOnceTheOutageHasLastedTheTimeoutWithOneLine() {
        Reconnect reconnect = reconnect(Duration.ofSeconds(30));

        assertThatThrownBy(() -> reconnect.call(() -> {
            throw away();
        }, (service, outage) -> { }))
                .isExactlyInstanceOf(CliException.class)
                .hasMessage("gave up reconnecting to the scheduler service after 0:30 (connection refused or timed "
                        + "out); try later");
        assertThat(clock.pauses()).extracting(Duration::toSeconds).containsExactly(1L, 2L, 4L, 8L, 10L, 5L);
    }

    @Test
    void aCallThatGetsThroughEndsTheOutage() {
        Reconnect reconnect = reconnect(Duration.ofSeconds(30));
        reconnect.failed(away());
        clock.advance(Duration.ofSeconds(20));
        reconnect.failed(away());

        reconnect.succeeded();
        clock.advance(Duration.ofSeconds(20));

        assertThat(reconnect.outage()).isZero();
        assertThat(reconnect.failed(away())).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void otherFailuresAreNotRetried() {
        AtomicInteger calls = new AtomicInteger();

        assertThatThrownBy(() -> reconnect(Duration.ofMinutes(5)).call(() -> {
            calls.incrementAndGet();
            throw new CliException("There is no campaign x.", 4);
        }, (service, outage) -> { })).hasMessage("There is no campaign x.");
        assertThat(calls).hasValue(1);
    }
}
