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
import org.junit.jupiter.api.Test;

/**
 * A backtest task whose last hours have no candles stored yet. Before, the worker ran what it could, logged the task
 * "done" and dropped it, while the backtest stayed RUNNING and nothing ever requeued it. Now the attempt is not done:
 * it fails saying which hours wait for candles, is retried after the worker's delay (each retry resumes, nothing is
 * run twice), and after the last retry says it gives up and how to finish; submitting it again after the ingest
 * finishes it.
 */
class WorkerDataFrontierIT {

    private static final String[] WORKER = {"worker", "--name", "w1", "--poll-ms", "200", "--retry-after-ms", "200",
        "--exit-when-idle"};

    @Test
    void aBacktestTaskWaitingForCandlesIsRetriedNotDoneAndFinishesWhenSubmittedAgainAfterTheIngest() throws Exception {
        Path config = Files.createTempFile("worker-frontier", ".yaml");
        Files.writeString(config, """
                walkForward:
                  trainHours: 2400
                  testHours: 24
                """);
        String[] submit = {"backtest", "--submit", "--assets", "BTC/USDT", "--from", "2025-02-01", "--to", "2025-02-03",
            "--seed", "3", "--config", config.toString()};
        Path full = ChildJar.DATA.resolve("BTC_USDT_1h.csv.gz");
        Path partial = ChildJar.candlesUpTo(full, "2025-02-02T11:00:00Z"); // the last 12 hours of the window have none yet

        TestDatabases.Db db = TestDatabases.freshDatabase("rel_worker_frontier");
        Map<String, String> env = ChildJar.env(db);
        assertThat(ChildJar.run(env, "ingest", "--csv", partial.toString()).exitCode()).isZero();
        JarProcess.Result submitted = ChildJar.run(env, submit);
        assertThat(submitted.exitCode()).as(submitted.all()).isZero();
        assertThat(submitted.out()).contains("submitted: backtest task ");
        String id = submitted.out().substring(submitted.out().indexOf("backtest task ") + 14).strip();

        JarProcess.Result worker = ChildJar.run(env, WORKER);
        assertThat(worker.exitCode()).as(worker.all()).isZero();
        assertThat(rows(db, "SELECT outcome FROM worker_execution WHERE task_name = 'backtest' ORDER BY 1"))
                .as("never done while hours wait for candles: the first attempt and 5 retries fail")
                .containsExactly("FAILED", "FAILED", "FAILED", "FAILED", "FAILED", "FAILED");
        List<String> details = rows(db, "SELECT detail FROM worker_execution WHERE task_name = 'backtest' ORDER BY execution_id");
        assertThat(details.get(0)).contains("36 hours run, 0 already done")
                .contains("not finished: the last 12 hour(s) of the window have no candles stored yet")
                .contains("stays RUNNING").contains("retried in 200 ms (attempt 1 of 6)");
        assertThat(details.get(1)).contains("0 hours run, 36 already done").contains("attempt 2 of 6");
        assertThat(details.get(5)).contains("attempt 6 of 6, not retried again").contains("submit it again");
        assertThat(worker.out()).contains("FAILED backtest " + id).doesNotContain("done  backtest");
        assertThat(rows(db, "SELECT status FROM backtest_run")).containsExactly("RUNNING");
        assertThat(count(db, "SELECT count(*) FROM run_context WHERE status = 'SKIPPED'")).isZero();
        assertThat(count(db, "SELECT count(*) FROM scheduled_tasks")).as("given up after the last retry").isZero();

        assertThat(ChildJar.run(env, "ingest", "--csv", full.toString()).exitCode()).isZero();
        JarProcess.Result again = ChildJar.run(env, submit);
        assertThat(again.out()).as(again.all()).contains("submitted: backtest task " + id);
        JarProcess.Result finish = ChildJar.run(env, WORKER);
        assertThat(finish.exitCode()).as(finish.all()).isZero();
        assertThat(rows(db, "SELECT detail FROM worker_execution WHERE task_name = 'backtest' AND outcome = 'DONE'"))
                .singleElement().asString().contains("12 hours run, 36 already done");
        assertThat(rows(db, "SELECT status FROM backtest_run")).containsExactly("COMPLETED");
        assertThat(count(db, "SELECT count(*) FROM run_context WHERE status = 'COMPLETED'")).isEqualTo(48);
    }
}
