package io.tradingcore.adapter.postgres;

import com.zaxxer.hikari.HikariDataSource;
import io.tradingcore.domain.AccountId;
import io.tradingcore.domain.Asset;
import io.tradingcore.domain.BacktestRunId;
import io.tradingcore.domain.Decimals;
import io.tradingcore.domain.DeterministicIds;
import io.tradingcore.domain.HourTs;
import io.tradingcore.domain.Horizon;
import io.tradingcore.domain.SignalAction;
import io.tradingcore.domain.RunMode;
import io.tradingcore.domain.run.RunContext;
import io.tradingcore.domain.run.RunKey;
import io.tradingcore.domain.run.RunStart;
import io.tradingcore.domain.run.RunStatus;
import io.tradingcore.domain.signal.SignalDecision;
import io.tradingcore.domain.signal.TradeSignal;
import io.tradingcore.testdb.TestDatabases;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

/** A fresh migrated database per test class, a pool, the adapter and the reference rows tests need. */
final class PgTestSupport implements AutoCloseable {
    static final AccountId ACCOUNT = AccountId.of(1);
    static final Asset BTC = Asset.of(1, "BTC/USDT");
    static final Asset ETH = Asset.of(2, "ETH/USDT");
    /** The two extremes NUMERIC(38,18) must keep exactly. */
    static final BigDecimal TINY = new BigDecimal("0.000000000000000001");
    static final BigDecimal HUGE = Decimals.MAX_ABS;
    static final BacktestRunId BACKTEST = new BacktestRunId(UUID.fromString("00000000-0000-5000-8000-00000000b001"));
    static final String SHA40 = "a".repeat(40);
    static final String SHA64 = "b".repeat(64);

    final TestDatabases.Db db;
    final HikariDataSource pool;
    final PostgresAdapter adapter;

    private PgTestSupport(String prefix) {
        db = TestDatabases.freshDatabase(prefix);
        pool = pool(db);
        adapter = PostgresAdapter.create(pool);
        adapter.migrate();
        adapter.referenceData().ensureAccount(ACCOUNT, "test account", "USDT");
        List.of(BTC, ETH).forEach(adapter.referenceData()::ensureAsset);
    }

    static PgTestSupport open(String prefix) {
        return new PgTestSupport(prefix);
    }

    static HikariDataSource pool(TestDatabases.Db db) {
        return Databases.pool(new Databases.DbTarget(db.url(), db.user(), db.password(), "test db"), 10);
    }

    static HourTs hour(String iso) {
        return HourTs.parse(iso);
    }

    static RunContext proposed(RunMode mode, HourTs hour) {
        return new RunContext(DeterministicIds.runId(ACCOUNT, mode, hour), ACCOUNT, mode, hour, 0, SHA40, SHA64, SHA64, 7,
                mode == RunMode.BACKTEST ? BACKTEST : null, RunStatus.STARTED, hour.toInstant(), null);
    }

    /** Opens (and owns) the run of {@code hour}; decision rows need it for their run key FK. */
    RunContext startedRun(RunMode mode, HourTs hour) {
        RunStart s = adapter.runContexts().start(proposed(mode, hour));
        if (!(s instanceof RunStart.Started) && !(s instanceof RunStart.Resumed)) {
            throw new IllegalStateException("test run did not start: " + s);
        }
        return s.context();
    }

    /** A recorded ENTER signal for BTC in the run of {@code key}; orders need one for their signal FK. */
    TradeSignal enterSignal(RunKey key, String targetNotional) {
        TradeSignal signal = TradeSignal.of(key, BTC.id(), new SignalDecision(SignalAction.ENTER, new BigDecimal(targetNotional), Horizon.H1,
                0.6, 0.01, "trend", new BigDecimal("0.002"), "enter"));
        adapter.decisionRecords().recordSignals(key, List.of(signal));
        return signal;
    }

    long count(String sql) {
        try (Connection c = pool.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    void execute(String sql) {
        try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
