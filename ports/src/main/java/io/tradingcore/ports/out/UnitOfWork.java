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

    /** No grouping: every port call stands alone (stores without transactions, in-memory tests). */
    UnitOfWork NONE = new UnitOfWork() {
        @Override
        public <T> T run(Supplier<T> body) {
            return body.get();
        }
    };
}
