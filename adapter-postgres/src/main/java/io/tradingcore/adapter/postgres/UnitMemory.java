package io.tradingcore.adapter.postgres;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.TableRecord;

/**
 * The state one unit of work shares between repositories: whether every run it wrote is new (then its
 * waiting rows are COPYed, else written by the idempotent path), how often it has flushed, keyed
 * objects the repositories keep for the unit's life, and work to do once it has committed.
 */
final class UnitMemory {
    private boolean resumed;
    private long flushes;
    private final Set<UUID> freshRuns = new HashSet<>();
    /** Rows COPYed so far by the unit, by table and key: a step recorded again later is settled against them. */
    private final Map<String, Map<?, ?>> written = new HashMap<>();
    private final Map<Object, Object> objects = new HashMap<>();
    /** Objects the next unit of an overlapped chain inherits; this unit's own when not overlapped. */
    private final Map<Object, Object> carry;
    /** The chain's writer when this unit is overlapped, else null. */
    private final UnitWriter writer;
    private final List<Runnable> afterCommit = new ArrayList<>();
    /** Statements kept for later (see {@link Db#defer}), in the order they were made. */
    private final List<Kept> kept = new ArrayList<>();

    /** A statement of an overlapped unit kept for its writer thread, with the waiting ranks it references. */
    private record Kept(Set<Integer> ranks, String what, Db.Work<?> work) {
    }

    UnitMemory() {
        this(null);
    }

    UnitMemory(UnitWriter writer) {
        this.writer = writer;
        this.carry = writer == null ? new HashMap<>() : writer.carry;
    }

    /** The chain of overlapped units this unit belongs to, or null. */
    UnitWriter chain() {
        return writer;
    }

    /** Some run of the unit existed before it: its rows may be stored already, so none is COPYed. */
    void resumed() {
        resumed = true;
    }

    boolean isResumed() {
        return resumed;
    }

    /** {@code run} did not exist before this unit: nothing of it can be stored outside the unit. */
    void fresh(UUID run) {
        freshRuns.add(run);
    }

    boolean isFresh(UUID run) {
        return freshRuns.contains(run);
    }

    /** Every row belongs to a run new in this unit (tables without a run id: the unit has only new runs). */
    <R extends TableRecord<R>> boolean allFresh(Table<R> table, List<R> rows) {
        if (resumed || freshRuns.isEmpty()) {
            return false;
        }
        Field<?> run = table.field("run_id");
        if (run == null) {
            return true;
        }
        for (R r : rows) {
            if (!freshRuns.contains(r.get(run))) {
                return false;
            }
        }
        return true;
    }

    /** Incremented by every flush that wrote waiting rows: a row appended before it is now stored. */
    long flushes() {
        return flushes;
    }

    @SuppressWarnings("unchecked")
    <T> T object(Object key, Supplier<T> init) {
        return (T) objects.computeIfAbsent(key, k -> init.get());
    }

    /**
     * As {@link #object}, but kept for the next units of an overlapped chain (what they must know without
     * reading it back: the previous unit may not have committed yet); a unit that is not overlapped keeps
     * it for its own life only. Only what stays true once the unit commits belongs here.
     */
    @SuppressWarnings("unchecked")
    <T> T carried(Object key, Supplier<T> init) {
        return (T) carry.computeIfAbsent(key, k -> init.get());
    }

    /** Runs {@code r} once the unit has committed (never if it rolls back). */
    void afterCommit(Runnable r) {
        afterCommit.add(r);
    }

    /** The unit has committed: runs what {@link #afterCommit} registered. */
    void committed() {
        afterCommit.forEach(Runnable::run);
    }

    /** A flush wrote waiting rows. */
    void flushed() {
        flushes++;
    }

    /** The rows COPYed so far into {@code table}, by key. */
    @SuppressWarnings("unchecked")
    <R> Map<List<Object>, R> written(String table) {
        return (Map<List<Object>, R>) written.computeIfAbsent(table, t -> new HashMap<>());
    }

    /** Keeps a statement for later ({@link Db#defer}): only in an overlapped unit that is not resumed. */
    boolean keep(Set<Integer> ranks, String what, Db.Work<?> work) {
        if (writer == null || resumed) {
            return false;
        }
        kept.add(new Kept(Set.copyOf(ranks), what, work));
        return true;
    }

    boolean hasKept() {
        return !kept.isEmpty();
    }

    /** Runs the kept statements, after the waiting rows they reference (those are written first). */
    void runKept(DSLContext tx, TreeMap<Integer, PendingRows<?>> waiting) {
        if (kept.isEmpty()) {
            return;
        }
        Set<Integer> ranks = new HashSet<>();
        kept.forEach(d -> ranks.addAll(d.ranks()));
        PendingRows.writeFirst(tx, waiting, this, ranks);
        List<Kept> now = List.copyOf(kept);
        kept.clear();
        for (Kept d : now) {
            DbErrors.mapped(d.what(), () -> d.work().run(tx));
        }
    }
}
