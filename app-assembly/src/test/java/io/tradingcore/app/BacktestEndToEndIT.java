package io.tradingcore.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradingcore.testdb.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The runnable system end to end on a real PostgreSQL and the bundled real candles: ingest, a short
 * walk-forward backtest (2 assets, one week, two folds) through the built jar, the rows it persisted,
 * the report files, a resume that does nothing twice, and a replay that finds every step identical.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BacktestEndToEndIT {

    private static final Path DATA = Path.of("..", "data", "market");
    private TestDatabases.Db db;
    private Map<String, String> env;
    private Path config;
    private Path reportDir;
    private JarProcess.Result backtest;
    private String backtestId;

    @BeforeAll
    void ingestAndRunABacktest() throws Exception {
        db = TestDatabases.freshDatabase("e2e_backtest");
        env = Map.of("TRADING_DB_URL", db.url(), "TRADING_DB_USER", db.user(), "TRADING_DB_PASSWORD", db.password());
        JarProcess.Result ingest = JarProcess.run(env, "ingest", "--csv", DATA.resolve("BTC_USDT_1h.csv.gz").toString(),
                DATA.resolve("ETH_USDT_1h.csv.gz").toString());
        assertThat(ingest.exitCode()).as(ingest.all()).isZero();
        config = Files.createTempFile("e2e", ".yaml");
        Files.writeString(config, """
                trading:
                  signal:
                    decisionHorizon: H24
                    minEdge: -1        # enter whatever the learned edge says: this test is about the plumbing
                walkForward:
                  trainHours: 1440
                  testHours: 84
                """);
        reportDir = Files.createTempDirectory("e2e-report");
        backtest = JarProcess.run(env, "backtest", "--assets", "BTC/USDT,ETH/USDT", "--from", "2025-02-01", "--to", "2025-02-08",
                "--config", config.toString(), "--seed", "7", "--report-dir", reportDir.toString());
        assertThat(backtest.exitCode()).as(backtest.all()).isZero();
        Matcher m = Pattern.compile("backtest run id: ([0-9a-f-]{36})").matcher(backtest.out());
        assertThat(m.find()).as(backtest.out()).isTrue();
        backtestId = m.group(1);
    }

    @Test
    void ingestTwiceIsANoOp() throws Exception {
        JarProcess.Result again = JarProcess.run(env, "ingest", "--csv", DATA.resolve("BTC_USDT_1h.csv.gz").toString());
        assertThat(again.exitCode()).as(again.all()).isZero();
        assertThat(again.out()).contains(" 0 inserted").contains("0 conflicts");
    }

    @Test
    void everyHourOfTheWindowRanOneCycleWithItsRowsPersisted() throws SQLException {
        int hours = 7 * 24;
        assertThat(count("SELECT count(*) FROM run_context WHERE backtest_run_id = '" + backtestId + "' AND status = 'COMPLETED'"))
                .isEqualTo(hours);
        assertThat(count("SELECT count(*) FROM run_context WHERE backtest_run_id = '" + backtestId + "'")).isEqualTo(hours);
        assertThat(count("SELECT count(*) FROM feature_snapshot")).isEqualTo(2 * hours);
        assertThat(count("SELECT count(*) FROM regime_output")).isEqualTo(2 * hours);
        assertThat(count("SELECT count(*) FROM model_prediction WHERE model_role = 'META'")).isEqualTo(2 * hours * 3);
        assertThat(count("SELECT count(*) FROM model_prediction WHERE model_role IN ('BASE_TREE', 'BASE_DEEP')")).isEqualTo(2 * hours * 6);
        assertThat(count("SELECT count(*) FROM meta_learner_component")).isGreaterThan(2 * hours * 3);
        assertThat(count("SELECT count(*) FROM trade_signal")).isEqualTo(2 * hours);
        assertThat(count("SELECT count(*) FROM portfolio_hourly_state")).isEqualTo(hours);
        assertThat(count("SELECT count(*) FROM risk_hourly_state")).isEqualTo(hours);
        assertThat(count("SELECT count(*) FROM backtest_fold_result WHERE backtest_run_id = '" + backtestId + "'")).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM model_version")).isGreaterThanOrEqualTo(2 * 10);
        assertThat(count("SELECT count(*) FROM model_version WHERE is_active")).isGreaterThan(0);
    }

    @Test
    void ordersFillsTradesAndLedgerAgree() throws SQLException {
        int orders = count("SELECT count(*) FROM order_request");
        assertThat(orders).as("the H24 policy trades in this week").isPositive();
        assertThat(count("SELECT count(*) FROM trade_signal WHERE action = 'ENTER'")).isPositive();
        assertThat(count("SELECT count(*) FROM order_fill")).isEqualTo(count("SELECT count(*) FROM executed_trade"));
        assertThat(count("SELECT count(*) FROM order_request WHERE side = 'BUY' AND requested_notional > pre_order_cash_available"))
                .isZero();
        // the ledger's last balance is the sum of its entries, and never negative
        assertThat(count("SELECT count(*) FROM cash_ledger WHERE balance_after < 0")).isZero();
        assertThat(count("SELECT count(*) FROM (SELECT account_id, sum(amount) s, (array_agg(balance_after ORDER BY entry_seq DESC))[1] b"
                + " FROM cash_ledger GROUP BY account_id) x WHERE s <> b")).isZero();
        // the last portfolio cash is the ledger balance after the last cycle's bookings
        assertThat(count("SELECT count(*) FROM cash_ledger WHERE entry_type = 'DEPOSIT'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM (SELECT order_id, exchange_trade_id FROM order_fill GROUP BY 1, 2 HAVING count(*) > 1) d"))
                .isZero();
    }

    @Test
    void reportFilesAreWrittenAndTheSummaryPrinted() throws Exception {
        assertThat(reportDir.resolve("report.html")).isRegularFile();
        // the real stack stores every fold's model metrics and a signal (with its regime) for every asset-hour
        assertThat(Files.readString(reportDir.resolve("report.html"))).contains("Model diagnostics (out of sample", "Regime timeline",
                "Rolling Sharpe and exposure", "Monthly returns heat map", "META probability",
                // each fold's reliability tables and tree feature importance, stored with its metrics and read back
                "<caption>Calibration (out of sample", "<caption>Feature importance of each fold")
                .containsPattern("<td>f[0-9]{2}_[a-z0-9_]+ [0-9]+\\.[0-9]{2}%</td>")
                .containsPattern("<td>0\\.[0-9]{3} / [01]\\.[0-9]{3} / [0-9]+</td>");
        assertThat(reportDir.resolve("equity.png")).isRegularFile();
        assertThat(reportDir.resolve("metrics.json")).isRegularFile();
        assertThat(backtest.out()).contains("Total return").contains("Max drawdown").contains("Walk-forward folds");
    }

    @Test
    void runningTheSameBacktestAgainResumesAndDoesNothingTwice() throws Exception {
        int ordersBefore = count("SELECT count(*) FROM order_request");
        JarProcess.Result again = JarProcess.run(env, "backtest", "--assets", "BTC/USDT,ETH/USDT", "--from", "2025-02-01",
                "--to", "2025-02-08", "--config", config.toString(), "--seed", "7");
        assertThat(again.exitCode()).as(again.all()).isZero();
        assertThat(again.out()).contains("backtest run id: " + backtestId).contains("0 hours run, 168 already done");
        assertThat(count("SELECT count(*) FROM order_request")).isEqualTo(ordersBefore);
    }

    @Test
    void replayRecomputesEveryHourIdentically() throws Exception {
        JarProcess.Result replay = JarProcess.run(env, "replay", "--backtest-run-id", backtestId);
        assertThat(replay.exitCode()).as(replay.all()).isZero();
        assertThat(replay.out()).contains("identical: 168 hour(s)");
    }

    @Test
    void reportCommandRewritesTheReportFromTheDatabase() throws Exception {
        Path out = Files.createTempDirectory("e2e-report-cmd");
        JarProcess.Result r = JarProcess.run(env, "report", "--backtest-run-id", backtestId, "--out", out.toString());
        assertThat(r.exitCode()).as(r.all()).isZero();
        assertThat(Files.readString(out.resolve("report.html"))).contains("data:image/png;base64").doesNotContain("http://");
    }

    @Test
    void unknownAssetAndBadDatesAreOneLineUsageErrors() throws Exception {
        JarProcess.Result unknown = JarProcess.run(env, "backtest", "--assets", "XRP/USDT", "--from", "2025-02-01", "--to", "2025-02-08");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).contains("unknown asset 'XRP/USDT'").doesNotContain("\tat ");
        JarProcess.Result badDate = JarProcess.run(env, "backtest", "--assets", "BTC/USDT", "--from", "2025-13-01", "--to", "2025-02-08");
        assertThat(badDate.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(badDate.err()).contains("--from '2025-13-01' is not a date");
    }

    private int count(String sql) throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
