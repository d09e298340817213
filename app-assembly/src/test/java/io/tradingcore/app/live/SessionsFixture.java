package io.tradingcore.app.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.tradingcore.adapter.postgres.Databases;
import io.tradingcore.app.LiveCommand;
import io.tradingcore.app.PaperCommand;
import io.tradingcore.application.Persistence;
import io.tradingcore.application.Wiring;
import io.tradingcore.application.ingest.CandleCsvReader;
import io.tradingcore.application.live.FakeBinance;
import io.tradingcore.application.live.LiveFixtures;
import io.tradingcore.application.live.PollingFeed;
import io.tradingcore.application.live.SteppingClock;
import io.tradingcore.application.live.StopSignal;
import io.tradingcore.domain.Asset;
import io.tradingcore.domain.Candle;
import io.tradingcore.testdb.TestDatabases;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * What the session ITs share ({@code SessionsIT} split one scenario per class): a fresh real PostgreSQL per class with
 * the bundled real BTC candles and ETH candles up to {@link #ETH_STORED_UNTIL} ingested, a session config, and the
 * commands run in-process ({@link #paper}, {@link #live}) with their output.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SessionsFixture {

    static final Path DATA = Path.of("..", "data", "market");
    static final String REPLAY_FROM = "2025-03-01";
    static final int HOURS = 8;
    static final String REPLAY_ACCOUNT = "paper-replay-2025-03-01T00-BTC_USDT";
    /** ETH is stored up to this hour (exclusive); the fake venue serves the candles after it. */
    static final Instant ETH_STORED_UNTIL = Instant.parse("2025-05-31T23:00:00Z");

    TestDatabases.Db db;
    HikariDataSource ds;
    String dbUrl;
    Path config;
    List<Candle> ethCandles;

    private final String databaseName;
    private final boolean withModels;

    /** A fresh database named {@code databaseName}; {@code withModels}: with models trained first ({@link #trainModels}). */
    SessionsFixture(String databaseName, boolean withModels) {
        this.databaseName = databaseName;
        this.withModels = withModels;
    }

    @BeforeAll
    void ingestRealCandles() throws IOException {
        db = TestDatabases.freshDatabase(databaseName);
        ds = Databases.pool(new Databases.DbTarget(db.url(), db.user(), db.password(), "test"), 2);
        dbUrl = db.url() + "?user=" + URLEncoder.encode(db.user(), StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(db.password(), StandardCharsets.UTF_8);
        Persistence p = Wiring.persistence(ds, true);
        Asset btc = Asset.of(1, "BTC/USDT");
        Asset eth = Asset.of(2, "ETH/USDT");
        p.reference().ensureAsset(btc);
        p.reference().ensureAsset(eth);
        p.marketData().ingestCandles("BINANCE", UUID.nameUUIDFromBytes("btc".getBytes(StandardCharsets.UTF_8)),
                CandleCsvReader.read(DATA.resolve("BTC_USDT_1h.csv.gz"), btc.id()).candles());
        ethCandles = CandleCsvReader.read(DATA.resolve("ETH_USDT_1h.csv.gz"), eth.id()).candles();
        p.marketData().ingestCandles("BINANCE", UUID.nameUUIDFromBytes("eth".getBytes(StandardCharsets.UTF_8)),
                ethCandles.stream().filter(c -> c.openTime().toInstant().isBefore(ETH_STORED_UNTIL)).toList());
        config = Files.createTempFile("paper", ".yaml");
        Files.writeString(config, """
                trading:
                  signal:
                    decisionHorizon: H1
                    minEdge: -1        # enter when flat and never exit on the edge: the test is about the session
                    exitEdge: -1
                walkForward:
                  trainHours: 2400
                """);
        if (withModels) {
            trainModels();
        }
    }

    @AfterAll
    void close() {
        if (ds != null) {
            ds.close();
        }
    }

    /**
     * The models the sessions trade with: the replay of {@link #HOURS} hours from {@link #REPLAY_FROM} with
     * {@code --train-if-missing --seed 7} (what {@code PaperReplaySessionIT} checks) trains and activates them.
     */
    private void trainModels() {
        Run r = paper(StopSignal.manual(), "--assets", "BTC/USDT", "--market-data", "replay", "--replay-from", REPLAY_FROM,
                "--hours", Integer.toString(HOURS), "--train-if-missing", "--seed", "7");
        assertThat(r.code()).as(r.all()).isZero();
    }

    /** The ETH candles after {@link #ETH_STORED_UNTIL} up to 2025-06-01T06:00Z, which the fake venue serves. */
    List<Candle> servedEthCandles() {
        return ethCandles.stream().filter(c -> !c.openTime().toInstant().isBefore(ETH_STORED_UNTIL)
                && c.openTime().toInstant().isBefore(Instant.parse("2025-06-01T06:00:00Z"))).toList();
    }

    /** {@code live} on ETH/USDT against {@code fake} for one hour, deciding with models that always want to be long. */
    Run live(FakeBinance fake, SteppingClock clock) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = LiveCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true),
                Map.of("BINANCE_API_KEY", "live-key-1234567890", "BINANCE_API_SECRET", "live-secret-0987654321"), clock, clock::advance,
                StopSignal.manual(), LiveFixtures.ALWAYS_LONG, "--db-url", dbUrl, "--config", config.toString(), "--assets", "ETH/USDT",
                "--i-understand-live-trading", "--binance-url", fake.url(), "--hours", "1");
        return new Run(code, out.toString(), err.toString());
    }

    record Run(int code, String out, String err) {
        String all() {
            return out + "\n" + err;
        }
    }

    Run paper(StopSignal stop, String... args) {
        return paper(stop, Clock.systemUTC(), args);
    }

    Run paper(StopSignal stop, Clock clock, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("--db-url", dbUrl, "--config", config.toString()));
        all.addAll(List.of(args));
        PollingFeed.Sleeper sleeper = clock instanceof SteppingClock s ? s::advance : d -> { };
        int code = PaperCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), clock, sleeper, stop,
                all.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    short accountId(String name) throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT account_id FROM account WHERE account_name = '" + name + "'")) {
            assertThat(rs.next()).as("account " + name + " exists").isTrue();
            return rs.getShort(1);
        }
    }

    BigDecimal decimal(String sql) throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            assertThat(rs.next()).as(sql).isTrue();
            return rs.getBigDecimal(1);
        }
    }

    String text(String sql) throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            assertThat(rs.next()).as(sql).isTrue();
            return rs.getString(1);
        }
    }

    int count(String sql) throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
