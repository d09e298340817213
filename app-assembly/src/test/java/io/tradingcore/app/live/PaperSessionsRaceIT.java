package io.tradingcore.app.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradingcore.app.JarProcess;
import io.tradingcore.testdb.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, item 7: PAPER sessions started together, as child JVMs (not threads), each get their own account. Before,
 * each process read the smallest free account id and inserted it later: the racers took the same id and all but one
 * failed with exit 1 ("account ... already registered with another name").
 */
class PaperSessionsRaceIT {
    private static final Path DATA = Path.of("..", "data", "market");

    @Test
    void threePaperSessionsStartedAtOnceEachGetTheirOwnAccount() throws Exception {
        TestDatabases.Db db = TestDatabases.freshDatabase("paper_race");
        Map<String, String> env = Map.of("TRADING_DB_URL", db.url(), "TRADING_DB_USER", db.user(),
                "TRADING_DB_PASSWORD", db.password());
        JarProcess.Result ingest = JarProcess.run(env, "ingest", "--csv", DATA.resolve("BTC_USDT_1h.csv.gz").toString());
        assertThat(ingest.exitCode()).as(ingest.all()).isZero();
        // models first (one session trains and activates them), so that the racers race on the accounts only
        JarProcess.Result first = JarProcess.run(env, session("2024-11-01", "--train-if-missing"));
        assertThat(first.exitCode()).as(first.all()).isZero();

        List<JarProcess> racers = new ArrayList<>();
        for (String from : List.of("2024-11-02", "2024-11-03", "2024-11-04")) {
            racers.add(JarProcess.start(env, session(from)));
        }
        for (JarProcess p : racers) {
            JarProcess.Result r = p.await(5);
            assertThat(r.exitCode()).as(r.all()).isZero();
            assertThat(r.out()).contains("paper account");
        }
        try (Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*), count(DISTINCT account_id) FROM account"
                     + " WHERE account_name LIKE 'paper-replay-%'")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(4);
            assertThat(rs.getInt(2)).isEqualTo(4);
        }
        try (Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(DISTINCT account_id), count(*) FROM run_context WHERE run_mode = 'PAPER'")) {
            rs.next();
            assertThat(rs.getInt(1)).as("each session traded its own account").isEqualTo(4);
            assertThat(rs.getInt(2)).isEqualTo(4 * 2);
        }
    }

    /**
     * The same race, made certain: 16 threads register 16 session accounts (8 names, each twice) through one barrier.
     * With the old read-then-insert allocation nearly every thread read the same free id.
     */
    @Test
    void sixteenSessionAccountsRegisteredAtOnceGetOneIdPerName() throws Exception {
        TestDatabases.Db db = TestDatabases.freshDatabase("paper_race_threads");
        try (com.zaxxer.hikari.HikariDataSource ds = io.tradingcore.adapter.postgres.Databases.pool(
                new io.tradingcore.adapter.postgres.Databases.DbTarget(db.url(), db.user(), db.password(), "test"), 16)) {
            io.tradingcore.application.Persistence p = io.tradingcore.application.Wiring.persistence(ds, true);
            java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(16);
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(16);
            try {
                List<java.util.concurrent.Future<io.tradingcore.domain.AccountId>> ids = new ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    String name = "paper-race-" + (i % 8);
                    ids.add(pool.submit(() -> {
                        start.await();
                        return io.tradingcore.application.live.SessionAccounts.ensure(p.reference(), name, "USDT");
                    }));
                }
                Map<String, io.tradingcore.domain.AccountId> byName = new java.util.TreeMap<>();
                for (int i = 0; i < 16; i++) {
                    io.tradingcore.domain.AccountId id = ids.get(i).get();
                    io.tradingcore.domain.AccountId before = byName.putIfAbsent("paper-race-" + (i % 8), id);
                    assertThat(before == null || before.equals(id)).as("one id per name").isTrue();
                }
                assertThat(new java.util.HashSet<>(byName.values())).as("distinct ids for distinct names").hasSize(8);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private static String[] session(String from, String... more) {
        List<String> args = new ArrayList<>(List.of("paper", "--assets", "BTC/USDT", "--market-data", "replay",
                "--replay-from", from, "--hours", "2", "--seed", "7"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }
}
