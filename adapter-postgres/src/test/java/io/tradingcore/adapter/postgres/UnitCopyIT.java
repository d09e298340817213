package io.tradingcore.adapter.postgres;

import static io.tradingcore.adapter.postgres.PgTestSupport.ACCOUNT;
import static io.tradingcore.adapter.postgres.PgTestSupport.BTC;
import static io.tradingcore.adapter.postgres.PgTestSupport.ETH;
import static io.tradingcore.adapter.postgres.PgTestSupport.HUGE;
import static io.tradingcore.adapter.postgres.PgTestSupport.TINY;
import static io.tradingcore.adapter.postgres.PgTestSupport.hour;
import static io.tradingcore.adapter.postgres.PgTestSupport.proposed;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.tradingcore.domain.AssetId;
import io.tradingcore.domain.Decimals;
import io.tradingcore.domain.DrawdownTier;
import io.tradingcore.domain.Horizon;
import io.tradingcore.domain.HourTs;
import io.tradingcore.domain.RunMode;
import io.tradingcore.domain.SignalAction;
import io.tradingcore.domain.StackPrediction;
import io.tradingcore.domain.hash.CycleStep;
import io.tradingcore.domain.hash.StepHashes;
import io.tradingcore.domain.portfolio.PortfolioState;
import io.tradingcore.domain.portfolio.PositionState;
import io.tradingcore.domain.risk.RiskHourlyState;
import io.tradingcore.domain.risk.TradingState;
import io.tradingcore.domain.run.RunContext;
import io.tradingcore.domain.run.RunStart;
import io.tradingcore.domain.run.RunStatus;
import io.tradingcore.domain.signal.SignalDecision;
import io.tradingcore.domain.signal.TradeSignal;
import io.tradingcore.ports.out.HourlyState;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A backtest unit whose runs are all new: its rows are COPYed once in their final state (no UPDATE, no
 * DELETE of anything it wrote), they round-trip exactly, and the lookups its rows cause stay index scans
 * even when the tables were ANALYZEd while empty.
 */
class UnitCopyIT {
    private static PgTestSupport pg;
    /** A second adapter, on a pool of its own. */
    private static HikariDataSource single;
    private static PostgresAdapter adapter;

    @BeforeAll
    static void open() {
        pg = PgTestSupport.open("pg_unit_copy");
        DecisionRecordRepositoryIT.registerModels(pg.adapter);
        single = Databases.pool(new Databases.DbTarget(pg.db.url(), pg.db.user(), pg.db.password(), "single"), 4);
        adapter = PostgresAdapter.create(single);
        // counts every UPDATE and DELETE of the tables a unit writes: a fresh unit must cause none
        pg.execute("""
                CREATE TABLE rewrite_log (tbl TEXT NOT NULL, op TEXT NOT NULL);
                CREATE FUNCTION log_rewrite() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN INSERT INTO rewrite_log VALUES (TG_TABLE_NAME, TG_OP); RETURN NULL; END $$;
                CREATE TRIGGER log_rewrite AFTER UPDATE OR DELETE ON run_context FOR EACH ROW EXECUTE FUNCTION log_rewrite();
                CREATE TRIGGER log_rewrite AFTER UPDATE OR DELETE ON run_step_hash FOR EACH ROW EXECUTE FUNCTION log_rewrite();
                CREATE TRIGGER log_rewrite AFTER UPDATE OR DELETE ON position_hourly_state FOR EACH ROW EXECUTE FUNCTION log_rewrite();
                CREATE TRIGGER log_rewrite AFTER UPDATE OR DELETE ON portfolio_hourly_state FOR EACH ROW EXECUTE FUNCTION log_rewrite();
                CREATE TRIGGER log_rewrite AFTER UPDATE OR DELETE ON risk_hourly_state FOR EACH ROW EXECUTE FUNCTION log_rewrite();
                """);
    }

    @AfterAll
    static void close() {
        single.close();
        pg.close();
    }

    private static BigDecimal d(String s) {
        return Decimals.of(s);
    }

    private static HourlyState state(HourTs h, String cash) {
        PositionState btc = new PositionState(BTC.id(), h, TINY, HUGE, HUGE, d("100"), TINY, d("-5"));
        PositionState eth = new PositionState(ETH.id(), h, d("2"), d("10"), d("11"), d("22"), Decimals.ZERO, d("2"));
        BigDecimal equity = d(cash).add(d("122"));
        PortfolioState p = new PortfolioState(h, d(cash), d("122"), equity, equity, Decimals.ZERO);
        RiskHourlyState r = new RiskHourlyState(h, DrawdownTier.NORMAL, Decimals.ZERO, equity, equity, false, TradingState.ACTIVE);
        return new HourlyState(h, List.of(btc, eth), p, r);
    }

    /** One hour as the cycle writes it: run, decision rows, state, finish (with awkward text and doubles). */
    static HourlyState runHour(PostgresAdapter a, HourTs h, String cash) {
        RunContext p = proposed(RunMode.BACKTEST, h);
        RunStart s = a.runContexts().start(p);
        assertThat(s).isInstanceOf(RunStart.Started.class);
        a.decisionRecords().recordFeatures(p.key(), List.of(DecisionRecordRepositoryIT.features(BTC.id(), h, 1e-300),
                DecisionRecordRepositoryIT.features(ETH.id(), h, -0.1 / 3)));
        SortedMap<AssetId, StackPrediction> preds = new TreeMap<>();
        preds.put(BTC.id(), DecisionRecordRepositoryIT.stack(0.55));
        preds.put(ETH.id(), DecisionRecordRepositoryIT.stack(1.0 / 3));
        a.decisionRecords().recordModelOutputs(p.key(), preds);
        a.decisionRecords().recordSignals(p.key(), signals(p));
        HourlyState st = state(h, cash);
        a.accountState().recordHourlyState(p.key(), st);
        // the cycle reads the previous hour's state every hour: inside the unit it comes from memory, unchanged
        assertThat(a.accountState().latestBefore(ACCOUNT, RunMode.BACKTEST, h.plusHours(1))).contains(st);
        a.runContexts().finish(p.runId(), RunStatus.COMPLETED, h.toInstant().plusSeconds(5),
                StepHashes.empty().with(CycleStep.DATA, "c".repeat(64)).with(CycleStep.STATE, "d".repeat(64)));
        return st;
    }

    private static List<TradeSignal> signals(RunContext p) {
        return List.of(TradeSignal.of(p.key(), BTC.id(), new SignalDecision(SignalAction.HOLD, Decimals.ZERO, Horizon.H1, 0.1 + 0.2,
                        Double.MIN_VALUE, "calm", new BigDecimal("0.002"), "tab\there, newline\nthere, back\\slash, \"quoted\", {braces}")),
                TradeSignal.of(p.key(), ETH.id(), new SignalDecision(SignalAction.HOLD, Decimals.ZERO, Horizon.H1, 0.5,
                        -12345.678901234567, "calm", new BigDecimal("0.002"), "plain")));
    }

    @Test
    void aFreshUnitWritesEveryRowOnceInItsFinalStateAndTheyRoundTripExactly() {
        HourTs first = hour("2025-09-01T00:00:00Z");
        Map<HourTs, HourlyState> written = new TreeMap<>();
        long rewritesBefore = pg.count("SELECT count(*) FROM rewrite_log");
        adapter.unitOfWork().run(() -> {
            for (int i = 0; i < 3; i++) {
                written.put(first.plusHours(i), runHour(adapter, first.plusHours(i), "90" + i));
            }
            return null;
        });
        assertThat(pg.count("SELECT count(*) FROM rewrite_log") - rewritesBefore).as("UPDATEs or DELETEs of rows the unit wrote").isZero();
        for (Map.Entry<HourTs, HourlyState> e : written.entrySet()) {
            RunContext stored = pg.adapter.runContexts().find(ACCOUNT, RunMode.BACKTEST, e.getKey()).orElseThrow();
            assertThat(stored.status()).isEqualTo(RunStatus.COMPLETED);
            assertThat(stored.completedAt()).isEqualTo(e.getKey().toInstant().plusSeconds(5));
            assertThat(pg.adapter.runContexts().stepHashes(stored.runId())).contains(
                    StepHashes.empty().with(CycleStep.DATA, "c".repeat(64)).with(CycleStep.STATE, "d".repeat(64)));
            assertThat(pg.adapter.accountState().at(ACCOUNT, RunMode.BACKTEST, e.getKey())).contains(e.getValue());
            assertThat(pg.adapter.decisionRecords().signals(stored.runId()))
                    .containsExactlyInAnyOrderElementsOf(signals(proposed(RunMode.BACKTEST, e.getKey())));
        }
        assertThat(pg.count("SELECT count(*) FROM model_prediction WHERE probability = 0.3333333333333333 AND hour_ts_utc >= '" + first + "'")).isEqualTo(3);
        assertThat(pg.count("SELECT count(*) FROM feature_snapshot WHERE feature_values[1] = 1e-300 AND hour_ts_utc >= '" + first + "'")).isEqualTo(3);
        // the next unit starts from the stored state (read by the query, not from memory)
        assertThat(adapter.accountState().latestBefore(ACCOUNT, RunMode.BACKTEST, first.plusHours(10)))
                .contains(written.get(first.plusHours(2)));
    }

    @Test
    void aUnitThatResumesAStoredHourWritesByTheIdempotentPathAndCompletesItWithTheNewHours() {
        HourTs h = hour("2024-11-01T00:00:00Z");
        // a first attempt (outside any unit) stored the hour's decision rows, then failed
        RunContext p = proposed(RunMode.BACKTEST, h);
        assertThat(pg.adapter.runContexts().start(p)).isInstanceOf(RunStart.Started.class);
        pg.adapter.decisionRecords().recordSignals(p.key(), signals(p));
        pg.adapter.runContexts().finish(p.runId(), RunStatus.FAILED, h.toInstant().plusSeconds(1), StepHashes.empty());
        long signalsBefore = pg.count("SELECT count(*) FROM trade_signal");

        adapter.unitOfWork().run(() -> {
            // the stored hour is resumed (its rows may exist: the unit must not COPY), the next one is new
            assertThat(adapter.runContexts().start(p)).isInstanceOf(RunStart.Resumed.class);
            adapter.decisionRecords().recordSignals(p.key(), signals(p));
            adapter.runContexts().finish(p.runId(), RunStatus.COMPLETED, h.toInstant().plusSeconds(5), StepHashes.empty()
                    .with(CycleStep.DATA, "c".repeat(64)));
            runHour(adapter, h.plusHours(1), "700");
            return null;
        });
        assertThat(pg.count("SELECT count(*) FROM trade_signal")).isEqualTo(signalsBefore + 2);
        assertThat(pg.adapter.runContexts().find(ACCOUNT, RunMode.BACKTEST, h)).map(RunContext::status).contains(RunStatus.COMPLETED);
        assertThat(pg.adapter.runContexts().find(ACCOUNT, RunMode.BACKTEST, h.plusHours(1))).map(RunContext::status)
                .contains(RunStatus.COMPLETED);
        assertThat(pg.adapter.decisionRecords().signals(p.runId())).containsExactlyInAnyOrderElementsOf(signals(p));
    }

    @Test
    void aStepRecordedAgainAfterItsRowsWereCopiedIsSettledAgainstThemNotCopiedTwice() {
        HourTs h = hour("2024-12-01T00:00:00Z");
        RunContext p = proposed(RunMode.BACKTEST, h);
        int read = adapter.unitOfWork().run(() -> {
            adapter.runContexts().start(p);
            adapter.decisionRecords().recordSignals(p.key(), signals(p));
            // a read inside the unit writes the waiting rows (COPY) ...
            int n = adapter.decisionRecords().signals(p.runId()).size();
            // ... and the same step recorded again afterwards (a cycle records risk events twice) is not a collision
            adapter.decisionRecords().recordSignals(p.key(), signals(p));
            adapter.runContexts().finish(p.runId(), RunStatus.COMPLETED, h.toInstant().plusSeconds(1), StepHashes.empty());
            return n;
        });
        assertThat(read).isEqualTo(2);
        assertThat(pg.adapter.decisionRecords().signals(p.runId())).containsExactlyInAnyOrderElementsOf(signals(p));
        assertThat(pg.adapter.runContexts().find(ACCOUNT, RunMode.BACKTEST, h)).map(RunContext::status).contains(RunStatus.COMPLETED);
    }

    @Test
    void afterAnAnalyzeOfTheEmptyTablesTheUnitsKeyLookupsStayIndexScans() throws Exception {
        // a database of its own (statistics are per database), set up and left before counting
        PgTestSupport own = PgTestSupport.open("pg_unit_plans");
        DecisionRecordRepositoryIT.registerModels(own.adapter);
        own.close();
        try (HikariDataSource one = Databases.pool(new Databases.DbTarget(own.db.url(), own.db.user(), own.db.password(), "one"), 1)) {
            PostgresAdapter a = PostgresAdapter.create(one);
            execute(one, "ANALYZE");
            HourTs first = hour("2024-10-01T00:00:00Z");
            Map<String, Long> before = seqScans(one);
            for (int unit = 0; unit < 4; unit++) {
                HourTs from = first.plusHours(unit * 12L);
                a.unitOfWork().run(() -> {
                    for (int i = 0; i < 12; i++) {
                        runHour(a, from.plusHours(i), "800");
                    }
                    return null;
                });
            }
            Map<String, Long> after = seqScans(one);
            for (String table : List.of("run_context", "model_version", "model_prediction", "asset", "account", "trade_signal",
                    "portfolio_hourly_state")) {
                assertThat(after.get(table) - before.get(table)).as("sequential scans of " + table + " while writing 48 hours"
                        + " (288 meta components) in 4 units").isZero();
            }
            assertThat(count(one, "SELECT count(*) FROM meta_learner_component")).isEqualTo(48 * 6);
        }
    }

    private static void execute(HikariDataSource ds, String sql) throws Exception {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static long count(HikariDataSource ds, String sql) throws Exception {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** pg_stat_user_tables.seq_scan by table, read on the one connection after it reported its own counters. */
    private static Map<String, Long> seqScans(HikariDataSource one) throws Exception {
        execute(one, "SELECT pg_stat_force_next_flush()");
        execute(one, "SELECT pg_stat_clear_snapshot()");
        Map<String, Long> out = new TreeMap<>();
        try (Connection c = one.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT relname, coalesce(seq_scan, 0) FROM pg_stat_user_tables")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getLong(2));
            }
        }
        return out;
    }
}
