package io.tradingcore.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.tradingcore.testdb.TestDatabases;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * `download-data` and `list-data` on a real PostgreSQL against a local fake of Binance's klines endpoint: pages of
 * 1,000, one 429 with Retry-After, a gap of 3 hours, resume after the last stored hour, coverage listed.
 */
class DownloadDataIT {
    static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
    static final Set<Integer> GAP = Set.of(1500, 1501, 1502);
    static HttpServer server;
    static final List<String> requests = new CopyOnWriteArrayList<>();
    static final AtomicInteger rateLimitsLeft = new AtomicInteger();
    static TestDatabases.Db db;

    @BeforeAll
    static void start() throws IOException {
        db = TestDatabases.freshDatabase("cli_download");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v3/klines", ex -> {
            Map<String, String> q = Stream.of(ex.getRequestURI().getRawQuery().split("&")).map(p -> p.split("=", 2))
                    .collect(Collectors.toMap(p -> p[0], p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
            requests.add(q.get("symbol") + "@" + q.get("startTime"));
            int status = 200;
            String body;
            if (rateLimitsLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                status = 429;
                ex.getResponseHeaders().add("Retry-After", "1");
                body = "{\"code\":-1003,\"msg\":\"Too much request weight used; current limit is 6000 request weight per 1 MINUTE.\"}";
            } else if (!"BTCUSDT".equals(q.get("symbol"))) {
                status = 400;
                body = "{\"code\":-1121,\"msg\":\"Invalid symbol.\"}";
            } else {
                body = klines(Long.parseLong(q.get("startTime")), Long.parseLong(q.get("endTime")), Integer.parseInt(q.get("limit")));
            }
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(status, b.length);
            try (OutputStream os = ex.getResponseBody()) {
                os.write(b);
            }
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    /** The venue's history: hours 0..2999 of T0 except the gap, as Binance answers (from startTime, at most limit). */
    static String klines(long startMs, long endMs, int limit) {
        TreeMap<Long, Integer> hours = new TreeMap<>();
        for (int h = 0; h < 3000; h++) {
            if (!GAP.contains(h)) {
                hours.put(T0.plus(Duration.ofHours(h)).toEpochMilli(), h);
            }
        }
        StringJoiner j = new StringJoiner(",", "[", "]");
        hours.subMap(startMs, true, endMs, true).entrySet().stream().limit(limit).forEach(e -> {
            double o = 40000 + e.getValue();
            j.add(String.format(Locale.ROOT, "[%d,\"%.8f\",\"%.8f\",\"%.8f\",\"%.8f\",\"%.8f\",%d,\"0\",10,\"0\",\"0\",\"0\"]",
                    e.getKey(), o, o + 20, o - 20, o + 1, 12.5, e.getKey() + 3_599_999));
        });
        return j.toString();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    long rows(String where) throws Exception {
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password()); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM market_ohlcv_hourly m JOIN asset a USING (asset_id) WHERE " + where)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void downloadsPageByPageWaitsOutA429ReportsTheGapResumesAndListsCoverage() throws Exception {
        rateLimitsLeft.set(1);
        long t = System.nanoTime();
        InProcessCli.Result first = InProcessCli.run(db, "download-data", "--assets", "BTC/USDT", "--from", "2024-01-01",
                "--to", "2024-03-01", "--binance-url", url());
        System.out.printf(Locale.ROOT, "download-data 1,440 hours (2 pages, one 429 of 1 s): %.2f s%n", (System.nanoTime() - t) / 1e9);
        assertThat(first.exitCode()).as(first.all()).isEqualTo(0);
        // 2024-01-01 .. 2024-03-01 = 1,440 hours, all at the venue (its gap, hours 1500..1502, comes later)
        assertThat(first.out()).contains("BTC/USDT 2024-01-01T00:00:00Z .. 2024-03-01T00:00:00Z (BINANCE): 2 pages, 1440 candles,"
                + " 1440 inserted, 0 already stored, 0 conflicts");
        assertThat(rows("a.symbol = 'BTC/USDT' AND m.source_venue = 'BINANCE'")).isEqualTo(1440);
        assertThat(requests).hasSize(3); // the 429, then two pages

        requests.clear();
        InProcessCli.Result resumed = InProcessCli.run(db, "download-data", "--assets", "btc/usdt", "--from", "2024-01-01",
                "--to", "2024-05-01", "--binance-url", url());
        assertThat(resumed.exitCode()).as(resumed.all()).isEqualTo(0);
        assertThat(requests).first().isEqualTo("BTCUSDT@" + T0.plus(Duration.ofHours(1440)).toEpochMilli());
        assertThat(resumed.out()).contains(": resumed at 2024-03-01T00:00:00Z: 2 pages, 1461 candles, 1461 inserted,")
                .contains("; 1 gaps (3 missing hours): 2024-03-03T12:00:00Z..2024-03-03T14:00:00Z");
        assertThat(rows("a.symbol = 'BTC/USDT'")).isEqualTo(2901);

        InProcessCli.Result again = InProcessCli.run(db, "download-data", "--assets", "BTC/USDT", "--from", "2024-01-01",
                "--to", "2024-05-01", "--binance-url", url());
        assertThat(again.out()).contains("already stored up to 2024-05-01T00:00:00Z, nothing to download");

        InProcessCli.Result list = InProcessCli.run(db, "list-data", "--gaps");
        assertThat(list.exitCode()).as(list.all()).isEqualTo(0);
        assertThat(list.out()).containsPattern("BTC/USDT\\s+BINANCE\\s+2024-01-01T00:00:00Z\\s+2024-04-30T23:00:00Z\\s+2901\\s+1\\s+3")
                .contains("BTC/USDT BINANCE gap 2024-03-03T12:00:00Z..2024-03-03T14:00:00Z (3 h)");
    }

    @Test
    void anAssetTheVenueRefusesFailsWithItsMessageAndNothingElseIsLost() {
        InProcessCli.Result r = InProcessCli.run(db, "download-data", "--assets", "NOPE/USDT", "--from", "2024-01-01",
                "--to", "2024-01-02", "--binance-url", url());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.err()).contains("NOPE/USDT").contains("Invalid symbol").contains("run the same command again to resume");
        InProcessCli.Result bad = InProcessCli.run(db, "download-data", "--assets", "BTC/USDT", "--from", "2024-02-01",
                "--to", "2024-01-01", "--binance-url", url());
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(bad.err()).contains("--from 2024-02-01T00:00:00Z must be before --to");
    }
}
