package io.tradingcore.app.live;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.tradingcore.domain.Candle;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * A local stand-in for Binance's REST API (JDK HTTP server, Binance's documented JSON shapes): klines of one
 * symbol from real candles, fixed answers for the signed account and order-listing endpoints, and a record
 * of every request (path, query, API-key header).
 */
final class FakeBinance implements AutoCloseable {

    /** One request as received. */
    record Request(String path, String query, String apiKeyHeader) {
    }

    private final HttpServer server;
    private final String symbol;
    private final TreeMap<Long, Candle> klines = new TreeMap<>();
    private final Map<String, String> fixed = new TreeMap<>();
    final List<Request> requests = new CopyOnWriteArrayList<>();

    FakeBinance(String venueSymbol, List<Candle> candles) throws IOException {
        this.symbol = venueSymbol;
        candles.forEach(c -> klines.put(c.openTime().toInstant().toEpochMilli(), c));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Answers {@code path} (any query) with {@code json}. */
    FakeBinance answer(String path, String json) {
        fixed.put(path, json);
        return this;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        String query = ex.getRequestURI().getRawQuery() == null ? "" : ex.getRequestURI().getRawQuery();
        requests.add(new Request(path, query, ex.getRequestHeaders().getFirst("X-MBX-APIKEY")));
        Map<String, String> q = new TreeMap<>();
        for (String kv : query.split("&")) {
            String[] p = kv.split("=", 2);
            q.put(p[0], p.length > 1 ? p[1] : "");
        }
        String body;
        int status = 200;
        if (path.equals("/api/v3/klines")) {
            body = symbol.equals(q.get("symbol")) ? klines.subMap(Long.parseLong(q.get("startTime")), true,
                    Long.parseLong(q.get("endTime")), true).values().stream().map(FakeBinance::kline)
                    .collect(Collectors.joining(",", "[", "]")) : "[]";
        } else if (fixed.containsKey(path)) {
            body = fixed.get(path);
        } else {
            status = 404;
            body = "{\"code\":-1000,\"msg\":\"not faked: " + path + "\"}";
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(bytes);
        }
    }

    /** One kline in Binance's documented array format. */
    private static String kline(Candle c) {
        long open = c.openTime().toInstant().toEpochMilli();
        return "[" + open + ",\"" + c.open().toPlainString() + "\",\"" + c.high().toPlainString() + "\",\"" + c.low().toPlainString()
                + "\",\"" + c.close().toPlainString() + "\",\"" + c.volume().toPlainString() + "\"," + (open + 3_599_999)
                + ",\"0\",100,\"0\",\"0\",\"0\"]";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
