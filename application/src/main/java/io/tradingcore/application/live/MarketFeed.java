package io.tradingcore.application.live;

import io.tradingcore.domain.HourTs;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * Where a PAPER or LIVE session's hours and candles come from: replayed from the store (no waiting) or
 * polled from a venue at each hour close.
 */
public interface MarketFeed {

    /** The first hour whose cycle the session runs. */
    HourTs firstHour();

    /**
     * Waits until the cycle of {@code hour} may run (the candles closed by then are available), checking
     * {@code stop} at least once a second.
     *
     * @return false when the session must end instead: stop requested, or no more hours to replay
     */
    boolean awaitHour(HourTs hour, BooleanSupplier stop);

    /** Stores the candles closed at {@code hour} that the store does not hold yet (append-only). */
    void collect(HourTs hour);

    /** The time recorded as the cycle's start: the replayed hour, or the wall clock. */
    Instant cycleTime(HourTs hour);
}
