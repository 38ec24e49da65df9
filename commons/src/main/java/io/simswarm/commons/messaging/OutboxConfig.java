package io.simswarm.commons.messaging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the {@link OutboxRelay} sends the events of the service's outbox. */
@ConfigMapping(prefix = "simswarm.outbox")
public interface OutboxConfig {

    /** How often the relay looks for events when nothing wakes it (a commit that wrote events wakes it at once). */
    @WithDefault("1s")
    Duration interval();

    /** How long one round waits for Kafka to acknowledge what it sent before it commits what was acknowledged. */
    @WithDefault("10s")
    Duration ackTimeout();

    /** Longest pause between rounds while Kafka refuses or does not acknowledge (the pause doubles up to this). */
    @WithDefault("30s")
    Duration maxBackoff();

    /** Events sent per round at most. */
    @WithDefault("256")
    int batchSize();
}
