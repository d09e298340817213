package io.tradingcore.app.reliability;

import static io.tradingcore.app.reliability.SqlRows.count;
import static io.tradingcore.app.reliability.SqlRows.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.tradingcore.app.JarProcess;
import io.tradingcore.testdb.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, item 8: a backtest whose window runs past the candles stored so far. Before, the hours after the last
 * candle were recorded as SKIPPED (or marked stale) for good, the backtest said COMPLETED, a re-run after ingesting
 * the rest said "already done" and replay exited 5. Now those hours wait: the backtest runs up to its data, stays
 * RUNNING and says so; once the candles are ingested the same command finishes it, and the result equals, row for row,
 * the same backtest run once on the complete data; replay is identical.
 */
class DataFrontierIT {

    private static final String[] BACKTEST = {"backtest", "--assets", "BTC/USDT", "--from", "2025-02-01", "--to",
        "2025-02-03", "--seed", "3", "--commit-every", "7", "--config"};

    @Test
    void hoursPastTheStoredCandlesWaitAndTheSameCommandFinishesThemOnceIngested() throws Exception {
        Path config = Files.createTempFile("frontier", ".yaml");
        Files.writeString(config, """
                trading:
                  signal:
                    decisionHorizon: H24
                    minEdge: -1
                walkForward:
                  trainHours: 2400
                  testHours: 24
                """);
        String[] args = java.util.Arrays.copyOf(BACKTEST, BACKTEST.length + 1);
        args[BACKTEST.length] = config.toString();
        Path full = ChildJar.DATA.resolve("BTC_USDT_1h.csv.gz");
        Path partial = ChildJar.candlesUpTo(full, "2025-02-02T11:00:00Z"); // the last 12 hours of the window have none yet

        TestDatabases.Db db = TestDatabases.freshDatabase("rel_frontier");
        TestDatabases.Db reference = TestDatabases.freshDatabase("rel_frontier_ref");
        Map<String, String> env = ChildJar.env(db);
        assertThat(ChildJar.run(env, "ingest", "--csv", partial.toString()).exitCode()).isZero();
        assertThat(ChildJar.run(ChildJar.env(reference), "ingest", "--csv", full.toString()).exitCode()).isZero();

        JarProcess.Result first = ChildJar.run(env, args);
        assertThat(first.exitCode()).as(first.all()).isZero();
        assertThat(first.out()).contains("36 hours run").contains("not finished: the last 12 hour(s)")
                .contains("(newest stored candle (open time): BTC/USDT 2025-02-02T11:00:00Z)");
        assertThat(count(db, "SELECT count(*) FROM run_context WHERE status = 'SKIPPED'")).isZero();
        assertThat(count(db, "SELECT count(*) FROM run_context WHERE hour_ts_utc >= '2025-02-02T12:00:00Z'")).isZero();
        assertThat(rows(db, "SELECT status FROM backtest_run")).containsExactly("RUNNING");

        JarProcess.Result ingest = ChildJar.run(env, "ingest", "--csv", full.toString());
        assertThat(ingest.exitCode()).as(ingest.all()).isZero();
        JarProcess.Result second = ChildJar.run(env, args);
        assertThat(second.exitCode()).as(second.all()).isZero();
        assertThat(second.out()).contains("12 hours run, 36 already done").doesNotContain("not finished");

        JarProcess.Result once = ChildJar.run(ChildJar.env(reference), args);
        assertThat(once.exitCode()).as(once.all()).isZero();
        for (Map.Entry<String, String> fact : BacktestSigkillResumeIT.FACTS.entrySet()) {
            assertThat(rows(db, fact.getValue())).as(fact.getKey() + " vs one run on the complete data")
                    .containsExactlyElementsOf(rows(reference, fact.getValue()));
        }
        BacktestSigkillResumeIT.assertNothingDoubledOrHalfWritten(db);
        String id = rows(db, "SELECT backtest_run_id FROM backtest_run").get(0);
        JarProcess.Result replay = ChildJar.run(env, "replay", "--backtest-run-id", id);
        assertThat(replay.exitCode()).as(replay.all()).isZero();
        assertThat(replay.out()).contains("identical: 48 hour(s)");
    }
}
