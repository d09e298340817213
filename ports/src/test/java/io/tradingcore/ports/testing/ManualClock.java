package io.tradingcore.ports.testing;

import io.tradingcore.ports.out.TimeSource;
import java.time.Duration;
import java.time.Instant;

/** A clock that moves only when told to. */
public final class ManualClock implements TimeSource {
    private Instant now;

    public ManualClock(Instant start) {
        this.now = start;
    }

    @Override
    public synchronized Instant now() {
        return now;
    }

    public synchronized void set(Instant t) {
        now = t;
    }

    public synchronized void advance(Duration d) {
        now = now.plus(d);
    }
}
