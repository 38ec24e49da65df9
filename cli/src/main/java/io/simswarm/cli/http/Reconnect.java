package io.simswarm.cli.http;

import io.simswarm.cli.CliException;
import io.simswarm.cli.text.Durations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Rides out a passing outage of a service (a restart, say): calls that fail with a
 * {@link ServiceUnavailableException} are tried again 1 s later, then 2, 4, 8 and 10 s apart, until the outage has
 * lasted the timeout; then one {@link CliException} says so. One outage is counted from its first failed call to
 * the next call that gets through.
 */
public final class Reconnect {

    /** Hears about each failed call of an outage, before the wait for the next one. */
    public interface Listener {
        void reconnecting(Service service, Duration outage);
    }

    /** Waits between two tries; {@code Thread::sleep} unless a test decides otherwise. */
    public interface Pause {
        void sleep(Duration duration) throws InterruptedException;
    }

    static final Duration FIRST_DELAY = Duration.ofSeconds(1);
    static final Duration LONGEST_DELAY = Duration.ofSeconds(10);

    private final Duration timeout;
    private final String advice;
    private final Clock clock;
    private final Pause pause;
    private Instant outageStart;
    private Duration nextDelay = FIRST_DELAY;

    /** Tries for {@code timeout}; {@code advice} ends the line that says it gave up (what the user can do). */
    public Reconnect(Duration timeout, String advice) {
        this(timeout, advice, Clock.systemUTC(), duration -> Thread.sleep(duration.toMillis()));
    }

    public Reconnect(Duration timeout, String advice, Clock clock, Pause pause) {
        this.timeout = timeout;
        this.advice = advice;
        this.clock = clock;
        this.pause = pause;
    }

    /**
     * Notes a failed call and tells how long to wait before the next; throws once the outage has lasted the
     * timeout.
     */
    public Duration failed(ServiceUnavailableException failure) {
        Instant now = clock.instant();
        if (outageStart == null) {
            outageStart = now;
        }
        Duration outage = Duration.between(outageStart, now);
        if (outage.compareTo(timeout) >= 0) {
            throw new CliException("gave up reconnecting to the " + failure.service().key() + " service after "
                    + Durations.clock(outage) + " (" + failure.reason() + ")" + (advice == null ? "" : "; " + advice));
        }
        Duration delay = nextDelay.compareTo(timeout.minus(outage)) < 0 ? nextDelay : timeout.minus(outage);
        nextDelay = nextDelay.multipliedBy(2).compareTo(LONGEST_DELAY) < 0 ? nextDelay.multipliedBy(2) : LONGEST_DELAY;
        return delay;
    }

    /** How long the current outage has lasted; zero when there is none. */
    public Duration outage() {
        return outageStart == null ? Duration.ZERO : Duration.between(outageStart, clock.instant());
    }

    /** Notes a call that got through: the outage, if any, is over. */
    public void succeeded() {
        outageStart = null;
        nextDelay = FIRST_DELAY;
    }

    /** Makes {@code call}, again and again through an outage, telling {@code listener} about each failure. */
    public <T> T call(Supplier<T> call, Listener listener) {
        while (true) {
            try {
                T result = call.get();
                succeeded();
                return result;
            } catch (ServiceUnavailableException failure) {
                Duration delay = failed(failure);
                listener.reconnecting(failure.service(), outage());
                pauseFor(delay);
            }
        }
    }

    /** Makes {@code call} like {@link #call(Supplier, Listener)}, for calls that answer nothing. */
    public void run(Runnable call, Listener listener) {
        call(() -> {
            call.run();
            return null;
        }, listener);
    }

    private void pauseFor(Duration delay) {
        try {
            pause.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("interrupted", 130);
        }
    }
}
