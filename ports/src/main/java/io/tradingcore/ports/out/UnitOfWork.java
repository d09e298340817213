package io.tradingcore.ports.out;

import java.util.function.Supplier;

/**
 * Groups port calls into one atomic unit where the store supports it: every call made by this thread
 * inside {@link #run} sees the others' writes, and all of them become durable together or not at all.
 * A backtest uses it to commit many hours at once (a crash loses at most the unit, never half of an
 * hour, and a resumed backtest re-runs it); the hourly cycle itself does not depend on it.
 */
public interface UnitOfWork {

    /**
     * Runs {@code body} as one unit and returns its result. An exception thrown by {@code body} or by
     * the store rolls the whole unit back and propagates ({@link PortException}s as they are). Nested
     * calls join the outer unit.
     */
    <T> T run(Supplier<T> body);

    /**
     * As {@link #run}, but the store may write and commit the unit on a writer thread of its own after this
     * returns, while the caller computes the next unit: units still commit one at a time, in the order they
     * were run, each all or nothing, and a unit is durable only once committed. A unit that fails to commit
     * fails the caller's next call to this store (the unit being computed then rolls back, so nothing after
     * the failed unit is committed) or {@link #awaitCommitted}. Stores without a writer thread run it as
     * {@link #run}.
     */
    default <T> T runOverlapped(Supplier<T> body) {
        return run(body);
    }

    /**
     * Blocks until every unit this thread handed to {@link #runOverlapped} is committed; throws the error of
     * the first that failed (nothing after it was committed).
     */
    default void awaitCommitted() {
    }

    /** No grouping: every port call stands alone (stores without transactions, in-memory tests). */
    UnitOfWork NONE = new UnitOfWork() {
        @Override
        public <T> T run(Supplier<T> body) {
            return body.get();
        }
    };
}
