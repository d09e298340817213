package io.tradingcore.application.live;

import io.tradingcore.domain.HourTs;
import java.time.Instant;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * Replays stored candles hour by hour over [from, to): a simulated clock that advances one hour per step
 * without waiting, so a replayed session is deterministic (the candles are already in the store).
 */
public final class ReplayFeed implements MarketFeed {
    private final HourTs from;
    private final HourTs to;

    public ReplayFeed(HourTs from, HourTs to) {
        this.from = Objects.requireNonNull(from, "from");
        this.to = Objects.requireNonNull(to, "to");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("--replay-from " + from + " must be before --replay-to " + to);
        }
    }

    @Override
    public HourTs firstHour() {
        return from;
    }

    @Override
    public boolean awaitHour(HourTs hour, BooleanSupplier stop) {
        return hour.isBefore(to) && !stop.getAsBoolean();
    }

    @Override
    public void collect(HourTs hour) {
        // the replayed candles are the stored ones
    }

    @Override
    public Instant cycleTime(HourTs hour) {
        return hour.toInstant();
    }
}
