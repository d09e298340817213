package io.tradingcore.app.reliability;

import static io.tradingcore.app.reliability.SqlRows.count;
import static io.tradingcore.app.reliability.SqlRows.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.tradingcore.app.JarProcess;
import io.tradingcore.testdb.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 8, "kill the JVM itself": a {@code backtest} child JVM is SIGKILLed while it is in the middle of
 * its second fold, the same command is run again, and everything it persisted is compared row by row
 * with the same backtest run uninterrupted in a second database: same backtest id, same per-hour step
 * hashes, same orders, fills, ledger, states and fold results, nothing booked twice, nothing left
 * half-written.
 */
class BacktestSigkillResumeIT {

    private static final int HOURS = 72;
    /**
     * Kill once this many hours are finished (past the first fold of 36 h, so the resume rebuilds a venue
     * with positions mid-fold) and, preferably, while the next hour's cycle is half-done (STARTED). With
     * five hours per transaction a half-done hour is never visible, so the kill lands inside a unit of
     * up to five finished-but-uncommitted hours once {@link #KILL_AT_THE_LATEST} are committed.
     */
    private static final int KILL_AFTER_COMPLETED = 40;
    /** If no half-done hour is ever seen, kill between hours once this many are finished. */
    private static final int KILL_AT_THE_LATEST = 60;
    private static final String[] BACKTEST = {"backtest", "--assets", "BTC/USDT,ETH/USDT", "--from", "2025-02-01",
        "--to", "2025-02-04", "--seed", "7", "--commit-every", "5", "--config"};

    /** Every persisted fact of a backtest that must not depend on an interruption (no wall-clock columns). */
    static final Map<String, String> FACTS = new java.util.LinkedHashMap<>();

    static {
        FACTS.put("run_context", "SELECT hour_ts_utc, status, cycle_seq, code_version_sha, config_hash, data_snapshot_hash,"
                + " random_seed, backtest_run_id, account_id FROM run_context ORDER BY hour_ts_utc");
        FACTS.put("run_step_hash", "SELECT rc.hour_ts_utc, s.step_order, s.step, s.sha256 FROM run_step_hash s"
                + " JOIN run_context rc USING (run_id) ORDER BY 1, 2");
        FACTS.put("trade_signal", "SELECT hour_ts_utc, asset_id, action, horizon, probability, expected_return, target_notional"
                + " FROM trade_signal ORDER BY 1, 2, 4");
        FACTS.put("order_request", "SELECT client_order_id, hour_ts_utc, account_id, asset_id, side, order_type, status,"
                + " requested_qty, limit_price, requested_notional, pre_order_cash_available, reserved_fee,"
                + " pre_order_position_qty, venue_order_id, status_reason FROM order_request ORDER BY client_order_id");
        FACTS.put("order_fill", "SELECT o.client_order_id, f.exchange_trade_id, f.hour_ts_utc, f.fill_ts_utc, f.fill_qty,"
                + " f.fill_price, f.fee, f.fee_asset, f.liquidity FROM order_fill f JOIN order_request o USING (order_id)"
                + " ORDER BY 1, 2");
        FACTS.put("cash_ledger", "SELECT account_id, entry_seq, entry_type, amount, balance_after, run_mode, hour_ts_utc,"
                + " entry_ts_utc, description FROM cash_ledger ORDER BY 1, 2");
        FACTS.put("portfolio_hourly_state", "SELECT hour_ts_utc, cash, positions_value, equity, peak_equity, drawdown_pct,"
                + " realized_pnl, unrealized_pnl FROM portfolio_hourly_state ORDER BY 1");
        FACTS.put("position_hourly_state", "SELECT hour_ts_utc, asset_id, quantity, avg_cost, mark_price, market_value,"
                + " realized_pnl, unrealized_pnl FROM position_hourly_state ORDER BY 1, 2");
        FACTS.put("risk_hourly_state", "SELECT hour_ts_utc, drawdown_pct, drawdown_tier, trading_halted, halt_reason"
                + " FROM risk_hourly_state ORDER BY 1");
        FACTS.put("backtest_fold_result", "SELECT fold_index, model_role, horizon, model_version_id, train_start_ts_utc,"
                + " train_end_ts_utc, test_start_ts_utc, test_end_ts_utc, purge_hours, embargo_hours, sample_count, accuracy,"
                + " roc_auc, log_loss, brier_score, metrics::text FROM backtest_fold_result ORDER BY 1, 2, 3, 4");
        FACTS.put("backtest_run", "SELECT backtest_run_id, account_id, asset_symbols, test_start_ts_utc, test_end_ts_utc,"
                + " random_seed, initial_capital, config_hash, code_version_sha, status FROM backtest_run ORDER BY 1");
    }

    @Test
    void backtestKilledWithSigkillMidFoldResumesAndEqualsAnUninterruptedRunRowForRow() throws Exception {
        String[] args = backtestArgs();
        TestDatabases.Db killed = TestDatabases.freshDatabase("rel_sigkill");
        JarProcess.Result ingest = ChildJar.ingestBtcAndEth(killed);
        assertThat(ingest.exitCode()).as(ingest.all()).isZero();
        TestDatabases.Db reference = SqlRows.copyOf(killed, "rel_sigkill_ref_" + ProcessHandle.current().pid());

        // the uninterrupted reference runs alongside, in its own database
        JarProcess uninterrupted = ChildJar.start(ChildJar.env(reference), args);
        JarProcess victim = ChildJar.start(ChildJar.env(killed), args);
        long completedAtKill = awaitCompletedHours(killed, victim, KILL_AFTER_COMPLETED);
        int exit = victim.kill();
        assertThat(exit).as("killed by SIGKILL, not finished").isEqualTo(137);
        long completedAfterKill = count(killed, "SELECT count(*) FROM run_context WHERE status = 'COMPLETED'");
        assertThat(completedAfterKill).as("the kill came before the end").isBetween(completedAtKill, (long) HOURS - 1);
        assertThat(count(killed, "SELECT count(*) FROM backtest_run WHERE status = 'RUNNING'")).isEqualTo(1);
        System.err.println("[sigkill] killed after " + completedAfterKill + " of " + HOURS + " hours, "
                + count(killed, "SELECT count(*) FROM run_context WHERE status = 'STARTED'") + " hour(s) half-done, "
                + count(killed, "SELECT count(*) FROM order_request") + " order(s) stored");

        JarProcess.Result resumed = ChildJar.run(ChildJar.env(killed), args);
        assertThat(resumed.exitCode()).as(resumed.all()).isZero();
        assertThat(resumed.out()).contains(completedAfterKill + " already done")
                .contains((HOURS - completedAfterKill) + " hours run");
        JarProcess.Result reference_ = uninterrupted.await(5);
        assertThat(reference_.exitCode()).as(reference_.all()).isZero();

        assertThat(runId(resumed)).isEqualTo(runId(reference_));
        assertThat(count(reference, "SELECT count(*) FROM run_context WHERE status = 'COMPLETED'")).isEqualTo(HOURS);
        assertThat(count(reference, "SELECT count(*) FROM order_request")).as("the window trades").isPositive();
        for (Map.Entry<String, String> fact : FACTS.entrySet()) {
            List<String> expected = rows(reference, fact.getValue());
            assertThat(rows(killed, fact.getValue())).as(fact.getKey() + " after SIGKILL + resume vs uninterrupted")
                    .containsExactlyElementsOf(expected);
        }
        assertNothingDoubledOrHalfWritten(killed);
    }

    static void assertNothingDoubledOrHalfWritten(TestDatabases.Db db) throws Exception {
        assertThat(count(db, "SELECT count(*) FROM run_context WHERE status <> 'COMPLETED'")).isZero();
        assertThat(count(db, "SELECT count(*) FROM (SELECT client_order_id FROM order_request GROUP BY 1 HAVING count(*) > 1) d"))
                .isZero();
        assertThat(count(db, "SELECT count(*) FROM (SELECT hour_ts_utc, asset_id, side FROM order_request GROUP BY 1, 2, 3"
                + " HAVING count(*) > 1) d")).as("one order per hour, asset and side").isZero();
        assertThat(count(db, "SELECT count(*) FROM (SELECT order_id, exchange_trade_id FROM order_fill GROUP BY 1, 2"
                + " HAVING count(*) > 1) d")).isZero();
        assertThat(count(db, "SELECT count(*) FROM run_context rc WHERE NOT EXISTS (SELECT 1 FROM portfolio_hourly_state p"
                + " WHERE p.run_id = rc.run_id) OR NOT EXISTS (SELECT 1 FROM risk_hourly_state r WHERE r.run_id = rc.run_id)"))
                .as("every finished hour has its portfolio and risk state").isZero();
        assertThat(count(db, "SELECT count(*) FROM run_context rc WHERE (SELECT count(*) FROM run_step_hash s"
                + " WHERE s.run_id = rc.run_id) = 0")).as("every finished hour has its step hashes").isZero();
        // the ledger's last balance is the sum of its entries
        assertThat(count(db, "SELECT count(*) FROM (SELECT account_id, sum(amount) s,"
                + " (array_agg(balance_after ORDER BY entry_seq DESC))[1] b FROM cash_ledger GROUP BY account_id) x WHERE s <> b"))
                .isZero();
        assertThat(count(db, "SELECT count(*) FROM backtest_run WHERE status <> 'COMPLETED'")).isZero();
    }

    /** Polls the database until {@code n} hours are COMPLETED; fails if the child finishes first. */
    private static long awaitCompletedHours(TestDatabases.Db db, JarProcess child, int n) throws Exception {
        long deadline = System.nanoTime() + 4L * 60 * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (!child.isAlive()) {
                throw new AssertionError("the backtest finished before it could be killed: " + child.output());
            }
            List<String> state = rows(db, "SELECT count(*) FILTER (WHERE status = 'COMPLETED'),"
                    + " count(*) FILTER (WHERE status = 'STARTED') FROM run_context");
            long done = Long.parseLong(state.get(0).split("\\|")[0]);
            boolean halfDone = !state.get(0).endsWith("|0");
            if (done >= n && halfDone || done >= KILL_AT_THE_LATEST) {
                return done;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no " + n + " hours completed in time: " + child.output());
    }

    /** The backtest command of these tests (72 hours, two folds, a window that trades), with its config file. */
    static String[] backtestArgs() throws java.io.IOException {
        Path config = Files.createTempFile("sigkill", ".yaml");
        Files.writeString(config, """
                trading:
                  signal:
                    decisionHorizon: H24
                    minEdge: -1        # the window must trade whatever the learned edge says
                walkForward:
                  trainHours: 1440
                  testHours: 36
                """);
        return withConfig(config);
    }

    private static String[] withConfig(Path config) {
        String[] args = java.util.Arrays.copyOf(BACKTEST, BACKTEST.length + 1);
        args[BACKTEST.length] = config.toString();
        return args;
    }

    static String runId(JarProcess.Result r) {
        Matcher m = Pattern.compile("backtest run id: ([0-9a-f-]{36})").matcher(r.out());
        assertThat(m.find()).as(r.out()).isTrue();
        return m.group(1);
    }
}
