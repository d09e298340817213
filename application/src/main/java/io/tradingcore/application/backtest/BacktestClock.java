package io.tradingcore.application.backtest;

import io.tradingcore.domain.HourTs;
import io.tradingcore.ports.out.TimeSource;
import java.time.Instant;

/** The cycle's clock in a backtest: the simulated hour, never the wall clock. */
final class BacktestClock implements TimeSource {
    private Instant now;

    BacktestClock(HourTs start) {
        this.now = start.toInstant();
    }

    void set(HourTs hour) {
        now = hour.toInstant();
    }

    @Override
    public Instant now() {
        return now;
    }
}
