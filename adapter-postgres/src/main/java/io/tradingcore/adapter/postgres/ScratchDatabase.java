package io.tradingcore.adapter.postgres;

import io.tradingcore.ports.out.StoreUnavailableException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * A throw-away database on the same server (a replay recomputes a backtest in one). While it is open, one
 * connection holds a session-level advisory lock on its name, so a process that dies leaves a database whose lock
 * is free: the next {@link #create} drops such abandoned ones (those nobody is connected to) before creating its own.
 * {@link #close()} drops it unless {@link #keep()} was called (a kept one is dropped by a later {@code create}).
 */
public final class ScratchDatabase implements AutoCloseable {
    private static final String LOCK = "SELECT pg_try_advisory_lock(hashtext('trading-replay-scratch:' || ?))";
    private static final String UNLOCK = "SELECT pg_advisory_unlock(hashtext('trading-replay-scratch:' || ?))";
    private static final Pattern NAME = Pattern.compile("trading_replay_[0-9a-f_]+");

    private final DataSource server;
    private final Connection owner;
    private final String name;
    private final Databases.DbTarget target;
    private boolean keep;

    private ScratchDatabase(DataSource server, Connection owner, String name, Databases.DbTarget target) {
        this.server = server;
        this.owner = owner;
        this.name = name;
        this.target = target;
    }

    /**
     * Locks {@code name} (of the form {@code trading_replay_<hex and _>}), drops abandoned scratch databases, then
     * creates {@code name} on the server that {@code serverTarget} and {@code server} reach.
     *
     * @throws IllegalStateException if another process holds {@code name}
     * @throws StoreUnavailableException if the server refuses (no right to create databases, unreachable)
     */
    public static ScratchDatabase create(DataSource server, Databases.DbTarget serverTarget, String name) {
        if (!NAME.matcher(Objects.requireNonNull(name, "name")).matches()) {
            throw new IllegalArgumentException("a scratch database is named trading_replay_<hex and _>, not " + name);
        }
        Connection owner;
        try {
            owner = server.getConnection();
            owner.setAutoCommit(true);
            if (!tryLock(owner, name)) {
                owner.close();
                throw new IllegalStateException("scratch database " + name + " is locked by another replay");
            }
        } catch (SQLException e) {
            throw new StoreUnavailableException("could not lock the scratch database " + name + ": " + e.getMessage(), e);
        }
        dropAbandoned(server);
        try {
            execute(server, "CREATE DATABASE " + name);
        } catch (RuntimeException e) {
            closeQuietly(owner);
            throw e;
        }
        Databases.DbTarget target = new Databases.DbTarget(withDatabase(serverTarget.jdbcUrl(), name), serverTarget.user(),
                serverTarget.password(), "scratch database " + name);
        return new ScratchDatabase(server, owner, name, target);
    }

    public String name() {
        return name;
    }

    /** Where to reach the scratch database (same server, user and password). */
    public Databases.DbTarget target() {
        return target;
    }

    /** Leave the database in place at {@link #close()} (for inspection); a later {@link #create} drops it. */
    public void keep() {
        keep = true;
    }

    /** Drops the database (unless kept) and releases its lock. */
    @Override
    public void close() {
        try {
            if (!keep) {
                execute(server, "DROP DATABASE IF EXISTS " + name);
            }
        } finally {
            closeQuietly(owner); // releases the advisory lock
        }
    }

    /** Drops every trading_replay_* database whose replay is gone (its lock is free and nobody is connected). */
    static void dropAbandoned(DataSource server) {
        List<String> names = new ArrayList<>();
        try (Connection c = server.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE 'trading\\_replay\\_%'"
                     + " ORDER BY datname")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
            for (String n : names) {
                if (!NAME.matcher(n).matches() || !tryLock(c, n)) {
                    continue; // a running replay holds it
                }
                try (Statement drop = c.createStatement()) {
                    drop.execute("DROP DATABASE IF EXISTS " + n);
                } catch (SQLException inUse) {
                    // someone is connected to it (a kept one being inspected): leave it
                } finally {
                    try (PreparedStatement unlock = c.prepareStatement(UNLOCK)) {
                        unlock.setString(1, n);
                        unlock.executeQuery().close();
                    }
                }
            }
        } catch (SQLException e) {
            // cleaning up is best effort: the replay itself does not need it
        }
    }

    /** {@code jdbcUrl} with its database replaced by {@code database} (host, port and parameters kept). */
    static String withDatabase(String jdbcUrl, String database) {
        return jdbcUrl.replaceFirst("^(jdbc:postgresql://[^/?]+)(/[^?]*)?", "$1/" + database);
    }

    private static boolean tryLock(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(LOCK)) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static void execute(DataSource ds, String sql) {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new StoreUnavailableException("a scratch database is needed on the same server and '" + sql
                    + "' failed: " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // the lock goes with the connection
        }
    }
}
