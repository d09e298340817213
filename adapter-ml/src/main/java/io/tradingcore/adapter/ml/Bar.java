package io.tradingcore.adapter.ml;

import java.time.Duration;
import java.time.Instant;

/**
 * One hourly OHLCV candle as the models see it. Prices become doubles only here, at the ML
 * boundary: nothing computed from them reaches a ledger.
 */
record Bar(Instant openTime, double open, double high, double low, double close, double volume) {

    static final Duration HOUR = Duration.ofHours(1);

    Bar {
        if (openTime == null || openTime.getEpochSecond() % 3600 != 0 || openTime.getNano() != 0) {
            throw new IllegalArgumentException("bar openTime must be hour aligned, was " + openTime);
        }
        if (!(open > 0 && high > 0 && low > 0 && close > 0) || low > high || volume < 0
                || !Double.isFinite(open + high + low + close + volume)) {
            throw new IllegalArgumentException("invalid bar at " + openTime + ": o=" + open + " h=" + high
                    + " l=" + low + " c=" + close + " v=" + volume);
        }
    }

    /** The instant the candle becomes known: the end of the hour it covers. */
    Instant closeTime() {
        return openTime.plus(HOUR);
    }
}
