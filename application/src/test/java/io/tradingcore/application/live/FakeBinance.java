package io.tradingcore.application.live;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.tradingcore.domain.Candle;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A local stand-in for Binance's REST API (JDK HTTP server, Binance's documented JSON shapes): klines of one
 * symbol from real candles, fixed answers for chosen paths, and a record of every request (method, path, query,
 * API-key header).
 *
 * <p>With {@link #trading(Clock)} it also keeps orders and trades like the venue does: a placed order rests NEW
 * (it never fills by itself), {@link #fill} executes part of it as a trade while the test wants (for example while
 * our process is down), and the order endpoints (query by client or venue id, openOrders, allOrders, myTrades by
 * order or by time window) answer from that state; a second placement with a known client order id is refused as
 * Binance does (-2010 "Duplicate order sent.").
 */
public final class FakeBinance implements AutoCloseable {

    /** One request as received. */
    public record Request(String method, String path, String query, String apiKeyHeader) {
        /** A query parameter's decoded value, or null. */
        public String param(String name) {
            return params(query).get(name);
        }
    }

    /** An order as the venue holds it. */
    private static final class VenueOrder {
        final long orderId;
        final String clientOrderId;
        final String side;
        final String type;
        final BigDecimal quantity;
        final long time;
        BigDecimal executed = BigDecimal.ZERO;
        BigDecimal quote = BigDecimal.ZERO;

        VenueOrder(long orderId, String clientOrderId, String side, String type, BigDecimal quantity, long time) {
            this.orderId = orderId;
            this.clientOrderId = clientOrderId;
            this.side = side;
            this.type = type;
            this.quantity = quantity;
            this.time = time;
        }

        String status() {
            return executed.signum() == 0 ? "NEW" : executed.compareTo(quantity) < 0 ? "PARTIALLY_FILLED" : "FILLED";
        }
    }

    /** One trade (an execution of part of an order). */
    private record Trade(long id, long orderId, BigDecimal qty, BigDecimal price, BigDecimal fee, String feeAsset, long time,
                         boolean buyer) {
    }

    private final HttpServer server;
    private final String symbol;
    private final TreeMap<Long, Candle> klines = new TreeMap<>();
    private final Map<String, String> fixed = new TreeMap<>();
    private final Map<String, VenueOrder> orders = new LinkedHashMap<>();
    private final List<Trade> trades = new ArrayList<>();
    private Clock venueClock;
    private long nextOrderId = 7_000_001;
    private long nextTradeId = 9_000_001;
    public final List<Request> requests = new CopyOnWriteArrayList<>();

    public FakeBinance(String venueSymbol, List<Candle> candles) throws IOException {
        this.symbol = venueSymbol;
        candles.forEach(c -> klines.put(c.openTime().toInstant().toEpochMilli(), c));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Answers {@code path} (any query) with {@code json}. */
    public FakeBinance answer(String path, String json) {
        fixed.put(path, json);
        return this;
    }

    /** Keeps orders and trades (see the class comment); order times come from {@code clock}. */
    public FakeBinance trading(Clock clock) {
        this.venueClock = clock;
        return this;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Requests matching {@code p}. */
    public List<Request> requests(Predicate<Request> p) {
        return requests.stream().filter(p).toList();
    }

    /** Client order ids of the orders placed so far, in placement order. */
    public synchronized List<String> placedClientOrderIds() {
        return List.copyOf(orders.keySet());
    }

    /** Quantity of a placed order, as received. */
    public synchronized BigDecimal placedQuantity(String clientOrderId) {
        return orders.get(clientOrderId).quantity;
    }

    /** Executes {@code qty} of order {@code clientOrderId} at {@code price} at {@code time}, as one trade with a fee in {@code feeAsset}. */
    public synchronized void fill(String clientOrderId, String qty, String price, String fee, String feeAsset, Instant time) {
        VenueOrder o = orders.get(clientOrderId);
        if (o == null) {
            throw new IllegalArgumentException("the fake venue has no order " + clientOrderId);
        }
        BigDecimal q = new BigDecimal(qty);
        if (o.executed.add(q).compareTo(o.quantity) > 0) {
            throw new IllegalArgumentException("fill of " + qty + " exceeds what is left of " + clientOrderId);
        }
        BigDecimal p = new BigDecimal(price);
        trades.add(new Trade(nextTradeId++, o.orderId, q, p, new BigDecimal(fee), feeAsset, time.toEpochMilli(), o.side.equals("BUY")));
        o.executed = o.executed.add(q);
        o.quote = o.quote.add(q.multiply(p));
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        String query = ex.getRequestURI().getRawQuery() == null ? "" : ex.getRequestURI().getRawQuery();
        requests.add(new Request(ex.getRequestMethod(), path, query, ex.getRequestHeaders().getFirst("X-MBX-APIKEY")));
        Map<String, String> q = params(query);
        String body;
        int status = 200;
        if (path.equals("/api/v3/klines")) {
            body = symbol.equals(q.get("symbol")) ? klines.subMap(Long.parseLong(q.get("startTime")), true,
                    Long.parseLong(q.get("endTime")), true).values().stream().map(FakeBinance::kline)
                    .collect(Collectors.joining(",", "[", "]")) : "[]";
        } else if (venueClock != null && isOrderPath(path)) {
            String[] answer = trade(ex.getRequestMethod(), path, q);
            status = Integer.parseInt(answer[0]);
            body = answer[1];
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

    private static boolean isOrderPath(String path) {
        return List.of("/api/v3/order", "/api/v3/openOrders", "/api/v3/allOrders", "/api/v3/myTrades").contains(path);
    }

    /** {status, body} of an order endpoint, answered from the venue's state. */
    private synchronized String[] trade(String method, String path, Map<String, String> q) {
        switch (path) {
            case "/api/v3/order" -> {
                if (method.equals("POST")) {
                    String id = q.get("newClientOrderId");
                    if (orders.containsKey(id)) {
                        return new String[] {"400", "{\"code\":-2010,\"msg\":\"Duplicate order sent.\"}"};
                    }
                    VenueOrder o = new VenueOrder(nextOrderId++, id, q.get("side"), q.get("type"), new BigDecimal(q.get("quantity")),
                            venueClock.millis());
                    orders.put(id, o);
                    return ok(order(o).replace("}", ",\"transactTime\":" + o.time + ",\"fills\":[]}"));
                }
                VenueOrder o = q.containsKey("origClientOrderId") ? orders.get(q.get("origClientOrderId"))
                        : orders.values().stream().filter(v -> Long.toString(v.orderId).equals(q.get("orderId"))).findFirst().orElse(null);
                return o == null ? new String[] {"400", "{\"code\":-2013,\"msg\":\"Order does not exist.\"}"} : ok(order(o));
            }
            case "/api/v3/openOrders" -> {
                return ok(orders.values().stream().filter(o -> !o.status().equals("FILLED")).map(this::order)
                        .collect(Collectors.joining(",", "[", "]")));
            }
            case "/api/v3/allOrders" -> {
                return ok(orders.values().stream().filter(o -> inWindow(o.time, q)).map(this::order)
                        .collect(Collectors.joining(",", "[", "]")));
            }
            default -> {
                return ok(trades.stream().filter(t -> q.containsKey("orderId") ? Long.toString(t.orderId()).equals(q.get("orderId"))
                                : q.containsKey("fromId") ? t.id() >= Long.parseLong(q.get("fromId")) : inWindow(t.time(), q))
                        .map(this::tradeJson).collect(Collectors.joining(",", "[", "]")));
            }
        }
    }

    private static boolean inWindow(long time, Map<String, String> q) {
        return (!q.containsKey("startTime") || time >= Long.parseLong(q.get("startTime")))
                && (!q.containsKey("endTime") || time <= Long.parseLong(q.get("endTime")));
    }

    private static String[] ok(String body) {
        return new String[] {"200", body};
    }

    private String order(VenueOrder o) {
        return "{\"symbol\":\"" + symbol + "\",\"orderId\":" + o.orderId + ",\"clientOrderId\":\"" + o.clientOrderId
                + "\",\"price\":\"0.00000000\",\"origQty\":\"" + o.quantity.toPlainString() + "\",\"executedQty\":\""
                + o.executed.toPlainString() + "\",\"cummulativeQuoteQty\":\"" + o.quote.toPlainString() + "\",\"status\":\"" + o.status()
                + "\",\"timeInForce\":\"GTC\",\"type\":\"" + o.type + "\",\"side\":\"" + o.side + "\",\"time\":" + o.time
                + ",\"updateTime\":" + o.time + "}";
    }

    private String tradeJson(Trade t) {
        return "{\"symbol\":\"" + symbol + "\",\"id\":" + t.id() + ",\"orderId\":" + t.orderId() + ",\"price\":\"" + t.price().toPlainString()
                + "\",\"qty\":\"" + t.qty().toPlainString() + "\",\"quoteQty\":\"" + t.qty().multiply(t.price()).toPlainString()
                + "\",\"commission\":\"" + t.fee().toPlainString() + "\",\"commissionAsset\":\"" + t.feeAsset() + "\",\"time\":" + t.time()
                + ",\"isBuyer\":" + t.buyer() + ",\"isMaker\":false,\"isBestMatch\":true}";
    }

    private static Map<String, String> params(String query) {
        Map<String, String> q = new TreeMap<>();
        for (String kv : query.split("&")) {
            String[] p = kv.split("=", 2);
            q.put(p[0], p.length > 1 ? URLDecoder.decode(p[1], StandardCharsets.UTF_8) : "");
        }
        return q;
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
