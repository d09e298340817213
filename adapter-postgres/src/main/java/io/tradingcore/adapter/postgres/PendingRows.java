package io.tradingcore.adapter.postgres;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.jooq.TableRecord;

/** Rows of one table waiting for the unit's next flush ({@link Db#append}), with what {@link Idempotent#insert} needs. */
record PendingRows<R extends TableRecord<R>>(Table<R> table,
                                              List<Supplier<List<R>>> parts, String family,
                                              Function<R, String> describe) {
    /** The rows, in the order appended; those appended as builders are built now (see {@link Db#appendLater}). */
    List<R> rows() {
        List<R> all = new ArrayList<>();
        for (Supplier<List<R>> part : parts) {
            all.addAll(part.get());
        }
        return all;
    }

    int write(DSLContext tx, UnitMemory mem) {
        List<R> rows = rows();
        if (mem != null && mem.allFresh(table, rows)) {
            // rows of runs that did not exist when the unit started cannot be stored yet: COPY them; a
            // repeat inside the unit (a step recorded twice, also across flushes) is settled first
            Map<List<Object>, R> written = mem.written(table.getName());
            return (int) RecordCopy.copy(tx, table, Idempotent.notWrittenYet(rows, table, written, family, describe));
        }
        return Idempotent.insert(tx, table, rows, family, describe);
    }

    /** The waiting rows of {@code rank} in {@code waiting}, created for {@code table} if none wait yet. */
    static <R extends TableRecord<R>> PendingRows<R> of(TreeMap<Integer, PendingRows<?>> waiting, int rank, Table<R> table,
                                                        String family, Function<R, String> describe) {
        @SuppressWarnings("unchecked")
        PendingRows<R> p = (PendingRows<R>) waiting.computeIfAbsent(rank, r -> new PendingRows<>(table, new ArrayList<>(), family, describe));
        if (p.table() != table) {
            throw new IllegalStateException("rank " + rank + " is taken by " + p.table().getName() + ", not " + table.getName());
        }
        return p;
    }

    /** Writes the waiting rows of {@code ranks} and the run contexts (rank 0) now; the others go on waiting. */
    static void writeFirst(DSLContext tx, TreeMap<Integer, PendingRows<?>> waiting, UnitMemory mem, Set<Integer> ranks) {
        TreeSet<Integer> first = new TreeSet<>(ranks);
        first.add(0);
        boolean wrote = false;
        for (Integer rank : first) {
            PendingRows<?> p = waiting == null ? null : waiting.remove(rank);
            if (p != null) {
                p.write(tx, mem);
                wrote = true;
            }
        }
        if (wrote && mem != null) {
            // the run contexts went with it: what counts for a deferred run (see flushes())
            mem.flushed();
        }
    }
}
