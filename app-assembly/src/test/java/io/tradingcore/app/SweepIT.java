package io.tradingcore.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradingcore.testdb.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * `sweep` on a real PostgreSQL: 3 points of real backtests (BTC/USDT, 3 days), 2 at a time, a comparison table,
 * sweep.csv and sweep.html with the deflated Sharpe ratio; the same command again resumes (nothing runs twice).
 */
class SweepIT {
    private static final Path DATA = Path.of("..", "data", "market");

    @Test
    void runsTheGridComparesItDeflatesTheBestSharpeAndResumes() throws Exception {
        TestDatabases.Db db = TestDatabases.freshDatabase("cli_sweep");
        assertThat(InProcessCli.run(db, "ingest", "--csv", DATA.resolve("BTC_USDT_1h.csv.gz").toString()).exitCode()).isZero();
        Path config = Files.createTempFile("sweep", ".yaml");
        Files.writeString(config, """
                trading:
                  signal:
                    decisionHorizon: H1
                walkForward:
                  trainHours: 2520
                  testHours: 72
                """);
        Path out = Files.createTempDirectory("sweep-out");
        String[] args = {"sweep", "--assets", "BTC/USDT", "--from", "2025-02-01", "--to", "2025-02-04", "--config", config.toString(),
            "--set", "trading.signal.minEdge=0,0.0005,0.001", "--seed", "5", "--out", out.toString()};
        long t = System.nanoTime();
        InProcessCli.Result r = InProcessCli.run(db, args);
        System.out.printf(Locale.ROOT, "sweep 3 points x 72 h, 2 in parallel: %.1f s%n", (System.nanoTime() - t) / 1e9);
        assertThat(r.exitCode()).as(r.all()).isZero();
        assertThat(r.out()).contains("trading.signal.minEdge=0 ", "trading.signal.minEdge=0.0005", "trading.signal.minEdge=0.001")
                .containsPattern("deflated Sharpe ratio [0-9.]+ over 3 trials|nothing to deflate");
        assertThat(Pattern.compile("COMPLETED").matcher(r.out()).results().count()).isEqualTo(3);
        // one progress line for all points at the end (and every 30 s before): hours, rate, done
        assertThat(r.err()).containsPattern("sweep 216/216 h \\(100\\.0%\\), [0-9.]+ asset-hours/s, done");

        List<String> csv = Files.readAllLines(out.resolve("sweep.csv"));
        assertThat(csv.get(0)).isEqualTo(String.join(",", "point", "settings", "backtest_run_id", "status", "hours", "return", "sharpe",
                "max_drawdown", "trades", "error"));
        assertThat(csv).hasSize(4);
        String html = Files.readString(out.resolve("sweep.html"));
        assertThat(html).contains("<table id=\"sweep\">").contains("<p id=\"deflated-sharpe\">");
        assertThat(Pattern.compile("<tr><td>").matcher(html).results().count()).isEqualTo(3);

        Matcher ids = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}").matcher(String.join("\n", csv));
        assertThat(ids.results().map(m -> m.group()).distinct().count()).isEqualTo(3);

        InProcessCli.Result again = InProcessCli.run(db, args);
        assertThat(again.exitCode()).as(again.all()).isZero();
        assertThat(Pattern.compile("0 hours run, 72 already done").matcher(again.err()).results().count()).isEqualTo(3);
        assertThat(again.err()).as("resumed hours are done, not in the rate").contains("sweep 216/216 h (100.0%), 0.0 asset-hours/s, done");
        assertThat(InProcessCli.run(db, "runs", "list").out().lines().filter(l -> l.contains("COMPLETED")).count()).isEqualTo(3);

        // --submit queues each point as an ordinary backtest task whose id is the point's backtest id; again: a no-op
        String[] submit = java.util.Arrays.copyOf(args, args.length + 1);
        submit[args.length] = "--submit";
        InProcessCli.Result queued = InProcessCli.run(db, submit);
        assertThat(queued.exitCode()).as(queued.all()).isZero();
        List<String> pointIds = csv.stream().skip(1).map(l -> l.split(",")[2]).toList();
        for (int i = 0; i < 3; i++) {
            assertThat(queued.out()).contains("submitted: point " + (i + 1) + "/3 (trading.signal.minEdge=");
            assertThat(queued.out()).contains("backtest task " + pointIds.get(i));
        }
        List<String> tasks = new java.util.ArrayList<>();
        try (java.sql.Connection c = db.connect(); java.sql.Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT task_name || ' ' || task_instance FROM scheduled_tasks ORDER BY 1")) {
            while (rs.next()) {
                tasks.add(rs.getString(1));
            }
        }
        assertThat(tasks).containsExactlyInAnyOrderElementsOf(pointIds.stream().map(id -> "backtest " + id).toList());
        InProcessCli.Result twice = InProcessCli.run(db, submit);
        assertThat(twice.exitCode()).as(twice.all()).isZero();
        assertThat(Pattern.compile("already queued: point").matcher(twice.out()).results().count()).isEqualTo(3);

        InProcessCli.Result bad = InProcessCli.run(db, "sweep", "--assets", "BTC/USDT", "--from", "2025-02-01", "--to", "2025-02-04",
                "--set", "trading.signal.noSuchKey=1,2");
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(bad.err()).contains("noSuchKey");
    }
}
