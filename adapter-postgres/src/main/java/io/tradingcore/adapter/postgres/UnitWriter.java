package io.tradingcore.adapter.postgres;

import io.tradingcore.ports.out.StoreUnavailableException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.jooq.DSLContext;

/**
 * The writer thread of one engine thread's chain of overlapped units ({@link Db#unitOfWorkOverlapped}): the
 * engine computes unit N+1 on a transaction of its own while this thread writes unit N's waiting rows and
 * commits it. One unit at most is in the writer's hands (the engine waits for unit N before handing over N+1,
 * so memory stays flat), units commit in the order they were run, and every statement unit N+1 makes on its
 * own connection waits until N has committed ({@link #awaitPrevious}): it sees what N wrote, as if N had
 * committed on the engine thread. A unit that fails to commit fails the engine's next wait with its error.
 *
 * <p>What the chain's units know about each other lives in {@link #carry} (the latest state, the open orders,
 * the chain's locks): the next unit answers from it instead of reading what the previous one may not have
 * committed yet. The chain holds the (account, mode) unit locks as session locks on connections of its own
 * ({@link #lock}) from its first unit until {@link #close}, so no other process runs an hour between two of
 * its units.
 */
final class UnitWriter implements AutoCloseable {
    private final DataSource dataSource;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "unit-writer");
        t.setDaemon(true);
        return t;
    });
    /** The unit in the writer's hands (done once committed or failed), or null. */
    private Future<?> previous;
    /** What the chain's units remember for the next (see {@link UnitMemory#carried}). */
    final Map<Object, Object> carry = new HashMap<>();
    /** Session-level advisory locks the chain holds, each on a connection of its own. */
    private final List<Held> locks = new ArrayList<>();

    private record Held(Connection connection, int key1, int key2) {
    }

    UnitWriter(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Waits until the unit in the writer's hands has committed. Its failure is thrown here (and again on every
     * later call, until the chain is closed): the caller's own unit must not commit after it.
     */
    void awaitPrevious() {
        Future<?> p = previous;
        if (p == null) {
            return;
        }
        try {
            p.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while the previous unit of work was being committed", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Hands a finished unit over: after the previous one has committed, {@code commit} runs on the writer thread. */
    void handOver(Runnable commit) {
        awaitPrevious();
        previous = thread.submit(commit);
    }

    /**
     * Takes the session-level advisory lock (key1, key2) for the rest of the chain, on a connection of its own;
     * false if another session holds it (or its transaction-level twin). Taking it twice is a no-op.
     */
    boolean lock(int key1, int key2) {
        for (Held h : locks) {
            if (h.key1() == key1 && h.key2() == key2) {
                return true;
            }
        }
        Connection c;
        try {
            c = dataSource.getConnection();
            c.setAutoCommit(true);
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot open a connection to lock a chain of units: "
                    + SchemaMigrator.rootMessage(e), e);
        }
        boolean locked = false;
        try {
            locked = advisory(c, "SELECT pg_try_advisory_lock(?, ?)", key1, key2);
        } finally {
            if (locked) {
                locks.add(new Held(c, key1, key2));
            } else {
                closeQuietly(c);
            }
        }
        return locked;
    }

    /**
     * Ends the chain: waits for the unit in the writer's hands, releases the chain's locks, stops the thread.
     * Throws that unit's failure, if it failed.
     */
    @Override
    public void close() {
        try {
            awaitPrevious();
        } finally {
            previous = null;
            thread.shutdown();
            for (Held h : locks) {
                try {
                    // a pooled connection must not go back to the pool still holding the lock
                    advisory(h.connection(), "SELECT pg_advisory_unlock(?, ?)", h.key1(), h.key2());
                } catch (RuntimeException e) {
                    // a dead connection took the lock with it
                } finally {
                    closeQuietly(h.connection());
                }
            }
            locks.clear();
            carry.clear();
        }
    }

    private static boolean advisory(Connection c, String sql, int key1, int key2) {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, key1);
            ps.setInt(2, key2);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot take or release the lock of a chain of units: "
                    + SchemaMigrator.rootMessage(e), e);
        }
    }

    static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException | RuntimeException e) {
            // nothing to do: the pool drops a broken connection
        }
    }

    /** On the writer thread: a unit's waiting rows, then its commit; on failure a rollback. Closes {@code c}. */
    static void commit(String what, Connection c, DSLContext dsl, TreeMap<Integer, PendingRows<?>> waiting, UnitMemory mem) {
        try {
            DbErrors.mapped(what, () -> {
                mem.runKept(dsl, waiting);
                for (PendingRows<?> p : waiting.values()) {
                    p.write(dsl, mem);
                }
                c.commit();
                return null;
            });
        } catch (RuntimeException | Error e) {
            rollbackQuietly(c);
            throw e;
        } finally {
            closeQuietly(c);
        }
        mem.committed();
    }

    static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException | RuntimeException e) {
            // a dead connection rolled back with the session
        }
        closeQuietly(c);
    }
}
