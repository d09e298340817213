package io.tradingcore.app.reliability;

import static io.tradingcore.app.reliability.SqlRows.count;
import static io.tradingcore.app.reliability.SqlRows.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.zaxxer.hikari.HikariDataSource;
import io.tradingcore.adapter.postgres.Databases;
import io.tradingcore.application.Persistence;
import io.tradingcore.application.Wiring;
import io.tradingcore.application.backtest.WalkForwardBacktest;
import io.tradingcore.application.config.ConfigLoader;
import io.tradingcore.application.ingest.CandleCsvReader;
import io.tradingcore.domain.Asset;
import io.tradingcore.domain.AssetId;
import io.tradingcore.domain.Candle;
import io.tradingcore.domain.HourTs;
import io.tradingcore.ports.out.PortException;
import io.tradingcore.testdb.TestDatabases;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 8, "the database restarts in the middle of a cycle": a walk-forward backtest runs through the
 * ports on a PostgreSQL this test owns (fixed data directory and port); the server is stopped while
 * hours are being written. The backtest must fail with a port exception within the pool's timeout (no
 * hang); the server is started again on the same directory and port; the same pool and ports must
 * recover, and the re-run must end with exactly the rows of an uninterrupted run, nothing half-written.
 */
class DatabaseRestartIT {

    private static final HourTs FROM = HourTs.parse("2025-02-01T00:00:00Z");
    private static final HourTs TO = HourTs.parse("2025-02-03T00:00:00Z");
    private static final int HOURS = 48;
    private static final int STOP_AFTER_COMPLETED = 30;
    private static final Asset BTC = new Asset(AssetId.of(1), "BTC/USDT", "BTC", "USDT");
    private static final Asset ETH = new Asset(AssetId.of(2), "ETH/USDT", "ETH", "USDT");

    private Path dataDir;
    private int port;
    private EmbeddedPostgres server;
    private HikariDataSource refPool;
    private HikariDataSource victimPool;
    private final ExecutorService executor = Executors.newSingleThreadExecutor();

    @AfterEach
    void stopEverything() throws Exception {
        executor.shutdownNow();
        for (HikariDataSource ds : new HikariDataSource[] {refPool, victimPool}) {
            if (ds != null) {
                ds.close();
            }
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void backtestFailsCleanlyWhenTheDatabaseStopsAndItsRerunAfterTheRestartEqualsAnUninterruptedRun() throws Exception {
        dataDir = Files.createTempDirectory("reliab-pg");
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        server = start();
        try (Connection c = admin(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE ref");
            st.execute("CREATE DATABASE victim");
        }
        refPool = pool("ref");
        victimPool = pool("victim");
        Persistence ref = Wiring.persistence(refPool, true);
        Persistence victim = Wiring.persistence(victimPool, true);
        for (Asset a : List.of(BTC, ETH)) {
            String file = a.base() + "_USDT_1h.csv.gz";
            List<Candle> candles = CandleCsvReader.read(ChildJar.DATA.resolve(file), a.id()).candles().stream()
                    .filter(c -> !c.openTime().isBefore(FROM.minusHours(24 * 70)) && c.openTime().isBefore(TO.plusHours(48)))
                    .toList();
            for (Persistence p : List.of(ref, victim)) {
                p.reference().ensureAsset(a);
                p.marketData().ingestCandles("BINANCE", UUID.nameUUIDFromBytes(file.getBytes()), candles);
            }
        }
        WalkForwardBacktest.Request request = new WalkForwardBacktest.Request(List.of(BTC, ETH), FROM, TO, ConfigLoader.parse("""
                trading:
                  signal:
                    decisionHorizon: H24
                    minEdge: -1
                walkForward:
                  trainHours: 1440
                  testHours: 24
                """, "restart-it"), 7, "0123456789abcdef0123456789abcdef01234567");
        WalkForwardBacktest.Result uninterrupted = backtest(ref).run(request, WalkForwardBacktest.Progress.NONE);

        Future<WalkForwardBacktest.Result> running = executor.submit(() -> backtest(victim).run(request,
                WalkForwardBacktest.Progress.NONE));
        long completedAtStop = awaitCompleted(running, STOP_AFTER_COMPLETED);
        server.close();
        server = null;
        long t0 = System.nanoTime();
        Throwable failure = catchThrowable(() -> running.get(90, TimeUnit.SECONDS));
        double secondsToFail = (System.nanoTime() - t0) / 1e9;

        assertThat(failure).as("the backtest stopped with the database, it did not finish or hang")
                .isInstanceOf(ExecutionException.class);
        assertThat(failure.getCause()).as("a port exception, not a raw SQL or pool exception")
                .isInstanceOf(PortException.class);
        System.err.println("[db-restart] stopped after " + completedAtStop + " of " + HOURS + " hours; the backtest failed after "
                + String.format(java.util.Locale.ROOT, "%.1f", secondsToFail) + " s with " + failure.getCause());

        server = start();
        WalkForwardBacktest.Result rerun = backtest(victim).run(request, WalkForwardBacktest.Progress.NONE);

        assertThat(rerun.id()).isEqualTo(uninterrupted.id());
        assertThat(rerun.hoursAlreadyDone()).isBetween(completedAtStop, (long) HOURS - 1);
        assertThat(rerun.hoursAlreadyDone() + rerun.hoursRun()).isEqualTo(HOURS);
        TestDatabases.Db refDb = db("ref");
        TestDatabases.Db victimDb = db("victim");
        assertThat(count(refDb, "SELECT count(*) FROM run_context WHERE status = 'COMPLETED'")).isEqualTo(HOURS);
        for (Map.Entry<String, String> fact : BacktestSigkillResumeIT.FACTS.entrySet()) {
            assertThat(rows(victimDb, fact.getValue())).as(fact.getKey() + " after a database restart vs uninterrupted")
                    .containsExactlyElementsOf(rows(refDb, fact.getValue()));
        }
        BacktestSigkillResumeIT.assertNothingDoubledOrHalfWritten(victimDb);
    }

    private WalkForwardBacktest backtest(Persistence p) {
        // six hours per transaction: the stop lands inside a unit of several finished hours, which must vanish whole
        return new WalkForwardBacktest(p, Wiring.modelTrainer(ConfigLoader.defaults().config()), 6);
    }

    private long awaitCompleted(Future<?> running, int n) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            if (running.isDone()) {
                throw new AssertionError("the backtest ended before the database could be stopped: " + running.get());
            }
            long done = count(db("victim"), "SELECT count(*) FROM run_context WHERE status = 'COMPLETED'");
            if (done >= n) {
                return done;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no " + n + " hours completed in time");
    }

    private EmbeddedPostgres start() throws java.io.IOException {
        return EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false).setPort(port)
                .setServerConfig("timezone", "UTC").setServerConfig("fsync", "off").setServerConfig("max_connections", "50")
                .start();
    }

    private String url(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    private Connection admin() throws java.sql.SQLException {
        return DriverManager.getConnection(url("postgres"), "postgres", "");
    }

    private HikariDataSource pool(String database) {
        return Databases.pool(new Databases.DbTarget(url(database), "postgres", "", "restart-it " + database), 4);
    }

    private TestDatabases.Db db(String database) {
        return new TestDatabases.Db(url(database), "postgres", "", null);
    }
}
