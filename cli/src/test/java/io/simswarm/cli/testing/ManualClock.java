package io.simswarm.cli.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** A clock that moves only when told; as a pause it moves by the time paused and remembers each pause. */
public final class ManualClock extends Clock {

    private Instant now;
    private final List<Duration> pauses = new ArrayList<>();

    public ManualClock(Instant start) {
        this.now = start;
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    /** A pause of this clock: moves it on instead of waiting. */
    public void sleep(Duration duration) {
        pauses.add(duration);
        advance(duration);
    }

    public List<Duration> pauses() {
        return List.copyOf(pauses);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
