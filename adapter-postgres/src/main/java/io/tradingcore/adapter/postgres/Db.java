package io.tradingcore.adapter.postgres;

import io.tradingcore.ports.out.PortException;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.Function;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/**
 * The one place that opens transactions: every port call is one {@link #tx} (all or nothing), and every
 * database error leaves it as a port exception naming the rule ({@link DbErrors}).
 */
final class Db {
    // No static side effects: jOOQ's start-up logo and tips go to its logger (org.jooq.Constants, INFO) and are the
    // host's logging configuration's to show or not (the CLI's logback.xml sets org.jooq to WARN).

    /** Work done inside one transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(DSLContext tx) throws Exception;
    }

    private final DataSource dataSource;
    private final DSLContext ctx;
    /** The unit of work this thread is inside, if any: every call joins its transaction. */
    private final ThreadLocal<DSLContext> unit = new ThreadLocal<>();
    /** Append-only rows of the unit not written yet, by rank (see {@link #append}). */
    private final ThreadLocal<java.util.TreeMap<Integer, Pending<?>>> pending = new ThreadLocal<>();
    /** What the repositories remember within the unit of this thread (see {@link #unitMemory}). */
    private final ThreadLocal<UnitMemory> memory = new ThreadLocal<>();
    /** The writer thread of this thread's chain of overlapped units, if one is open (see {@link #unitOfWorkOverlapped}). */
    private final ThreadLocal<UnitWriter> chain = new ThreadLocal<>();
    private final Settings settings = new Settings().withExecuteLogging(false);

    /** Rows of one table waiting for the unit's next flush, with what {@link Idempotent#insert} needs. */
    private record Pending<R extends org.jooq.TableRecord<R>>(org.jooq.Table<R> table,
                                                              java.util.List<java.util.function.Supplier<java.util.List<R>>> parts,
                                                              String family, Function<R, String> describe) {
        /** The rows, in the order appended; those appended as builders are built now (see {@link #appendLater}). */
        java.util.List<R> rows() {
            java.util.List<R> all = new java.util.ArrayList<>();
            for (java.util.function.Supplier<java.util.List<R>> part : parts) {
                all.addAll(part.get());
            }
            return all;
        }

        int write(DSLContext tx, UnitMemory mem) {
            java.util.List<R> rows = rows();
            if (mem != null && mem.allFresh(table, rows)) {
                // rows of runs that did not exist when the unit started cannot be stored yet: COPY them; a
                // repeat inside the unit (a step recorded twice, also across flushes) is settled first
                @SuppressWarnings("unchecked")
                java.util.Map<java.util.List<Object>, R> written = (java.util.Map<java.util.List<Object>, R>)
                        mem.written.computeIfAbsent(table.getName(), t -> new java.util.HashMap<>());
                return (int) RecordCopy.copy(tx, table, Idempotent.notWrittenYet(rows, table, written, family, describe));
            }
            return Idempotent.insert(tx, table, rows, family, describe);
        }
    }

    /**
     * The state one unit of work shares between repositories: whether every run it wrote is new (then its
     * waiting rows are COPYed, else written by the idempotent path), how often it has flushed, keyed
     * objects the repositories keep for the unit's life, and work to do once it has committed.
     */
    static final class UnitMemory {
        private boolean resumed;
        private long flushes;
        private final java.util.Set<java.util.UUID> freshRuns = new java.util.HashSet<>();
        /** Rows COPYed so far by the unit, by table and key: a step recorded again later is settled against them. */
        private final java.util.Map<String, java.util.Map<?, ?>> written = new java.util.HashMap<>();
        private final java.util.Map<Object, Object> objects = new java.util.HashMap<>();
        /** Objects the next unit of an overlapped chain inherits; this unit's own when not overlapped. */
        private final java.util.Map<Object, Object> carry;
        /** The chain's writer when this unit is overlapped, else null. */
        private final UnitWriter writer;
        private final java.util.List<Runnable> afterCommit = new java.util.ArrayList<>();
        /** Statements kept for later (see {@link Db#defer}), in the order they were made. */
        private final java.util.List<Deferred> deferred = new java.util.ArrayList<>();

        UnitMemory() {
            this(null);
        }

        UnitMemory(UnitWriter writer) {
            this.writer = writer;
            this.carry = writer == null ? new java.util.HashMap<>() : writer.carry;
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
        void fresh(java.util.UUID run) {
            freshRuns.add(run);
        }

        boolean isFresh(java.util.UUID run) {
            return freshRuns.contains(run);
        }

        /** Every row belongs to a run new in this unit (tables without a run id: the unit has only new runs). */
        <R extends org.jooq.TableRecord<R>> boolean allFresh(org.jooq.Table<R> table, java.util.List<R> rows) {
            if (resumed || freshRuns.isEmpty()) {
                return false;
            }
            org.jooq.Field<?> run = table.field("run_id");
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
        <T> T object(Object key, java.util.function.Supplier<T> init) {
            return (T) objects.computeIfAbsent(key, k -> init.get());
        }

        /**
         * As {@link #object}, but kept for the next units of an overlapped chain (what they must know without
         * reading it back: the previous unit may not have committed yet); a unit that is not overlapped keeps
         * it for its own life only. Only what stays true once the unit commits belongs here.
         */
        @SuppressWarnings("unchecked")
        <T> T carried(Object key, java.util.function.Supplier<T> init) {
            return (T) carry.computeIfAbsent(key, k -> init.get());
        }

        /** Runs {@code r} once the unit has committed (never if it rolls back). */
        void afterCommit(Runnable r) {
            afterCommit.add(r);
        }
    }

    /** A statement of an overlapped unit kept for its writer thread, with the waiting ranks it references. */
    private record Deferred(java.util.Set<Integer> ranks, String what, Work<?> work) {
    }

    /**
     * Inside an overlapped unit (a chain's unit that is not resumed), keeps {@code work} and returns true: it runs
     * later, in the order kept, after the waiting rows of {@code ranks} (and the run contexts) and before the
     * others: on the writer thread when the unit is handed over, or on this thread before the unit's next
     * read or statement that is not kept ({@link #drainDeferred}). The caller must answer from memory what
     * the statement would have answered, and {@code work} must fail if the store disagrees. Elsewhere it
     * keeps nothing and returns false (the caller runs the statement now, by {@link #txAfter}).
     */
    boolean defer(java.util.Set<Integer> ranks, String what, Work<?> work) {
        UnitMemory mem = memory.get();
        if (mem == null || mem.writer == null || mem.resumed || unit.get() == null) {
            return false;
        }
        mem.deferred.add(new Deferred(java.util.Set.copyOf(ranks), what, work));
        return true;
    }

    /** Runs the unit's kept statements now, on this thread (before a read that must see them). */
    void drainDeferred() {
        DSLContext joined = unit.get();
        UnitMemory mem = memory.get();
        if (joined != null && mem != null && !mem.deferred.isEmpty()) {
            afterPrevious();
            mapped("writing the unit's kept statements", () -> {
                runDeferred(joined, pending.get(), mem);
                return null;
            });
        }
    }

    /** The kept statements, after the waiting rows they reference (those are written first). */
    private static void runDeferred(DSLContext tx, java.util.TreeMap<Integer, Pending<?>> waiting, UnitMemory mem) {
        if (mem == null || mem.deferred.isEmpty()) {
            return;
        }
        java.util.Set<Integer> ranks = new java.util.HashSet<>();
        mem.deferred.forEach(d -> ranks.addAll(d.ranks()));
        writeFirst(tx, waiting, mem, ranks);
        java.util.List<Deferred> kept = java.util.List.copyOf(mem.deferred);
        mem.deferred.clear();
        for (Deferred d : kept) {
            mapped(d.what(), () -> d.work().run(tx));
        }
    }

    Db(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.ctx = DSL.using(dataSource, SQLDialect.POSTGRES, settings);
    }

    DataSource dataSource() {
        return dataSource;
    }

    /**
     * Runs {@code body} as one transaction: every {@link #tx} and {@link #read} of this thread inside it
     * joins that transaction (they see each other's writes; all commit together or none does). Nested
     * units join the outer one. A failure inside rolls the whole unit back; no retry happens inside a
     * unit, because the work before the failure would be lost with the connection.
     */
    <T> T unitOfWork(String what, java.util.function.Supplier<T> body) {
        if (unit.get() != null) {
            return body.get();
        }
        settle();
        UnitMemory mem = new UnitMemory();
        T done = mapped(what, () -> ctx.transactionResult(cfg -> {
            // every lookup of a unit is by key, and so are the FK checks and trigger queries its rows cause: the
            // plans those get (cached per connection) must be index scans even when the statistics say the
            // tables are empty (ANALYZE before the first rows), else each row scans a growing table
            cfg.dsl().execute("SET LOCAL enable_seqscan = off");
            unit.set(cfg.dsl());
            pending.set(new java.util.TreeMap<>());
            memory.set(mem);
            try {
                T result = body.get();
                flush(cfg.dsl());
                return result;
            } finally {
                unit.remove();
                pending.remove();
                memory.remove();
            }
        }));
        mem.afterCommit.forEach(Runnable::run);
        return done;
    }

    /**
     * As {@link #unitOfWork}, but the unit's waiting rows are written and committed by the writer thread of this
     * thread's chain ({@link UnitWriter}) while this thread returns and computes the next unit. Every statement
     * the next unit makes waits until this one has committed; a unit that fails to commit fails this thread's
     * next call to the store (the unit in progress rolls back with it). {@link #settle} ends the chain.
     */
    <T> T unitOfWorkOverlapped(String what, java.util.function.Supplier<T> body) {
        if (unit.get() != null) {
            return body.get();
        }
        UnitWriter writer = chain.get();
        if (writer == null) {
            writer = new UnitWriter(dataSource);
            chain.set(writer);
        }
        java.sql.Connection c = null;
        boolean handedOver = false;
        try {
            // the previous unit's failure stops the chain before any work of this one
            writer.awaitPrevious();
            c = mapped(what, () -> {
                java.sql.Connection opened = dataSource.getConnection();
                opened.setAutoCommit(false);
                return opened;
            });
            DSLContext dsl = DSL.using(c, SQLDialect.POSTGRES, settings);
            UnitMemory mem = new UnitMemory(writer);
            java.util.TreeMap<Integer, Pending<?>> waiting = new java.util.TreeMap<>();
            T result = mapped(what, () -> {
                dsl.execute("SET LOCAL enable_seqscan = off"); // as unitOfWork
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
            });
            java.sql.Connection own = c;
            writer.handOver(() -> commitOnWriter(what, own, dsl, waiting, mem));
            handedOver = true;
            return result;
        } catch (RuntimeException | Error e) {
            if (c != null && !handedOver) {
                rollbackQuietly(c);
            }
            chain.remove();
            try {
                writer.close();
            } catch (RuntimeException | Error previous) {
                if (previous != e) {
                    e.addSuppressed(previous);
                }
            }
            throw e;
        }
    }

    /** On the writer thread: the unit's waiting rows, then its commit; on failure a rollback. Closes {@code c}. */
    private void commitOnWriter(String what, java.sql.Connection c, DSLContext dsl, java.util.TreeMap<Integer, Pending<?>> waiting,
                                UnitMemory mem) {
        try {
            mapped(what, () -> {
                runDeferred(dsl, waiting, mem);
                for (Pending<?> p : waiting.values()) {
                    p.write(dsl, mem);
                }
                c.commit();
                return null;
            });
        } catch (RuntimeException | Error e) {
            rollbackQuietly(c);
            throw e;
        } finally {
            UnitWriter.closeQuietly(c);
        }
        mem.afterCommit.forEach(Runnable::run);
    }

    private static void rollbackQuietly(java.sql.Connection c) {
        try {
            c.rollback();
        } catch (java.sql.SQLException | RuntimeException e) {
            // a dead connection rolled back with the session
        }
        UnitWriter.closeQuietly(c);
    }

    /**
     * Ends this thread's chain of overlapped units, if any: waits until its last unit has committed and releases
     * the chain's locks; throws that unit's failure. Every call of this thread outside a unit does it first.
     */
    void settle() {
        UnitWriter writer = chain.get();
        if (writer != null) {
            chain.remove();
            writer.close();
        }
    }

    /** Inside an overlapped unit: waits until the previous unit of the chain has committed (before any statement). */
    private void afterPrevious() {
        UnitMemory mem = memory.get();
        if (mem != null && mem.writer != null) {
            mem.writer.awaitPrevious();
        }
    }

    /** The memory of the unit of work this thread is inside, or null outside one. */
    UnitMemory unitMemory() {
        return memory.get();
    }

    /**
     * Inserts append-only rows by {@link Idempotent#insert}: at once outside a unit of work; inside one,
     * they wait and are written with the other pending rows of the unit, one statement per table and
     * {@code rank} (ascending, so rows referenced by others go first), before the unit commits or before
     * any other call of the unit that is not {@link #txBeside beside} them. A conflicting row then fails
     * the whole unit, with the same message.
     */
    <R extends org.jooq.TableRecord<R>> void append(String what, int rank, org.jooq.Table<R> table, java.util.List<R> rows,
                                                     String family, Function<R, String> describe) {
        java.util.TreeMap<Integer, Pending<?>> waiting = pending.get();
        if (waiting == null) {
            tx(what, t -> Idempotent.insert(t, table, rows, family, describe));
            return;
        }
        java.util.List<R> copy = java.util.List.copyOf(rows);
        pending(waiting, rank, table, family, describe).parts().add(() -> copy);
    }

    /**
     * As {@link #append}, with rows built only when they are written: inside a unit of work, usually on its
     * writer thread (an overlapped unit), so the caller does not spend its time building them. {@code rows}
     * must depend on immutable values only and not throw for values {@link #append} would accept.
     */
    <R extends org.jooq.TableRecord<R>> void appendLater(String what, int rank, org.jooq.Table<R> table,
                                                          java.util.function.Supplier<java.util.List<R>> rows, String family,
                                                          Function<R, String> describe) {
        java.util.TreeMap<Integer, Pending<?>> waiting = pending.get();
        if (waiting == null) {
            append(what, rank, table, rows.get(), family, describe);
            return;
        }
        pending(waiting, rank, table, family, describe).parts().add(rows);
    }

    private static <R extends org.jooq.TableRecord<R>> Pending<R> pending(java.util.TreeMap<Integer, Pending<?>> waiting, int rank,
                                                                           org.jooq.Table<R> table, String family,
                                                                           Function<R, String> describe) {
        @SuppressWarnings("unchecked")
        Pending<R> p = (Pending<R>) waiting.computeIfAbsent(rank, r -> new Pending<>(table, new java.util.ArrayList<>(), family, describe));
        if (p.table() != table) {
            throw new IllegalStateException("rank " + rank + " is taken by " + p.table().getName() + ", not " + table.getName());
        }
        return p;
    }

    /**
     * Several {@link #append}s as one port call: inside a unit of work they wait like any append; outside
     * one they are written together in one transaction (with the one retry on a lost connection, safe
     * because nothing else happens in it).
     */
    void appendAll(String what, Runnable appends) {
        if (pending.get() != null) {
            appends.run();
            return;
        }
        java.util.TreeMap<Integer, Pending<?>> local = new java.util.TreeMap<>();
        pending.set(local);
        try {
            appends.run();
        } finally {
            pending.remove();
        }
        tx(what, t -> {
            for (Pending<?> p : local.values()) {
                p.write(t, null);
            }
            return null;
        });
    }

    private void flush(DSLContext tx) {
        java.util.TreeMap<Integer, Pending<?>> waiting = pending.get();
        UnitMemory kept = memory.get();
        if (waiting == null || waiting.isEmpty() && (kept == null || kept.deferred.isEmpty())) {
            return;
        }
        UnitMemory mem = memory.get();
        runDeferred(tx, waiting, mem);
        for (Pending<?> p : waiting.values()) {
            p.write(tx, mem);
        }
        waiting.clear();
        if (mem != null) {
            mem.flushes++;
        }
    }

    /**
     * As {@link #tx}, for work that references only the waiting rows of {@code ranks}: inside a unit those
     * (and always the run contexts, rank 0, which every row references) are written first, the other
     * waiting rows go on waiting for the unit's end, so that an hour that trades does not cost the unit a
     * COPY of every table.
     */
    <T> T txAfter(java.util.Set<Integer> ranks, String what, Work<T> work) {
        DSLContext joined = unit.get();
        if (joined == null) {
            return tx(what, work);
        }
        afterPrevious();
        return mapped(what, () -> {
            java.util.TreeMap<Integer, Pending<?>> waiting = pending.get();
            UnitMemory mem = memory.get();
            runDeferred(joined, waiting, mem); // what was kept comes before this statement
            writeFirst(joined, waiting, mem, ranks);
            return work.run(joined);
        });
    }

    /** Writes the waiting rows of {@code ranks} and the run contexts (rank 0) now; the others go on waiting. */
    private static void writeFirst(DSLContext tx, java.util.TreeMap<Integer, Pending<?>> waiting, UnitMemory mem,
                                   java.util.Set<Integer> ranks) {
        java.util.TreeSet<Integer> first = new java.util.TreeSet<>(ranks);
        first.add(0);
        boolean wrote = false;
        for (Integer rank : first) {
            Pending<?> p = waiting == null ? null : waiting.remove(rank);
            if (p != null) {
                p.write(tx, mem);
                wrote = true;
            }
        }
        if (wrote && mem != null) {
            // the run contexts went with it: what counts for a deferred run (see flushes())
            mem.flushes++;
        }
    }

    /** Writes the unit's waiting rows now (before a read that must see them). Outside a unit: nothing to do. */
    void flushUnit() {
        DSLContext joined = unit.get();
        if (joined != null) {
            afterPrevious();
            mapped("writing the unit's waiting rows", () -> {
                flush(joined);
                return null;
            });
        }
    }

    /**
     * As {@link #tx}, for work that neither reads nor references the rows {@link #append} keeps waiting
     * (run contexts, hourly states, open orders): inside a unit it runs without flushing them first.
     */
    <T> T txBeside(String what, Work<T> work) {
        DSLContext joined = unit.get();
        if (joined != null) {
            afterPrevious();
            return mapped(what, () -> work.run(joined));
        }
        return tx(what, work);
    }

    /** Runs {@code work} in one transaction; {@code what} names the call in error messages. */
    <T> T tx(String what, Work<T> work) {
        DSLContext joined = unit.get();
        if (joined != null) {
            afterPrevious();
            return mapped(what, () -> {
                flush(joined);
                return work.run(joined);
            });
        }
        settle();
        return mapped(what, () -> {
            try {
                return ctx.transactionResult(cfg -> work.run(cfg.dsl()));
            } catch (DataAccessException e) {
                if (!connectionLost(e)) {
                    throw e;
                }
                // a pooled connection that died with the server (restart, failover) fails once; every port
                // write is idempotent by key, so one retry on a fresh connection is safe
                return ctx.transactionResult(cfg -> work.run(cfg.dsl()));
            }
        });
    }

    /** Port exceptions and rule violations pass as they are; everything else becomes a port exception. */
    private static <T> T mapped(String what, java.util.concurrent.Callable<T> work) {
        try {
            return work.call();
        } catch (PortException | IllegalArgumentException | IllegalStateException | NoSuchElementException e) {
            throw e;
        } catch (DataAccessException e) {
            throw DbErrors.map(what, e);
        } catch (RuntimeException e) {
            throw DbErrors.mapOther(what, e);
        } catch (Exception e) {
            throw DbErrors.mapOther(what, new IllegalStateException(e));
        }
    }

    /** A read outside an explicit transaction (one statement, or a consistent enough pair). */
    <T> T read(String what, Function<DSLContext, T> query) {
        DSLContext joined = unit.get();
        if (joined != null) {
            afterPrevious();
            return mapped(what, () -> {
                flush(joined);
                return query.apply(joined);
            });
        }
        settle();
        try {
            try {
                return query.apply(ctx);
            } catch (DataAccessException e) {
                if (!connectionLost(e)) {
                    throw e;
                }
                return query.apply(ctx);
            }
        } catch (DataAccessException e) {
            throw DbErrors.map(what, e);
        }
    }

    /** The connection itself is gone (SQLState class 08, or the server shut it: 57P01-57P03). */
    static boolean connectionLost(DataAccessException e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                return state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03");
            }
        }
        return false;
    }
}
