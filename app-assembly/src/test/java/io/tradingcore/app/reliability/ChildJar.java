package io.tradingcore.app.reliability;

import io.tradingcore.app.JarProcess;
import io.tradingcore.testdb.TestDatabases;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/** Helpers of the reliability ITs around {@link JarProcess}: database environment and the bundled candles. */
final class ChildJar {

    static final Path DATA = Path.of("..", "data", "market");

    private ChildJar() {
    }

    static Map<String, String> env(TestDatabases.Db db) {
        return Map.of("TRADING_DB_URL", db.url(), "TRADING_DB_USER", db.user(), "TRADING_DB_PASSWORD", db.password());
    }

    static JarProcess start(Map<String, String> env, String... args) throws IOException {
        return JarProcess.start(env, args);
    }

    static JarProcess.Result run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        return JarProcess.start(env, args).await(5);
    }

    static JarProcess.Result ingestBtcAndEth(TestDatabases.Db db) throws IOException, InterruptedException {
        return run(env(db), "ingest", "--csv", DATA.resolve("BTC_USDT_1h.csv.gz").toString(),
                DATA.resolve("ETH_USDT_1h.csv.gz").toString());
    }

    /** The bundled candles of {@code gz} up to and including hour {@code lastHour}, as a new CSV of the same file name. */
    static Path candlesUpTo(Path gz, String lastHour) throws IOException {
        Path partial = Files.createTempDirectory("partial").resolve(gz.getFileName().toString().replace(".gz", ""));
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(gz)),
                StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                lines.add(line);
                if (line.startsWith(lastHour)) {
                    break;
                }
            }
        }
        return Files.write(partial, lines);
    }

    /** Polls {@code db} until {@code n} hours are COMPLETED; fails if the child ends first or after 4 minutes. */
    static void awaitCompletedHours(TestDatabases.Db db, JarProcess child, int n) throws Exception {
        long deadline = System.nanoTime() + 4L * 60 * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (!child.isAlive()) {
                throw new AssertionError("the backtest ended before " + n + " hours were done: " + child.output());
            }
            if (SqlRows.count(db, "SELECT count(*) FROM run_context WHERE status = 'COMPLETED'") >= n) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no " + n + " hours completed in time: " + child.output());
    }
}
