package io.tradingcore.application.backtest;

import io.tradingcore.adapter.exchange.SimulatedVenue;
import io.tradingcore.domain.Asset;
import io.tradingcore.domain.BacktestRunId;
import io.tradingcore.domain.HourTs;
import io.tradingcore.ports.in.CycleReport;
import io.tradingcore.ports.in.RunHourlyCycleCommand;
import io.tradingcore.ports.out.UnitOfWork;
import io.tradingcore.ports.service.HourlyCycleService;
import java.util.List;
import java.util.function.Function;

/**
 * The test hours of one fold through its cycle, in hour order, {@code hoursPerCommit} hours per unit of work (each unit
 * written and committed beside the next one's computing, see {@link UnitOfWork#runOverlapped}), the simulated venue
 * executing through each hour after its cycle; the market side of the next {@code marketAhead} hours computed ahead on
 * a thread of its own ({@link MarketAhead}; 0: none).
 */
final class FoldHours {
    private FoldHours() {
    }

    /** What the hours did: cycles completed, hours skipped for lack of data, orders placed. */
    record Counts(long run, long skipped, long orders) {
    }

    static Counts run(UnitOfWork units, HourlyCycleService cycle, List<Asset> assets, HourTs from, HourTs to,
                      int hoursPerCommit, int marketAhead, Function<HourTs, RunHourlyCycleCommand> command,
                      BacktestClock clock, SimulatedVenue venue, BacktestRunId id, WalkForwardBacktest.Progress progress) {
        long[] total = new long[3];
        try (MarketAhead hours = MarketAhead.of(cycle, assets, from, to, marketAhead)) {
            for (HourTs batch = from; batch.isBefore(to); batch = batch.plusHours(hoursPerCommit)) {
                HourTs batchEnd = earlier(batch.plusHours(hoursPerCommit), to);
                HourTs first = batch;
                long[] counts = units.runOverlapped(() -> {
                    long[] c = new long[3];
                    for (HourTs h = first; h.isBefore(batchEnd); h = h.plusHours(1)) {
                        clock.set(h);
                        CycleReport report = hours.run(command.apply(h));
                        venue.executeThrough(h);
                        switch (report.outcome()) {
                            case COMPLETED -> c[0]++;
                            case SKIPPED_NO_DATA -> c[1]++;
                            case ALREADY_FINISHED -> { }
                            case BUSY -> throw new WalkForwardBacktest.RunningElsewhereException("hour " + h + " of backtest "
                                    + id + " is being run by another process; stop it or wait for it");
                        }
                        c[2] += report.ordersPlacedAt(h);
                        progress.hourDone(h, report);
                    }
                    return c;
                });
                for (int i = 0; i < 3; i++) {
                    total[i] += counts[i];
                }
            }
        }
        return new Counts(total[0], total[1], total[2]);
    }

    static HourTs earlier(HourTs a, HourTs b) {
        return a.isBefore(b) ? a : b;
    }
}
