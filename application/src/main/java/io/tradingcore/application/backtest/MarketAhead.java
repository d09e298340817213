package io.tradingcore.application.backtest;

import io.tradingcore.domain.Asset;
import io.tradingcore.domain.HourTs;
import io.tradingcore.ports.in.CycleReport;
import io.tradingcore.ports.in.RunHourlyCycleCommand;
import io.tradingcore.ports.service.HourlyCycleService;
import io.tradingcore.ports.service.MarketSide;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The cycles of a fold's test hours with their market side ({@link MarketSide}: DATA, FEATURES, MODELS and their
 * hashes, which depend on the market data and the fold's models only) computed ahead: one thread of its own prepares
 * the next {@code depth} hours, strictly in hour order (it alone uses the fold's feature engine and models), while the
 * caller runs the state side of the current hour and records everything as the sequential cycle does. Results are
 * those of the sequential cycle, bit for bit (the same code computes both); a failure computing an hour ahead is
 * thrown by that hour's cycle, where the sequential cycle would have thrown it. Memory: at most {@code depth}
 * prepared hours. {@link #close} stops the thread (at the fold's end, on a failure, on an interrupt).
 *
 * <p>With a depth of 0 there is no thread: each hour is run by {@link HourlyCycleService#run(RunHourlyCycleCommand)}.
 * The hours must be run in order, each exactly once, from the first one given to {@link #of}.
 */
final class MarketAhead implements AutoCloseable {
    private static final AtomicInteger THREADS = new AtomicInteger();
    private final HourlyCycleService cycle;
    private final List<Asset> assets;
    private final HourTs end;
    private final int depth;
    private final ExecutorService thread;
    private final ArrayDeque<Future<MarketSide>> prepared = new ArrayDeque<>();
    private HourTs next;

    private MarketAhead(HourlyCycleService cycle, List<Asset> assets, HourTs from, HourTs to, int depth) {
        this.cycle = cycle;
        this.assets = List.copyOf(assets);
        this.next = from;
        this.end = to;
        this.depth = depth;
        this.thread = depth == 0 ? null : Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "market-ahead-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** The hours [{@code from}, {@code to}) of {@code cycle} for {@code assets}, prepared up to {@code depth} hours ahead. */
    static MarketAhead of(HourlyCycleService cycle, List<Asset> assets, HourTs from, HourTs to, int depth) {
        if (depth < 0) {
            throw new IllegalArgumentException("hours prepared ahead must not be negative, was " + depth);
        }
        MarketAhead ahead = new MarketAhead(cycle, assets, from, to, depth);
        if (depth > 0) {
            ahead.fill();
        }
        return ahead;
    }

    /** Runs the cycle of {@code cmd}, the next hour, with its market side computed ahead. */
    CycleReport run(RunHourlyCycleCommand cmd) {
        if (thread == null) {
            return cycle.run(cmd);
        }
        Future<MarketSide> first = prepared.pollFirst();
        if (first == null) {
            throw new IllegalStateException("hour " + cmd.hour() + " is past the hours prepared ahead (up to " + end + ")");
        }
        fill();
        return cycle.run(cmd, await(first)); // refuses a market side of another hour
    }

    private void fill() {
        while (prepared.size() < depth && next.isBefore(end)) {
            HourTs hour = next;
            prepared.addLast(thread.submit(() -> cycle.prepare(hour, assets)));
            next = next.plusHours(1);
        }
    }

    /** The prepared market side; waits as the sequential cycle would compute (an interrupt is kept for the caller). */
    private static MarketSide await(Future<MarketSide> f) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return f.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    // prepare keeps its failures for the cycle to throw: this is a failure of the thread itself
                    if (e.getCause() instanceof RuntimeException r) {
                        throw r;
                    }
                    if (e.getCause() instanceof Error r) {
                        throw r;
                    }
                    throw new IllegalStateException("computing the market side ahead failed", e.getCause());
                } catch (CancellationException e) {
                    throw new IllegalStateException("the market side was cancelled: the hours ahead were closed", e);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Stops the thread: hours not started are dropped, the one being computed is waited for (it is not interruptible). */
    @Override
    public void close() {
        if (thread == null) {
            return;
        }
        prepared.clear();
        thread.shutdownNow();
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    if (thread.awaitTermination(1, TimeUnit.MINUTES)) {
                        return;
                    }
                    throw new IllegalStateException("the thread computing the market side ahead did not stop within a minute");
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
