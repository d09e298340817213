package io.tradingcore.app.reliability;

import static io.tradingcore.app.reliability.SqlRows.count;
import static io.tradingcore.app.reliability.SqlRows.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.tradingcore.app.JarProcess;
import io.tradingcore.testdb.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 16: three {@code worker} child JVMs share one PostgreSQL. A sweep of 6 backtests ({@code backtest
 * --submit}) and one PAPER hour of 10 configured accounts ({@code worker submit-hour}) are queued; the worker
 * running a backtest is SIGKILLed once that backtest has committed a unit of hours. db-scheduler declares its
 * execution dead (no heartbeat) and another worker resumes the backtest after its last committed unit. Checked:
 * every task done exactly once, results equal a single-process run of the same queue (one worker on a copy of
 * the database, step hashes and every persisted fact), no duplicate rows, ledgers continuous. Every account-hour is
 * queued twice, so workers also race for the same account-hour: exactly one cycle completes, the other attempt
 * finds it finished (or busy, and is retried until it finds it finished).
 */
class WorkerClusterIT {

    private static final String HOUR = "2025-02-06T00:00:00Z";
    private static final int ACCOUNTS = 10;
    private static final String[] WORKER_TIMING = {"--poll-ms", "300", "--heartbeat-ms", "1000", "--missed-heartbeats", "5",
        "--retry-after-ms", "1000", "--exit-when-idle"};

    /** Persisted facts that must not depend on which worker ran what, or on a kill (no wall-clock columns). */
    private static final Map<String, String> FACTS = new LinkedHashMap<>();

    static {
        FACTS.put("run_context", "SELECT a.account_name, rc.run_mode, rc.hour_ts_utc, rc.status, rc.cycle_seq, rc.config_hash,"
                + " rc.data_snapshot_hash, rc.random_seed, rc.backtest_run_id FROM run_context rc JOIN account a USING (account_id)"
                + " ORDER BY 1, 2, 3");
        FACTS.put("run_step_hash", "SELECT a.account_name, rc.run_mode, rc.hour_ts_utc, s.step_order, s.step, s.sha256"
                + " FROM run_step_hash s JOIN run_context rc USING (run_id) JOIN account a USING (account_id) ORDER BY 1, 2, 3, 4");
        FACTS.put("order_request", "SELECT account_id, client_order_id, hour_ts_utc, asset_id, side, order_type, status,"
                + " requested_qty, limit_price, requested_notional, reserved_fee FROM order_request ORDER BY 1, 2");
        FACTS.put("order_fill", "SELECT o.client_order_id, f.exchange_trade_id, f.fill_qty, f.fill_price, f.fee"
                + " FROM order_fill f JOIN order_request o USING (order_id) ORDER BY 1, 2");
        FACTS.put("cash_ledger", "SELECT account_id, entry_seq, entry_type, amount, balance_after, run_mode, hour_ts_utc"
                + " FROM cash_ledger ORDER BY 1, 2");
        FACTS.put("portfolio_hourly_state", "SELECT rc.account_id, rc.run_mode, p.hour_ts_utc, p.cash, p.equity, p.drawdown_pct"
                + " FROM portfolio_hourly_state p JOIN run_context rc USING (run_id) ORDER BY 1, 2, 3");
        FACTS.put("backtest_fold_result", "SELECT backtest_run_id, fold_index, model_role, horizon, model_version_id, accuracy,"
                + " metrics::text FROM backtest_fold_result ORDER BY 1, 2, 3, 4, 5");
        FACTS.put("backtest_run", "SELECT backtest_run_id, account_id, asset_symbols, random_seed, config_hash, status"
                + " FROM backtest_run ORDER BY 1");
    }

    @Test
    void threeWorkersOneKilledMidBacktestFinishEveryTaskOnceWithTheResultsOfASingleProcess() throws Exception {
        Path dir = Files.createTempDirectory("worker-cluster");
        Path config = dir.resolve("small.yaml");
        Files.writeString(config, """
                walkForward:
                  trainHours: 2400
                  testHours: 48
                """);
        Path accounts = dir.resolve("accounts.yaml");
        StringBuilder list = new StringBuilder("accounts:\n");
        for (int i = 1; i <= ACCOUNTS; i++) {
            String assets = i % 3 == 0 ? "[BTC/USDT, ETH/USDT]" : i % 3 == 1 ? "[BTC/USDT]" : "[ETH/USDT]";
            list.append("  - name: desk-").append(String.format("%02d", i)).append("\n    assets: ").append(assets)
                    .append("\n    initialCapital: ").append(10_000 * i).append("\n    config: small.yaml\n");
        }
        Files.writeString(accounts, list.toString());

        TestDatabases.Db db = TestDatabases.freshDatabase("worker_cluster");
        Map<String, String> env = ChildJar.env(db);
        JarProcess.Result ingest = ChildJar.ingestBtcAndEth(db);
        assertThat(ingest.exitCode()).as(ingest.all()).isZero();
        // active models for the PAPER hours (the submission pins them into each task)
        JarProcess.Result train = ChildJar.run(env, "paper", "--assets", "BTC/USDT,ETH/USDT", "--market-data", "replay",
                "--replay-from", "2025-02-05T00:00:00Z", "--hours", "1", "--train-if-missing", "--config", config.toString());
        assertThat(train.exitCode()).as(train.all()).isZero();

        List<String> backtests = new ArrayList<>();
        for (int point = 0; point < 6; point++) {
            JarProcess.Result submitted = ChildJar.run(env, "backtest", "--submit", "--assets", point % 2 == 0 ? "BTC/USDT" : "ETH/USDT",
                    "--from", "2025-02-01", "--to", "2025-02-03", "--seed", Integer.toString(point / 2 + 1), "--commit-every", "4",
                    "--config", config.toString());
            assertThat(submitted.exitCode()).as(submitted.all()).isZero();
            assertThat(submitted.out()).contains("submitted: backtest task ");
            backtests.add(submitted.out().substring(submitted.out().indexOf("backtest task ") + 14).strip());
        }
        JarProcess.Result again = ChildJar.run(env, "backtest", "--submit", "--assets", "BTC/USDT", "--from", "2025-02-01",
                "--to", "2025-02-03", "--seed", "1", "--commit-every", "4", "--config", config.toString());
        assertThat(again.out()).as("the same sweep point twice is one task").contains("already queued: backtest task " + backtests.get(0));
        JarProcess.Result hour = ChildJar.run(env, "worker", "submit-hour", "--accounts", accounts.toString(), "--hour", HOUR);
        assertThat(hour.exitCode()).as(hour.all()).isZero();
        assertThat(hour.out()).contains("submitted " + ACCOUNTS + " PAPER hour task(s) for " + HOUR);
        assertThat(count(db, "SELECT count(*) FROM scheduled_tasks")).isEqualTo(6 + ACCOUNTS);
        // a second task for every account-hour (what two dispatchers or a stray re-submission would make): two workers
        // may now race for the same account-hour, and the run_context key must keep it to one COMPLETED cycle
        try (var c = db.connect(); var st = c.createStatement()) {
            st.executeUpdate("INSERT INTO scheduled_tasks (task_name, task_instance, task_data, execution_time, picked, version)"
                    + " SELECT task_name, task_instance || '/race', task_data, execution_time, false, 1 FROM scheduled_tasks"
                    + " WHERE task_name = 'paper-cycle'");
        }

        // the same queue, run by one worker in a copy of the database: the single-process reference
        TestDatabases.Db single = SqlRows.copyOf(db, "worker_single_" + ProcessHandle.current().pid());
        JarProcess reference = ChildJar.start(ChildJar.env(single), worker("single"));
        List<JarProcess> workers = new ArrayList<>();
        for (int w = 1; w <= 3; w++) {
            workers.add(ChildJar.start(env, worker("w" + w)));
        }

        String[] victim = awaitBacktestWithACommittedUnit(db, workers);
        int killed = Integer.parseInt(victim[0].substring(1)) - 1;
        assertThat(workers.get(killed).kill()).as("SIGKILL").isEqualTo(137);
        long committedAtKill = count(db, "SELECT count(*) FROM run_context WHERE status = 'COMPLETED' AND backtest_run_id = '"
                + victim[1] + "'");
        System.err.println("[worker-cluster] killed " + victim[0] + " running backtest " + victim[1] + " after "
                + committedAtKill + " committed hour(s)");

        for (int w = 0; w < 3; w++) {
            if (w != killed) {
                JarProcess.Result r = workers.get(w).await(6);
                assertThat(r.exitCode()).as(r.all()).isZero();
            }
        }
        JarProcess.Result ref = reference.await(6);
        assertThat(ref.exitCode()).as(ref.all()).isZero();

        // every task done exactly once; the killed attempt is the only unfinished one, and it was resumed elsewhere
        for (TestDatabases.Db d : List.of(db, single)) {
            assertThat(count(d, "SELECT count(*) FROM scheduled_tasks")).as("queue drained").isZero();
            assertThat(rows(d, "SELECT task_name, count(*) FROM worker_execution WHERE outcome = 'DONE' GROUP BY 1 ORDER BY 1"))
                    .containsExactly("backtest|6", "paper-cycle|" + 2 * ACCOUNTS);
            assertThat(count(d, "SELECT count(*) FROM (SELECT task_instance FROM worker_execution WHERE outcome = 'DONE'"
                    + " GROUP BY task_name, task_instance HAVING count(*) > 1) x")).as("no task done twice").isZero();
        }
        assertThat(rows(db, "SELECT task_name || '/' || task_instance || '/' || worker_name FROM worker_execution"
                + " WHERE outcome IS NULL")).containsExactly("backtest/" + victim[1] + "/" + victim[0]);
        List<String> resumed = rows(db, "SELECT worker_name || '|' || detail FROM worker_execution WHERE outcome = 'DONE'"
                + " AND task_instance = '" + victim[1] + "'");
        assertThat(resumed).as("resumed by another worker after the last committed unit, not from scratch")
                .singleElement().asString().doesNotStartWith(victim[0] + "|")
                .containsPattern(": \\d+ hours run, [1-9]\\d* already done");
        assertThat(rows(db, "SELECT DISTINCT worker_name FROM worker_execution ORDER BY 1")).as("work was shared")
                .hasSizeGreaterThanOrEqualTo(2);

        System.err.println("[worker-cluster] PAPER attempts that found their account-hour busy: " + count(db,
                "SELECT count(*) FROM worker_execution WHERE task_name = 'paper-cycle' AND outcome = 'FAILED'"));
        assertThat(count(db, "SELECT count(*) FROM worker_execution WHERE task_name = 'paper-cycle' AND outcome = 'DONE'"
                + " AND detail ~ ' COMPLETED: '")).as("one completed cycle per account-hour, the other attempt found it finished")
                .isEqualTo(ACCOUNTS);
        assertThat(count(db, "SELECT count(*) FROM worker_execution WHERE task_name = 'paper-cycle' AND outcome = 'DONE'"
                + " AND detail ~ ' ALREADY_FINISHED'")).isEqualTo(ACCOUNTS);

        // the results equal the single-process run
        for (Map.Entry<String, String> fact : FACTS.entrySet()) {
            assertThat(rows(db, fact.getValue())).as(fact.getKey() + ": 3 workers with a SIGKILL vs one worker")
                    .containsExactlyElementsOf(rows(single, fact.getValue()));
        }
        assertThat(count(db, "SELECT count(*) FROM run_context rc JOIN account a USING (account_id) WHERE rc.run_mode = 'PAPER'"
                + " AND rc.hour_ts_utc = '" + HOUR + "' AND rc.status = 'COMPLETED' AND a.account_name LIKE 'desk-%'"))
                .isEqualTo(ACCOUNTS);
        assertThat(count(db, "SELECT count(*) FROM backtest_run WHERE status = 'COMPLETED' AND backtest_run_id IN ('"
                + String.join("','", backtests) + "')")).isEqualTo(6);
        assertThat(count(db, "SELECT count(*) FROM run_context WHERE backtest_run_id IS NOT NULL AND status = 'COMPLETED'"))
                .isEqualTo(6 * 48);
        assertNoDuplicatesAndContinuousLedgers(db);
    }

    private static String[] worker(String name) {
        List<String> args = new ArrayList<>(List.of("worker", "--name", name));
        args.addAll(List.of(WORKER_TIMING));
        return args.toArray(String[]::new);
    }

    /** Waits until a worker holds a backtest that has committed hours but not all of them; returns {worker, backtest id}. */
    private static String[] awaitBacktestWithACommittedUnit(TestDatabases.Db db, List<JarProcess> workers) throws Exception {
        long deadline = System.nanoTime() + 5L * 60 * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            for (JarProcess w : workers) {
                if (!w.isAlive()) {
                    throw new AssertionError("a worker ended before the kill: " + w.output());
                }
            }
            List<String> held = rows(db, "SELECT t.picked_by || '|' || t.task_instance FROM scheduled_tasks t"
                    + " WHERE t.task_name = 'backtest' AND t.picked AND (SELECT count(*) FROM run_context rc"
                    + " WHERE rc.backtest_run_id::text = t.task_instance AND rc.status = 'COMPLETED') BETWEEN 4 AND 40"
                    + " ORDER BY 1 LIMIT 1");
            if (!held.isEmpty()) {
                return held.get(0).split("\\|");
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no worker held a half-done backtest in time");
    }

    static void assertNoDuplicatesAndContinuousLedgers(TestDatabases.Db db) throws Exception {
        assertThat(count(db, "SELECT count(*) FROM run_context WHERE status <> 'COMPLETED'")).isZero();
        assertThat(count(db, "SELECT count(*) FROM (SELECT account_id, run_mode, hour_ts_utc FROM run_context GROUP BY 1, 2, 3"
                + " HAVING count(*) > 1) d")).isZero();
        assertThat(count(db, "SELECT count(*) FROM (SELECT client_order_id FROM order_request GROUP BY 1 HAVING count(*) > 1) d"))
                .isZero();
        assertThat(count(db, "SELECT count(*) FROM (SELECT account_id, hour_ts_utc, asset_id, side FROM order_request"
                + " GROUP BY 1, 2, 3, 4 HAVING count(*) > 1) d")).as("one order per account, hour, asset and side").isZero();
        assertThat(count(db, "SELECT count(*) FROM (SELECT order_id, exchange_trade_id FROM order_fill GROUP BY 1, 2"
                + " HAVING count(*) > 1) d")).isZero();
        assertThat(count(db, "SELECT count(*) FROM (SELECT entry_seq, row_number() OVER (PARTITION BY account_id ORDER BY entry_seq)"
                + " AS n, balance_after, amount, lag(balance_after) OVER (PARTITION BY account_id ORDER BY entry_seq) AS prev"
                + " FROM cash_ledger) x WHERE entry_seq <> n OR (prev IS NOT NULL AND balance_after <> prev + amount)"))
                .as("each account's ledger is gapless and each balance follows from the previous one").isZero();
    }
}
