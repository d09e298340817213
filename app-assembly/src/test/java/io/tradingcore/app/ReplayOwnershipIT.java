package io.tradingcore.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradingcore.testdb.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 17, item 3 (replay side): `replay` checks that every hour it replays belongs to the backtest (its account, mode,
 * window and derived run id) and that the backtest's account carries no hour of anything else, and names each hour
 * that does not. The schema refuses such hours today, so the tests plant them as a superuser would (triggers off), the
 * way they were written before the fix: the victim's replay then still said "identical".
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReplayOwnershipIT {
    private static final Path DATA = Path.of("..", "data", "market");

    private TestDatabases.Db db;
    private String victim;
    private String other;

    @BeforeAll
    void twoBacktests() throws Exception {
        db = TestDatabases.freshDatabase("replay_owner");
        Path config = Files.createTempFile("replay-owner", ".yaml");
        Files.writeString(config, """
                trading:
                  signal:
                    minEdge: -1
                walkForward:
                  trainHours: 2400
                  testHours: 24
                """);
        assertThat(InProcessCli.run(db, "migrate").exitCode()).isZero();
        InProcessCli.Result ingest = InProcessCli.run(db, "ingest", "--csv", DATA.resolve("BTC_USDT_1h.csv.gz").toString());
        assertThat(ingest.exitCode()).as(ingest.all()).isZero();
        victim = backtest(config, "2025-02-01", "2025-02-02");
        other = backtest(config, "2025-02-03", "2025-02-04");
    }

    private String backtest(Path config, String from, String to) {
        InProcessCli.Result r = InProcessCli.run(db, "backtest", "--assets", "BTC/USDT", "--from", from, "--to", to,
                "--config", config.toString());
        assertThat(r.exitCode()).as(r.all()).isZero();
        Matcher m = Pattern.compile("backtest run id: ([0-9a-f-]{36})").matcher(r.out());
        assertThat(m.find()).as(r.out()).isTrue();
        // issue 17, item 12: the summary's order count is the number of orders stored (it counted each order twice)
        Matcher orders = Pattern.compile("(\\d+) orders").matcher(r.out());
        assertThat(orders.find()).as(r.out()).isTrue();
        try {
            assertThat(Long.parseLong(orders.group(1))).as(r.out()).isEqualTo(number("SELECT count(*) FROM order_request o"
                    + " JOIN backtest_run b USING (account_id) WHERE b.backtest_run_id = '" + m.group(1) + "'"));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return m.group(1);
    }

    @Test
    void anotherBacktestsHoursOnTheVictimsAccountAreNamedAndTheReplayDiffers() throws Exception {
        long victimAccount = number("SELECT account_id FROM backtest_run WHERE backtest_run_id = '" + victim + "'");
        long otherAccount = number("SELECT account_id FROM backtest_run WHERE backtest_run_id = '" + other + "'");
        try {
            bypassingTriggers("UPDATE run_context SET account_id = " + victimAccount + " WHERE backtest_run_id = '" + other
                    + "' AND hour_ts_utc = '2025-02-03T05:00:00Z'");
            InProcessCli.Result r = InProcessCli.run(db, "replay", "--backtest-run-id", victim);
            assertThat(r.exitCode()).as(r.all()).isEqualTo(ExitCodes.REPLAY_DIFFERS);
            assertThat(r.out()).contains("1 stored hour(s) do not belong to backtest " + victim)
                    .contains("hour 2025-02-03T05:00:00Z").contains("belongs to backtest " + other)
                    .doesNotContain("identical:");
        } finally {
            bypassingTriggers("UPDATE run_context SET account_id = " + otherAccount + " WHERE backtest_run_id = '" + other
                    + "' AND hour_ts_utc = '2025-02-03T05:00:00Z'");
        }
    }

    @Test
    void aVictimHourMovedToAnotherAccountIsNamed() throws Exception {
        long victimAccount = number("SELECT account_id FROM backtest_run WHERE backtest_run_id = '" + victim + "'");
        long otherAccount = number("SELECT account_id FROM backtest_run WHERE backtest_run_id = '" + other + "'");
        try {
            bypassingTriggers("UPDATE run_context SET account_id = " + otherAccount + " WHERE backtest_run_id = '" + victim
                    + "' AND hour_ts_utc = '2025-02-01T07:00:00Z'");
            InProcessCli.Result r = InProcessCli.run(db, "replay", "--backtest-run-id", victim);
            assertThat(r.exitCode()).as(r.all()).isEqualTo(ExitCodes.REPLAY_DIFFERS);
            assertThat(r.out()).contains("hour 2025-02-01T07:00:00Z")
                    .contains("on account " + otherAccount + ", not the backtest's account " + victimAccount);
        } finally {
            bypassingTriggers("UPDATE run_context SET account_id = " + victimAccount + " WHERE backtest_run_id = '" + victim
                    + "' AND hour_ts_utc = '2025-02-01T07:00:00Z'");
        }
    }

    @Test
    void anUntouchedBacktestStillReplaysIdentically() {
        InProcessCli.Result r = InProcessCli.run(db, "replay", "--backtest-run-id", other);
        assertThat(r.exitCode()).as(r.all()).isZero();
        assertThat(r.out()).contains("identical: 24 hour(s)");
    }

    /**
     * Issue 17, item 12: two replays of one backtest at once (child JVMs) both finish identical (before, the second
     * dropped the first's scratch database: exit 1), and a scratch database left by a killed replay is dropped.
     */
    @Test
    void twoReplaysOfOneBacktestAtOnceBothWorkAndAnAbandonedScratchDatabaseIsDropped() throws Exception {
        String abandoned = "trading_replay_00000000deadbeef_1_abc";
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + abandoned);
        }
        java.util.Map<String, String> env = java.util.Map.of("TRADING_DB_URL", db.url(), "TRADING_DB_USER", db.user(),
                "TRADING_DB_PASSWORD", db.password());
        JarProcess a = JarProcess.start(env, "replay", "--backtest-run-id", other);
        JarProcess b = JarProcess.start(env, "replay", "--backtest-run-id", other);
        for (JarProcess.Result r : java.util.List.of(a.await(5), b.await(5))) {
            assertThat(r.exitCode()).as(r.all()).isZero();
            assertThat(r.out()).contains("identical: 24 hour(s)");
        }
        assertThat(number("SELECT count(*) FROM pg_database WHERE datname LIKE 'trading\\_replay\\_%'"))
                .as("no scratch database left, the abandoned one dropped").isZero();
    }

    private void bypassingTriggers(String sql) throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("SET session_replication_role = replica");
            assertThat(st.executeUpdate(sql)).isEqualTo(1);
        }
    }

    private long number(String sql) throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
