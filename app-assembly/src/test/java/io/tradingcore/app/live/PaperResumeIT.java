package io.tradingcore.app.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.tradingcore.adapter.postgres.Databases;
import io.tradingcore.app.PaperCommand;
import io.tradingcore.application.live.StopSignal;
import io.tradingcore.application.Persistence;
import io.tradingcore.application.Wiring;
import io.tradingcore.application.ingest.CandleCsvReader;
import io.tradingcore.domain.Asset;
import io.tradingcore.testdb.TestDatabases;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 17, item 1: a PAPER replay session that is stopped (or SIGKILLed as a child JVM) and run again must equal,
 * row for row, the same session run uninterrupted. Before the fix the restarted venue was rebuilt from the state
 * before the replay's first hour (only the initial capital): sells of what was bought before the restart were
 * rejected INSUFFICIENT_BALANCE and orders stayed ACK forever.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PaperResumeIT {
    private static final Path DATA = Path.of("..", "data", "market");
    private static final int HOURS = 100;
    private static final String[] SESSION = {"--assets", "BTC/USDT", "--market-data", "replay", "--replay-from", "2024-11-01",
        "--train-if-missing", "--seed", "7"};

    private Path config;
    private Map<String, List<String>> uninterrupted;
    /** Hours run before the interruption: until just after the first BUY, so that the account holds BTC then. */
    private int firstPart;

    @BeforeAll
    void runTheSessionUninterrupted() throws Exception {
        config = Files.createTempFile("paper-resume", ".yaml");
        Files.writeString(config, """
                trading:
                  signal:
                    decisionHorizon: H24
                    enterProbability: 0.501
                    exitProbability: 0.5
                    minEdge: -1        # the probability thresholds decide: the test is about the session, not the edge
                    exitEdge: -1
                    costs:
                      feeBps: 0
                      spreadBps: 0
                      slippageBps: 0
                    noEntryRegimes: []
                walkForward:
                  trainHours: 2400
                """);
        TestDatabases.Db db = database("paper_whole");
        Run r = paper(db, "--hours", Integer.toString(HOURS));
        assertThat(r.code).as(r.all()).isZero();
        uninterrupted = facts(db);
        assertThat(uninterrupted.get("orders")).as("the session trades, so that a restart has holdings to carry: "
                + rows(db, "SELECT concat_ws('|', probability, expected_return, regime, reason) FROM trade_signal_detail LIMIT 5")).hasSizeGreaterThan(4);
        assertThat(uninterrupted.get("orders")).anySatisfy(o -> assertThat(o).contains("|SELL|"));
        firstPart = count(db, "SELECT (extract(epoch FROM min(hour_ts_utc) - '2024-11-01T00:00:00Z') / 3600)::int + 2"
                + " FROM order_request WHERE side = 'BUY'");
        assertThat(firstPart).isLessThan(HOURS - 10);
    }

    @Test
    void aSessionStoppedAndRunAgainEqualsTheUninterruptedOneRowForRow() throws Exception {
        TestDatabases.Db db = database("paper_restart");
        Run first = paper(db, "--hours", Integer.toString(firstPart));
        assertThat(first.code).as(first.all()).isZero();
        Run second = paper(db, "--hours", Integer.toString(HOURS));
        assertThat(second.code).as(second.all()).isZero();
        assertThat(second.out).contains(firstPart + " already done");
        assertEqualFacts(facts(db));
    }

    @Test
    void aSessionKilledMidwayAndRunAgainEqualsTheUninterruptedOneRowForRow() throws Exception {
        TestDatabases.Db db = database("paper_kill");
        Path log = Files.createTempFile("paper-kill", ".out");
        List<String> args = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), PaperProcessMain.class.getName()));
        args.addAll(common(db));
        args.addAll(List.of("--hours", Integer.toString(HOURS)));
        Process proc = new ProcessBuilder(args).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (completedLines(Files.readString(log)) < firstPart && proc.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(completedLines(Files.readString(log))).as(Files.readString(log)).isGreaterThanOrEqualTo(firstPart);
            proc.destroyForcibly(); // SIGKILL: no hook, no finally
            proc.waitFor();
        } finally {
            proc.destroyForcibly();
        }
        int done = count(db, "SELECT count(*) FROM run_context WHERE status = 'COMPLETED'");
        assertThat(done).as("killed before the end").isBetween(firstPart, HOURS - 1);
        Run again = paper(db, "--hours", Integer.toString(HOURS));
        assertThat(again.code).as(again.all()).isZero();
        assertEqualFacts(facts(db));
    }

    private void assertEqualFacts(Map<String, List<String>> resumed) {
        for (Map.Entry<String, List<String>> e : uninterrupted.entrySet()) {
            assertThat(resumed.get(e.getKey())).as(e.getKey()).containsExactlyElementsOf(e.getValue());
        }
    }

    private static int completedLines(String out) {
        return (int) out.lines().filter(l -> l.matches("\\S+ COMPLETED.*")).count();
    }

    /** Every persisted fact of the session that must not depend on interruptions, as text, in a fixed order. */
    private static Map<String, List<String>> facts(TestDatabases.Db db) throws SQLException {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("runs", rows(db, "SELECT concat_ws('|', hour_ts_utc, status, config_hash, data_snapshot_hash, random_seed)"
                + " FROM run_context ORDER BY hour_ts_utc"));
        m.put("step hashes", rows(db, "SELECT concat_ws('|', r.hour_ts_utc, h.step, h.sha256) FROM run_step_hash h"
                + " JOIN run_context r ON r.run_id = h.run_id ORDER BY r.hour_ts_utc, h.step_order"));
        m.put("signals", rows(db, "SELECT concat_ws('|', hour_ts_utc, asset_id, action, horizon, probability, target_notional)"
                + " FROM trade_signal ORDER BY hour_ts_utc, asset_id, horizon"));
        m.put("orders", rows(db, "SELECT concat_ws('|', hour_ts_utc, client_order_id, side, order_type, requested_qty,"
                + " limit_price, requested_notional, pre_order_position_qty, status, status_reason) FROM order_request"
                + " ORDER BY hour_ts_utc, client_order_id"));
        m.put("fills", rows(db, "SELECT concat_ws('|', f.hour_ts_utc, o.client_order_id, f.exchange_trade_id, f.fill_ts_utc,"
                + " f.fill_qty, f.fill_price, f.fee, f.fee_asset) FROM order_fill f JOIN order_request o ON o.order_id = f.order_id"
                + " ORDER BY f.hour_ts_utc, o.client_order_id, f.exchange_trade_id"));
        m.put("ledger", rows(db, "SELECT concat_ws('|', entry_seq, entry_type, amount, balance_after, hour_ts_utc)"
                + " FROM cash_ledger ORDER BY entry_seq"));
        m.put("portfolio", rows(db, "SELECT concat_ws('|', hour_ts_utc, cash, positions_value, equity, peak_equity, drawdown_pct)"
                + " FROM portfolio_hourly_state ORDER BY hour_ts_utc"));
        m.put("positions", rows(db, "SELECT concat_ws('|', hour_ts_utc, asset_id, quantity, avg_cost, realized_pnl)"
                + " FROM position_hourly_state ORDER BY hour_ts_utc, asset_id"));
        m.put("risk", rows(db, "SELECT concat_ws('|', hour_ts_utc, drawdown_tier, trading_halted) FROM risk_hourly_state"
                + " ORDER BY hour_ts_utc"));
        m.put("risk events", rows(db, "SELECT concat_ws('|', hour_ts_utc, event_type, reason) FROM risk_event"
                + " ORDER BY hour_ts_utc, event_type, reason"));
        return m;
    }

    private TestDatabases.Db database(String prefix) throws Exception {
        TestDatabases.Db db = TestDatabases.freshDatabase(prefix);
        try (HikariDataSource ds = Databases.pool(new Databases.DbTarget(db.url(), db.user(), db.password(), "test"), 2)) {
            Persistence p = Wiring.persistence(ds, true);
            Asset btc = Asset.of(1, "BTC/USDT");
            p.reference().ensureAsset(btc);
            p.marketData().ingestCandles("BINANCE", UUID.nameUUIDFromBytes("btc".getBytes(StandardCharsets.UTF_8)),
                    CandleCsvReader.read(DATA.resolve("BTC_USDT_1h.csv.gz"), btc.id()).candles());
        }
        return db;
    }

    private List<String> common(TestDatabases.Db db) {
        String url = db.url() + "?user=" + URLEncoder.encode(db.user(), StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(db.password(), StandardCharsets.UTF_8);
        List<String> all = new ArrayList<>(List.of("--db-url", url, "--config", config.toString()));
        all.addAll(List.of(SESSION));
        return all;
    }

    private record Run(int code, String out, String err) {
        String all() {
            return out + "\n" + err;
        }
    }

    private Run paper(TestDatabases.Db db, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = common(db);
        all.addAll(List.of(args));
        int code = PaperCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), Clock.systemUTC(), d -> { },
                StopSignal.manual(), all.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    private static List<String> rows(TestDatabases.Db db, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static int count(TestDatabases.Db db, String sql) throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
