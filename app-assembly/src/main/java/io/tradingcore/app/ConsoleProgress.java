package io.tradingcore.app;

import io.tradingcore.application.backtest.FoldPlan;
import io.tradingcore.application.backtest.ProgressMeter;
import io.tradingcore.application.backtest.WalkForwardBacktest;
import io.tradingcore.domain.AccountId;
import io.tradingcore.domain.BacktestRunId;
import io.tradingcore.domain.HourTs;
import io.tradingcore.ports.in.CycleReport;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on a terminal, its message the rate and ETA of the application's {@link ProgressMeter}; otherwise (CI
 * logs, pipes) one line per fold and a plain progress line with the rate and ETA every 30 seconds and at the end.
 */
final class ConsoleProgress implements WalkForwardBacktest.Progress, AutoCloseable {
    /** Seconds between two plain progress lines when stderr is not a terminal. */
    static final int PLAIN_INTERVAL_SECONDS = 30;
    private final boolean terminal = System.console() != null;
    private final ProgressMeter meter;
    private ProgressBar bar;

    ConsoleProgress() {
        this("backtest", 1);
    }

    /** {@code assets}: assets per hour, for the rate in asset-hours per second. */
    ConsoleProgress(String task, int assets) {
        meter = new ProgressMeter(task, assets, System::nanoTime, terminal ? 1 : PLAIN_INTERVAL_SECONDS, this::show);
    }

    private void show(ProgressMeter.Snapshot s) {
        ProgressBar b = bar;
        if (b != null) {
            b.setExtraMessage(String.format(java.util.Locale.ROOT, " %.1f asset-h/s", s.assetHoursPerSecond()));
        } else {
            System.err.println(s.line());
        }
    }

    @Override
    public void started(BacktestRunId id, AccountId account, long totalHours, long alreadyDone) {
        System.err.println("backtest " + id.value() + " on account " + account + ": " + totalHours + " hours"
                + (alreadyDone > 0 ? ", resuming after " + alreadyDone + " finished hours" : ""));
        meter.expect(totalHours);
        meter.alreadyDone(alreadyDone);
        if (terminal) {
            bar = new ProgressBarBuilder().setTaskName("backtest").setInitialMax(totalHours).startsFrom(alreadyDone, java.time.Duration.ZERO)
                    .setEtaFunction(state -> {
                        java.util.OptionalLong eta = meter.snapshot().etaSeconds();
                        return eta.isPresent() ? java.util.Optional.of(java.time.Duration.ofSeconds(eta.getAsLong())) : java.util.Optional.empty();
                    })
                    .setStyle(ProgressBarStyle.ASCII).setUnit(" h", 1).build();
        }
    }

    @Override
    public void foldTrained(FoldPlan.Fold fold, int models) {
        String msg = "fold " + fold.index() + ": trained " + models + " models on " + fold.trainFrom() + " .. "
                + fold.trainTo() + ", testing " + fold.testFrom() + " .. " + fold.testTo();
        if (bar == null) {
            System.err.println(msg);
        }
    }

    @Override
    public void hourDone(HourTs hour, CycleReport report) {
        meter.hourDone();
        if (bar != null) {
            bar.step();
        }
    }

    @Override
    public void finished() {
        close();
        meter.finish();
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
