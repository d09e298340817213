package io.tradingcore.application.live;

import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * Ctrl-C for a session: the JVM's shutdown hook only sets a flag and then waits (up to {@link #GRACE}) until
 * the session has finished its current hour and released its resources, so a cycle is never cut off
 * mid-transaction on purpose. Closing the signal marks the session finished and unregisters the hook.
 */
public final class StopSignal implements BooleanSupplier, AutoCloseable {

    /** Longest wait for the current hour to finish after Ctrl-C (a cycle takes seconds; the bound covers a slow venue). */
    static final long GRACE_SECONDS = 300;
    static final String GRACE = GRACE_SECONDS + " s";

    private final AtomicBoolean requested = new AtomicBoolean();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;

    private StopSignal(Thread hook) {
        this.hook = hook;
    }

    /** A signal set by nothing but {@link #request()} (tests, embedding). */
    public static StopSignal manual() {
        return new StopSignal(null);
    }

    /** A signal set by Ctrl-C (SIGINT/SIGTERM), which then lets the session finish its hour and exit with code 0. */
    public static StopSignal onShutdown(PrintWriter err) {
        StopSignal[] self = new StopSignal[1];
        Thread hook = new Thread(() -> {
            StopSignal s = self[0];
            s.requested.set(true);
            err.println("stop requested: finishing the current hour, then exiting (up to " + GRACE + ")");
            err.flush();
            try {
                if (s.finished.await(GRACE_SECONDS, TimeUnit.SECONDS)) {
                    System.out.flush();
                    System.err.flush();
                    // the session ended cleanly and closed its database: report success rather than the
                    // signal's status (Main's System.exit cannot run once shutdown has begun)
                    Runtime.getRuntime().halt(0);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "trading-session-stop");
        self[0] = new StopSignal(hook);
        Runtime.getRuntime().addShutdownHook(hook);
        return self[0];
    }

    /** Asks the session to stop after the current hour. */
    public void request() {
        requested.set(true);
    }

    @Override
    public boolean getAsBoolean() {
        return requested.get();
    }

    @Override
    public void close() {
        finished.countDown();
        if (hook != null && !requested.get()) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running and will see the latch
            }
        }
    }
}
