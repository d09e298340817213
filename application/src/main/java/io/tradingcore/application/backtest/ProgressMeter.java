package io.tradingcore.application.backtest;

import io.tradingcore.domain.AccountId;
import io.tradingcore.domain.BacktestRunId;
import io.tradingcore.domain.HourTs;
import io.tradingcore.ports.in.CycleReport;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Hours done of a long command (a backtest, or every point of a sweep) with the rate and an estimated time to go,
 * handed to a sink at most once per interval and once at the end; the caller decides where it goes (the CLI prints it,
 * the library prints nothing). Hours finished before this process started (a resume) count as done but not towards the
 * rate. The time source is a monotonic nanosecond counter passed in: no decision ever reads it.
 */
public final class ProgressMeter {

    /** What is done: hours, their share, asset-hours per second since the start, and the estimated seconds to go. */
    public record Snapshot(String task, long done, long total, double assetHoursPerSecond, OptionalLong etaSeconds,
                           boolean finished) {

        /** E.g. "backtest 1234/8760 h (14.1%), 35.2 asset-hours/s, ETA 3m 34s". */
        public String line() {
            String eta = finished ? "done" : etaSeconds.isPresent() ? "ETA " + duration(etaSeconds.getAsLong()) : "ETA n/a";
            return String.format(Locale.ROOT, "%s %d/%d h (%.1f%%), %.1f asset-hours/s, %s", task, done, total,
                    total == 0 ? 100.0 : 100.0 * done / total, assetHoursPerSecond, eta);
        }

        static String duration(long seconds) {
            long h = seconds / 3600;
            long m = seconds % 3600 / 60;
            long s = seconds % 60;
            return h > 0 ? String.format(Locale.ROOT, "%dh %02dm", h, m) : m > 0 ? String.format(Locale.ROOT, "%dm %02ds", m, s) : s + "s";
        }
    }

    private final String task;
    private final int assets;
    private final LongSupplier nanos;
    private final long intervalNanos;
    private final Consumer<Snapshot> sink;
    private final long startNanos;
    private long total;
    private long done;
    private long doneBefore;
    private long lastEmit;

    /**
     * @param task     name in the lines ("backtest", "sweep")
     * @param assets   assets per hour (the rate is in asset-hours per second)
     * @param nanos    monotonic clock, e.g. {@code System::nanoTime}
     * @param interval seconds between two snapshots (0: every hour)
     * @param sink     where snapshots go
     */
    public ProgressMeter(String task, int assets, LongSupplier nanos, long interval, Consumer<Snapshot> sink) {
        this.task = Objects.requireNonNull(task, "task");
        if (assets < 1) {
            throw new IllegalArgumentException("assets must be >= 1, was " + assets);
        }
        this.assets = assets;
        this.nanos = Objects.requireNonNull(nanos, "nanos");
        this.intervalNanos = interval * 1_000_000_000L;
        this.sink = Objects.requireNonNull(sink, "sink");
        this.startNanos = nanos.getAsLong();
        this.lastEmit = startNanos;
    }

    /** Adds hours to do (a backtest's window, or a sweep point's). */
    public synchronized void expect(long hours) {
        total += hours;
    }

    /** Hours already finished by an earlier process (a resume): done, but not counted in the rate. */
    public synchronized void alreadyDone(long hours) {
        done += hours;
        doneBefore += hours;
    }

    /** One hour done; hands a snapshot to the sink when the interval has passed. */
    public void hourDone() {
        Snapshot s = null;
        synchronized (this) {
            done++;
            long now = nanos.getAsLong();
            if (now - lastEmit >= intervalNanos) {
                lastEmit = now;
                s = snapshot(now, false);
            }
        }
        if (s != null) {
            sink.accept(s);
        }
    }

    /** The final snapshot. */
    public void finish() {
        Snapshot s;
        synchronized (this) {
            s = snapshot(nanos.getAsLong(), true);
        }
        sink.accept(s);
    }

    public synchronized Snapshot snapshot() {
        return snapshot(nanos.getAsLong(), false);
    }

    private Snapshot snapshot(long now, boolean finished) {
        long ran = done - doneBefore;
        double seconds = (now - startNanos) / 1e9;
        double rate = seconds > 0 ? ran / seconds : 0;
        OptionalLong eta = ran > 0 && seconds > 0 ? OptionalLong.of(Math.round(Math.max(0, total - done) / rate)) : OptionalLong.empty();
        return new Snapshot(task, done, total, rate * assets, eta, finished);
    }

    /**
     * A backtest's progress listener feeding this meter (window hours on start, resumed hours as already done, every
     * hour) and forwarding every call to {@code next}; {@code finished} does not end the meter (a sweep has more points).
     */
    public WalkForwardBacktest.Progress listener(WalkForwardBacktest.Progress next) {
        return listener(next, true);
    }

    /**
     * As {@link #listener(WalkForwardBacktest.Progress)}; {@code addWindow} false when the caller expected the hours up
     * front (a sweep expects every point's window at once, so that the ETA covers the points not started yet).
     */
    public WalkForwardBacktest.Progress listener(WalkForwardBacktest.Progress next, boolean addWindow) {
        return new WalkForwardBacktest.Progress() {
            @Override
            public void started(BacktestRunId id, AccountId account, long totalHours, long alreadyDone) {
                if (addWindow) {
                    expect(totalHours);
                }
                alreadyDone(alreadyDone);
                next.started(id, account, totalHours, alreadyDone);
            }

            @Override
            public void foldTrained(FoldPlan.Fold fold, int models) {
                next.foldTrained(fold, models);
            }

            @Override
            public void hourDone(HourTs hour, CycleReport report) {
                ProgressMeter.this.hourDone();
                next.hourDone(hour, report);
            }

            @Override
            public void finished() {
                next.finished();
            }
        };
    }
}
