package io.tradingcore.application.backtest;

import io.tradingcore.domain.Asset;
import io.tradingcore.domain.HourTs;
import io.tradingcore.ports.in.CycleReport;
import io.tradingcore.ports.in.RunHourlyCycleCommand;
import io.tradingcore.ports.service.HourlyCycleService;
import io.tradingcore.ports.service.MarketSide;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The cycles of a fold's test hours with their market side ({@link MarketSide}: DATA, FEATURES, MODELS and their
 * hashes, which depend on the market data and the fold's models only) computed ahead: one thread of its own prepares
 * the next {@code depth} hours, strictly in hour order (it alone uses the fold's feature engine and models), while the
 * caller runs the state side of the current hour and records everything as the sequential cycle does. Results are
 * those of the sequential cycle, bit for bit (the same code computes both); a failure computing an hour ahead is
 * thrown by that hour's cycle, where the sequential cycle would have thrown it. Memory: at most {@code depth}
 * prepared hours. With all of them prepared, the thread hashes the prepared hours' FEATURES and MODELS
 * ({@link MarketSide#hashAhead}) that the cycle has not hashed yet: the two threads share that work as their loads
 * allow. {@link #close} stops the thread (at the fold's end, on a failure, on an interrupt).
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
    private final Thread thread;
    /** Guards the fields below; waited on by both threads. */
    private final Object lock = new Object();
    /** The hours handed to the thread and not yet taken by the cycle, in hour order (at most {@code depth}). */
    private final ArrayDeque<Slot> slots = new ArrayDeque<>();
    private HourTs next;
    private boolean closed;
    /** What ended the thread outside a market side's own failures (a bug), for the cycle to throw. */
    private Throwable died;

    /** One hour handed to the thread: its market side once prepared. */
    private static final class Slot {
        final HourTs hour;
        MarketSide side;
        boolean hashing;

        Slot(HourTs hour) {
            this.hour = hour;
        }
    }

    private MarketAhead(HourlyCycleService cycle, List<Asset> assets, HourTs from, HourTs to, int depth) {
        this.cycle = cycle;
        this.assets = List.copyOf(assets);
        this.next = from;
        this.end = to;
        this.depth = depth;
        this.thread = depth == 0 ? null : new Thread(this::work, "market-ahead-" + THREADS.incrementAndGet());
    }

    /** The hours [{@code from}, {@code to}) of {@code cycle} for {@code assets}, prepared up to {@code depth} hours ahead. */
    static MarketAhead of(HourlyCycleService cycle, List<Asset> assets, HourTs from, HourTs to, int depth) {
        if (depth < 0) {
            throw new IllegalArgumentException("hours prepared ahead must not be negative, was " + depth);
        }
        MarketAhead ahead = new MarketAhead(cycle, assets, from, to, depth);
        if (ahead.thread != null) {
            ahead.thread.setDaemon(true);
            ahead.thread.start();
        }
        return ahead;
    }

    /** Runs the cycle of {@code cmd}, the next hour, with its market side computed ahead. */
    CycleReport run(RunHourlyCycleCommand cmd) {
        if (thread == null) {
            return cycle.run(cmd);
        }
        return cycle.run(cmd, take(cmd.hour())); // refuses a market side of another hour
    }

    /** The next hour's market side; waits as the sequential cycle would compute (an interrupt is kept for the caller). */
    private MarketSide take(HourTs hour) {
        boolean interrupted = false;
        try {
            synchronized (lock) {
                Slot first = slots.peekFirst();
                while (first == null && died == null && !closed && next.isBefore(end)) {
                    interrupted |= await();
                    first = slots.peekFirst();
                }
                if (first == null && died == null) {
                    throw new IllegalStateException("hour " + hour + " is past the hours prepared ahead (up to " + end + ")");
                }
                while (died == null && first.side == null) {
                    interrupted |= await();
                }
                if (died != null) {
                    throw new IllegalStateException("the thread computing the market side ahead failed", died);
                }
                slots.removeFirst();
                lock.notifyAll();
                return first.side;
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Waits on the lock; true if interrupted (the wait is not given up: the caller keeps the interrupt). */
    private boolean await() {
        try {
            lock.wait();
            return false;
        } catch (InterruptedException e) {
            return true;
        }
    }

    /** The thread: prepares the next hour while fewer than {@code depth} wait, else hashes ahead, else waits. */
    private void work() {
        try {
            while (true) {
                Slot compute = null;
                Slot hash = null;
                synchronized (lock) {
                    while (compute == null && hash == null) {
                        if (closed) {
                            return;
                        }
                        if (slots.size() < depth && next.isBefore(end)) {
                            compute = new Slot(next);
                            slots.addLast(compute);
                            next = next.plusHours(1);
                        } else {
                            hash = slots.stream().filter(s -> s.side != null && !s.hashing).findFirst().orElse(null);
                            if (hash != null) {
                                hash.hashing = true;
                            } else {
                                lock.wait();
                            }
                        }
                    }
                }
                if (compute != null) {
                    MarketSide side = cycle.prepare(compute.hour, assets); // keeps its own failures for the cycle
                    synchronized (lock) {
                        compute.side = side;
                        lock.notifyAll();
                    }
                } else {
                    hash.side.hashAhead();
                }
            }
        } catch (InterruptedException e) {
            // closed
        } catch (RuntimeException | Error e) {
            synchronized (lock) {
                died = e;
                lock.notifyAll();
            }
        }
    }

    /** Stops the thread: hours not prepared yet are dropped, the one being prepared is waited for (it is not interruptible). */
    @Override
    public void close() {
        if (thread == null) {
            return;
        }
        synchronized (lock) {
            closed = true;
            slots.clear();
            lock.notifyAll();
        }
        thread.interrupt();
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    thread.join(60_000);
                    if (thread.isAlive()) {
                        throw new IllegalStateException("the thread computing the market side ahead did not stop within a minute");
                    }
                    return;
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
