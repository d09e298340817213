package io.tradingcore.adapter.postgres;

import static io.tradingcore.adapter.postgres.DbErrors.connectionLost;
import static io.tradingcore.adapter.postgres.DbErrors.mapped;

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
    /** The unit of work this thread is inside, if any: its transaction, waiting rows and memory. */
    private final UnitScope scope = new UnitScope();
    /** The writer thread of this thread's chain of overlapped units, if one is open (see {@link #unitOfWorkOverlapped}). */
    private final ThreadLocal<UnitWriter> chain = new ThreadLocal<>();
    private final Settings settings = new Settings().withExecuteLogging(false);

    /**
     * Inside an overlapped unit (a chain's unit that is not resumed), keeps {@code work} and returns true: it runs
     * later, in the order kept, after the waiting rows of {@code ranks} (and the run contexts) and before the
     * others: on the writer thread when the unit is handed over, or on this thread before the unit's next
     * read or statement that is not kept ({@link #drainDeferred}). The caller must answer from memory what
     * the statement would have answered, and {@code work} must fail if the store disagrees. Elsewhere it
     * keeps nothing and returns false (the caller runs the statement now, by {@link #txAfter}).
     */
    boolean defer(java.util.Set<Integer> ranks, String what, Work<?> work) {
        UnitMemory mem = scope.memory();
        return mem != null && scope.dsl() != null && mem.keep(ranks, what, work);
    }

    /** Runs the unit's kept statements now, on this thread (before a read that must see them). */
    void drainDeferred() {
        DSLContext joined = scope.dsl();
        UnitMemory mem = scope.memory();
        if (joined != null && mem != null && mem.hasKept()) {
            afterPrevious();
            mapped("writing the unit's kept statements", () -> {
                mem.runKept(joined, scope.waiting());
                return null;
            });
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
        if (scope.dsl() != null) {
            return body.get();
        }
        settle();
        UnitMemory mem = new UnitMemory();
        T done = mapped(what, () -> ctx.transactionResult(cfg -> {
            // every lookup of a unit is by key, and so are the FK checks and trigger queries its rows cause: the
            // plans those get (cached per connection) must be index scans even when the statistics say the
            // tables are empty (ANALYZE before the first rows), else each row scans a growing table
            cfg.dsl().execute("SET LOCAL enable_seqscan = off");
            return scope.within(cfg.dsl(), new java.util.TreeMap<>(), mem, () -> {
                T result = body.get();
                flush(cfg.dsl());
                return result;
            });
        }));
        mem.committed();
        return done;
    }

    /**
     * As {@link #unitOfWork}, but the unit's waiting rows are written and committed by the writer thread of this
     * thread's chain ({@link UnitWriter}) while this thread returns and computes the next unit. Every statement
     * the next unit makes waits until this one has committed; a unit that fails to commit fails this thread's
     * next call to the store (the unit in progress rolls back with it). {@link #settle} ends the chain.
     */
    <T> T unitOfWorkOverlapped(String what, java.util.function.Supplier<T> body) {
        if (scope.dsl() != null) {
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
            java.util.TreeMap<Integer, PendingRows<?>> waiting = new java.util.TreeMap<>();
            T result = mapped(what, () -> {
                dsl.execute("SET LOCAL enable_seqscan = off"); // as unitOfWork
                return scope.within(dsl, waiting, mem, body);
            });
            java.sql.Connection own = c;
            writer.handOver(() -> UnitWriter.commit(what, own, dsl, waiting, mem));
            handedOver = true;
            return result;
        } catch (RuntimeException | Error e) {
            if (c != null && !handedOver) {
                UnitWriter.rollbackQuietly(c);
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
        UnitMemory mem = scope.memory();
        if (mem != null && mem.chain() != null) {
            mem.chain().awaitPrevious();
        }
    }

    /** The memory of the unit of work this thread is inside, or null outside one. */
    UnitMemory unitMemory() {
        return scope.memory();
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
        java.util.TreeMap<Integer, PendingRows<?>> waiting = scope.waiting();
        if (waiting == null) {
            tx(what, t -> Idempotent.insert(t, table, rows, family, describe));
            return;
        }
        java.util.List<R> copy = java.util.List.copyOf(rows);
        PendingRows.of(waiting, rank, table, family, describe).parts().add(() -> copy);
    }

    /**
     * As {@link #append}, with rows built only when they are written: inside a unit of work, usually on its
     * writer thread (an overlapped unit), so the caller does not spend its time building them. {@code rows}
     * must depend on immutable values only and not throw for values {@link #append} would accept.
     */
    <R extends org.jooq.TableRecord<R>> void appendLater(String what, int rank, org.jooq.Table<R> table,
                                                          java.util.function.Supplier<java.util.List<R>> rows, String family,
                                                          Function<R, String> describe) {
        java.util.TreeMap<Integer, PendingRows<?>> waiting = scope.waiting();
        if (waiting == null) {
            append(what, rank, table, rows.get(), family, describe);
            return;
        }
        PendingRows.of(waiting, rank, table, family, describe).parts().add(rows);
    }

    /**
     * Several {@link #append}s as one port call: inside a unit of work they wait like any append; outside
     * one they are written together in one transaction (with the one retry on a lost connection, safe
     * because nothing else happens in it).
     */
    void appendAll(String what, Runnable appends) {
        if (scope.waiting() != null) {
            appends.run();
            return;
        }
        java.util.TreeMap<Integer, PendingRows<?>> local = new java.util.TreeMap<>();
        scope.collect(local, appends);
        tx(what, t -> {
            for (PendingRows<?> p : local.values()) {
                p.write(t, null);
            }
            return null;
        });
    }

    private void flush(DSLContext tx) {
        java.util.TreeMap<Integer, PendingRows<?>> waiting = scope.waiting();
        UnitMemory mem = scope.memory();
        if (waiting == null || waiting.isEmpty() && (mem == null || !mem.hasKept())) {
            return;
        }
        if (mem != null) {
            mem.runKept(tx, waiting);
        }
        for (PendingRows<?> p : waiting.values()) {
            p.write(tx, mem);
        }
        waiting.clear();
        if (mem != null) {
            mem.flushed();
        }
    }

    /**
     * As {@link #tx}, for work that references only the waiting rows of {@code ranks}: inside a unit those
     * (and always the run contexts, rank 0, which every row references) are written first, the other
     * waiting rows go on waiting for the unit's end, so that an hour that trades does not cost the unit a
     * COPY of every table.
     */
    <T> T txAfter(java.util.Set<Integer> ranks, String what, Work<T> work) {
        DSLContext joined = scope.dsl();
        if (joined == null) {
            return tx(what, work);
        }
        afterPrevious();
        return mapped(what, () -> {
            java.util.TreeMap<Integer, PendingRows<?>> waiting = scope.waiting();
            UnitMemory mem = scope.memory();
            if (mem != null) {
                mem.runKept(joined, waiting); // what was kept comes before this statement
            }
            PendingRows.writeFirst(joined, waiting, mem, ranks);
            return work.run(joined);
        });
    }

    /** Writes the unit's waiting rows now (before a read that must see them). Outside a unit: nothing to do. */
    void flushUnit() {
        DSLContext joined = scope.dsl();
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
        DSLContext joined = scope.dsl();
        if (joined != null) {
            afterPrevious();
            return mapped(what, () -> work.run(joined));
        }
        return tx(what, work);
    }

    /** Runs {@code work} in one transaction; {@code what} names the call in error messages. */
    <T> T tx(String what, Work<T> work) {
        DSLContext joined = scope.dsl();
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

    /** A read outside an explicit transaction (one statement, or a consistent enough pair). */
    <T> T read(String what, Function<DSLContext, T> query) {
        DSLContext joined = scope.dsl();
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
}
