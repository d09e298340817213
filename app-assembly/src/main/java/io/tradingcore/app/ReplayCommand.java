package io.tradingcore.app;

import io.tradingcore.application.config.ConfigLoader;

import com.zaxxer.hikari.HikariDataSource;
import io.tradingcore.adapter.postgres.Databases;
import io.tradingcore.application.Persistence;
import io.tradingcore.application.Wiring;
import io.tradingcore.application.backtest.BacktestReplay;
import io.tradingcore.domain.BacktestRunId;
import io.tradingcore.domain.RunId;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code replay}: recompute a backtest from what is stored and compare every step hash. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Recompute a stored backtest in a scratch database and compare every hour's step hashes.",
            "The scratch database is on the same server; inputs, configuration and seed are the recorded ones.",
            "Exit 0 and 'identical' when all match, otherwise exit 5 naming the first differing hour and step."})
final class ReplayCommand implements Callable<Integer> {

    @Mixin
    DbOptions db;

    @Option(names = "--backtest-run-id", required = true, paramLabel = "UUID", description = "The backtest to replay (`runs list` shows the ids).")
    String backtestRunId;

    @Option(names = "--run-id", paramLabel = "UUID", description = "Compare only this hour's run.")
    String runId;

    @Option(names = "--keep-scratch", description = "Keep the scratch database for inspection.")
    boolean keepScratch;

    @Override
    public Integer call() {
        Optional<RunId> only = runId == null ? Optional.empty() : Optional.of(new RunId(CliArgs.uuid("--run-id", runId)));
        try (DbOptions.OpenDatabase open = db.open(4)) {
            Persistence stored = Wiring.persistence(open.dataSource(), false);
            BacktestRunId id = RunIds.resolve(io.tradingcore.adapter.postgres.PostgresAdapter.create(open.dataSource()).backtestQueries(),
                    "--backtest-run-id", backtestRunId);
            // one scratch database per replaying process (two replays of one backtest at once each have their own),
            // held under an advisory lock for as long as the replay runs; scratch databases whose replay is gone
            // (killed, so its finally never ran) are dropped first (issue 17, item 12)
            String scratchName = "trading_replay_" + id.value().toString().replace("-", "").substring(0, 16) + "_"
                    + ProcessHandle.current().pid() + "_" + Long.toHexString(System.nanoTime() & 0xffffffL);
            Connection owner = ownScratch(open.dataSource(), scratchName);
            dropAbandonedScratchDatabases(open.dataSource());
            execute(open.dataSource(), "CREATE DATABASE " + scratchName);
            Databases.DbTarget t = open.target();
            Databases.DbTarget scratchTarget = new Databases.DbTarget(withDatabase(t.jdbcUrl(), scratchName), t.user(),
                    t.password(), "scratch database " + scratchName);
            BacktestReplay.Outcome outcome;
            try (HikariDataSource scratchDs = Databases.pool(scratchTarget, 4)) {
                Persistence scratch = Wiring.persistence(scratchDs, true);
                try (ConsoleProgress progress = new ConsoleProgress()) {
                    var def = stored.backtests().find(id).orElseThrow(() ->
                            new NoSuchElementException("no backtest with id " + id.value()));
                    var trainer = Wiring.modelTrainer(io.tradingcore.application.config.ConfigLoader
                            .fromCanonical(def.configCanonicalJson()).config());
                    outcome = new BacktestReplay(stored, scratch, trainer).replay(id, only, progress);
                }
            } catch (NoSuchElementException e) {
                throw new CliException(ExitCodes.USAGE, e.getMessage());
            } finally {
                if (!keepScratch) {
                    execute(open.dataSource(), "DROP DATABASE IF EXISTS " + scratchName);
                } else {
                    System.out.println("scratch database kept: " + scratchName + " (the next replay drops it)");
                }
                try {
                    owner.close(); // releases the advisory lock; a kept scratch database is dropped by a later replay
                } catch (SQLException ignored) {
                    // the lock goes with the connection
                }
            }
            if (outcome.identical()) {
                System.out.println("identical: " + outcome.hoursCompared() + " hour(s) recomputed with equal step hashes");
                return ExitCodes.OK;
            }
            System.out.println("different after " + outcome.hoursCompared() + " identical hour(s): "
                    + outcome.firstDifference().orElseThrow());
            return ExitCodes.REPLAY_DIFFERS;
        }
    }

    private static final String SCRATCH_LOCK = "SELECT pg_try_advisory_lock(hashtext('trading-replay-scratch:' || ?))";

    /** A connection holding the advisory lock of scratch database {@code name} (session level: freed if we die). */
    private static Connection ownScratch(javax.sql.DataSource ds, String name) {
        try {
            Connection c = ds.getConnection();
            c.setAutoCommit(true);
            if (!tryLock(c, name)) {
                c.close();
                throw new CliException(ExitCodes.FAILED, "scratch database " + name + " is locked by another replay");
            }
            return c;
        } catch (SQLException e) {
            throw new CliException(ExitCodes.FAILED, "replay could not lock its scratch database: " + e.getMessage(), e);
        }
    }

    /** Drops every trading_replay_* database whose replay is gone (its lock is free and nobody is connected). */
    static void dropAbandonedScratchDatabases(javax.sql.DataSource ds) {
        List<String> names = new ArrayList<>();
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE 'trading\\_replay\\_%'"
                     + " ORDER BY datname")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
            for (String name : names) {
                if (!name.matches("trading_replay_[0-9a-f_]+") || !tryLock(c, name)) {
                    continue; // a running replay holds it
                }
                try (Statement drop = c.createStatement()) {
                    drop.execute("DROP DATABASE IF EXISTS " + name);
                } catch (SQLException inUse) {
                    // someone is connected to it (--keep-scratch being inspected): leave it
                } finally {
                    try (java.sql.PreparedStatement unlock = c.prepareStatement(
                            "SELECT pg_advisory_unlock(hashtext('trading-replay-scratch:' || ?))")) {
                        unlock.setString(1, name);
                        unlock.executeQuery().close();
                    }
                }
            }
        } catch (SQLException e) {
            // cleaning up is best effort: the replay itself does not need it
        }
    }

    private static boolean tryLock(Connection c, String name) throws SQLException {
        try (java.sql.PreparedStatement ps = c.prepareStatement(SCRATCH_LOCK)) {
            ps.setString(1, name);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    static String withDatabase(String jdbcUrl, String database) {
        return jdbcUrl.replaceFirst("^(jdbc:postgresql://[^/?]+)(/[^?]*)?", "$1/" + database);
    }

    private static void execute(javax.sql.DataSource ds, String sql) {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new CliException(ExitCodes.FAILED, "replay needs a scratch database on the same server and could not run '"
                    + sql + "': " + e.getMessage(), e);
        }
    }
}
