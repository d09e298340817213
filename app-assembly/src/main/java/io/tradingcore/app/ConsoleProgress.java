package io.tradingcore.app;

import io.tradingcore.application.backtest.FoldPlan;
import io.tradingcore.application.backtest.WalkForwardBacktest;
import io.tradingcore.domain.AccountId;
import io.tradingcore.domain.BacktestRunId;
import io.tradingcore.domain.HourTs;
import io.tradingcore.ports.in.CycleReport;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A progress bar on a terminal; one line per fold otherwise (CI logs, pipes). */
final class ConsoleProgress implements WalkForwardBacktest.Progress, AutoCloseable {
    private final boolean terminal = System.console() != null;
    private ProgressBar bar;
    private long hours;

    @Override
    public void started(BacktestRunId id, AccountId account, long totalHours, long alreadyDone) {
        System.err.println("backtest " + id.value() + " on account " + account + ": " + totalHours + " hours"
                + (alreadyDone > 0 ? ", resuming after " + alreadyDone + " finished hours" : ""));
        if (terminal) {
            bar = new ProgressBarBuilder().setTaskName("backtest").setInitialMax(totalHours)
                    .setStyle(ProgressBarStyle.ASCII).setUnit(" h", 1).build();
        }
    }

    @Override
    public void foldTrained(FoldPlan.Fold fold, int models) {
        String msg = "fold " + fold.index() + ": trained " + models + " models on " + fold.trainFrom() + " .. "
                + fold.trainTo() + ", testing " + fold.testFrom() + " .. " + fold.testTo();
        if (bar != null) {
            bar.setExtraMessage(" fold " + fold.index());
        } else {
            System.err.println(msg);
        }
    }

    @Override
    public void hourDone(HourTs hour, CycleReport report) {
        hours++;
        if (bar != null) {
            bar.step();
        }
    }

    @Override
    public void finished() {
        close();
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
