package io.tradingcore.adapter.postgres;

import java.util.TreeMap;
import java.util.function.Supplier;
import org.jooq.DSLContext;

/**
 * The unit of work a thread is inside ({@link Db#unitOfWork}): its transaction, which every call of the thread joins;
 * its append-only rows not written yet, by rank ({@link Db#append}); and what the repositories remember within it
 * ({@link UnitMemory}). Outside a unit all three are null.
 */
final class UnitScope {
    private final ThreadLocal<DSLContext> unit = new ThreadLocal<>();
    private final ThreadLocal<TreeMap<Integer, PendingRows<?>>> pending = new ThreadLocal<>();
    private final ThreadLocal<UnitMemory> memory = new ThreadLocal<>();

    /** The unit's transaction, or null. */
    DSLContext dsl() {
        return unit.get();
    }

    /** The rows waiting to be written, by rank, or null (also collected outside a unit by {@link #collect}). */
    TreeMap<Integer, PendingRows<?>> waiting() {
        return pending.get();
    }

    /** The unit's memory, or null. */
    UnitMemory memory() {
        return memory.get();
    }

    /** Runs {@code body} as this thread's unit of work on {@code dsl}, with its waiting rows and memory. */
    <T> T within(DSLContext dsl, TreeMap<Integer, PendingRows<?>> waiting, UnitMemory mem, Supplier<T> body) {
        unit.set(dsl);
        pending.set(waiting);
        memory.set(mem);
        try {
            return body.get();
        } finally {
            unit.remove();
            pending.remove();
            memory.remove();
        }
    }

    /** Runs {@code appends} outside a unit, collecting the rows they append into {@code waiting}. */
    void collect(TreeMap<Integer, PendingRows<?>> waiting, Runnable appends) {
        pending.set(waiting);
        try {
            appends.run();
        } finally {
            pending.remove();
        }
    }
}
