package io.tradingcore.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradingcore.testdb.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 17, items 7, 9 and 10, with the built jar as racing child JVMs (not threads): commands that allocate ids
 * at once either all work or fail with a clear message and the documented exit code; a refused command
 * stores nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RacingProcessesIT {
    private static final Path DATA = Path.of("..", "data", "market");

    private TestDatabases.Db db;
    private Map<String, String> env;

    @BeforeAll
    void database() throws Exception {
        db = TestDatabases.freshDatabase("racing");
        env = Map.of("TRADING_DB_URL", db.url(), "TRADING_DB_USER", db.user(), "TRADING_DB_PASSWORD", db.password());
        JarProcess.Result migrate = JarProcess.run(env, "migrate");
        assertThat(migrate.exitCode()).as(migrate.all()).isZero();
    }

    @Test
    void theSameNewAssetAndTwoNewAssetsIngestedAtOnceAllWork() throws Exception {
        // before: each process read max(asset_id) + 1 and inserted it; the losers failed with exit 1
        List<JarProcess> racers = new ArrayList<>();
        for (String file : List.of("BTC_USDT_1h.csv.gz", "BTC_USDT_1h.csv.gz", "ETH_USDT_1h.csv.gz", "ETH_USDT_1h.csv.gz")) {
            racers.add(JarProcess.start(env, "ingest", "--csv", DATA.resolve(file).toString()));
        }
        for (JarProcess p : racers) {
            JarProcess.Result r = p.await(10);
            assertThat(r.exitCode()).as(r.all()).isZero();
        }
        assertThat(count("SELECT count(*) FROM asset WHERE symbol IN ('BTC/USDT', 'ETH/USDT')")).isEqualTo(2);
        assertThat(count("SELECT count(DISTINCT asset_id) FROM market_ohlcv_hourly")).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM (SELECT asset_id, hour_ts_utc FROM market_ohlcv_hourly GROUP BY 1, 2"
                + " HAVING count(*) > 1) d")).isZero();
    }

    @Test
    void anInvalidAssetIsAUsageErrorAndStoresNothing() throws Exception {
        long assets = count("SELECT count(*) FROM asset");
        JarProcess.Result r = JarProcess.run(env, "ingest", "--csv", DATA.resolve("BTC_USDT_1h.csv.gz").toString(),
                "--asset", "SOL/USDT!");
        assertThat(r.exitCode()).as(r.all()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("SOL/USDT!").contains("BASE and QUOTE must be 1-20 letters or digits")
                .doesNotContain("ck_asset").doesNotContain("Exception");
        assertThat(count("SELECT count(*) FROM asset")).isEqualTo(assets);
    }

    @Test
    void aRefusedFileLeavesNoNewAssetBehind() throws Exception {
        Path dir = Files.createTempDirectory("racing");
        Path bad = dir.resolve("DOGE_USDT_1h.csv");
        Files.writeString(bad, "open_time_utc,open,high,low,close,volume\n2021-01-01T00:00:00Z,1,2,0.5,1,-3\n");
        JarProcess.Result r = JarProcess.run(env, "ingest", "--csv", bad.toString());
        assertThat(r.exitCode()).as(r.all()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("nothing from this file was stored");
        assertThat(count("SELECT count(*) FROM asset WHERE symbol = 'DOGE/USDT'")).isZero();
    }

    private long count(String sql) throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
