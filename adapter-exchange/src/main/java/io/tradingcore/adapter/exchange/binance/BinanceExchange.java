package io.tradingcore.adapter.exchange.binance;

import io.tradingcore.domain.OrderType;
import io.tradingcore.adapter.exchange.StartupReconciliation;
import io.tradingcore.domain.ClientOrderId;
import io.tradingcore.domain.ExchangeTradeId;
import io.tradingcore.domain.OrderStatus;
import io.tradingcore.ports.out.ExchangeFill;
import io.tradingcore.ports.out.ExchangeOrderState;
import io.tradingcore.ports.out.SubmitResult;
import io.tradingcore.ports.out.RejectReason;
import com.fasterxml.jackson.databind.JsonNode;
import io.tradingcore.adapter.exchange.model.Balance;
import io.tradingcore.adapter.exchange.model.OrderTicket;
import io.tradingcore.adapter.exchange.model.VenueGateway;
import io.tradingcore.adapter.exchange.model.VenueUnavailableException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Binance spot orders over its REST API. Idempotency rests on our deterministic client order id
 * (newClientOrderId): before placing, and whenever a placement got no conclusive answer (timeout, 5XX, -1006,
 * -1007), the order is looked up by that id, tolerating -2013 for {@code unknownOrderBudget}; a new POST is sent
 * only when the venue has confirmed the order's absence for that whole budget. See docs/exchange.md.
 */
public final class BinanceExchange implements VenueGateway {
    private static final System.Logger LOG = System.getLogger(BinanceExchange.class.getName());
    private static final Duration DAY = Duration.ofHours(24);
    private static final int PAGE = 1000;

    private final BinanceConfig config;
    private final BinanceHttp http;
    /** Where each client order id seen by this process lives; a lookup aid only, never iterated for decisions. */
    private final Map<String, String> symbolOf = new ConcurrentHashMap<>();

    private BinanceExchange(BinanceConfig config) {
        this.config = config;
        this.http = new BinanceHttp(config);
    }

    public static BinanceExchange create(BinanceConfig config) {
        return new BinanceExchange(config);
    }

    private sealed interface Lookup permits Found, Absent, Unreachable {
    }

    /** Our order as the venue holds it, and the symbol (ours) it is on. */
    private record Found(ExchangeOrderState order, String symbol) implements Lookup {
    }

    private record Absent() implements Lookup {
    }

    private record Unreachable(String why) implements Lookup {
    }

    @Override
    public SubmitResult submit(OrderTicket t) {
        String id = t.clientOrderId().value();
        if (!config.symbols().contains(t.symbol())) {
            return new SubmitResult.Rejected(RejectReason.UNKNOWN_SYMBOL, t.symbol() + " is not among the configured Binance symbols " + config.symbols());
        }
        symbolOf.put(id, t.symbol());
        if (config.queryBeforeSubmit()) {
            Lookup before = lookup(t.symbol(), id);
            if (before instanceof Found f) {
                return new SubmitResult.Accepted(f.order());
            }
            if (before instanceof Unreachable u) {
                return new SubmitResult.Unknown("could not check whether " + t.clientOrderId() + " already exists: " + u.why());
            }
        }
        String lastDoubt = "";
        for (int attempt = 1; attempt <= config.maxSubmitAttempts(); attempt++) {
            BinanceHttp.Outcome o = http.signed("POST", "/api/v3/order", newOrderParams(t));
            if (o instanceof BinanceHttp.Ok ok) {
                ExchangeOrderState placed = BinanceAdapters.order(ok.body());
                return placed.status() == OrderStatus.REJECTED
                        ? new SubmitResult.Rejected(RejectReason.VENUE_ERROR, "Binance answered the placement of " + t.clientOrderId() + " with status REJECTED")
                        : new SubmitResult.Accepted(placed);
            }
            if (o instanceof BinanceHttp.VenueError e && !BinanceErrorAdapter.isExecutionUnknown(e.httpStatus(), e.code())) {
                if (BinanceErrorAdapter.isDuplicateOrder(e.code(), e.msg())) {
                    Lookup dup = awaitOrder(t.symbol(), id);
                    return dup instanceof Found f ? new SubmitResult.Accepted(f.order())
                            : new SubmitResult.Rejected(RejectReason.DUPLICATE_CLIENT_ORDER_ID, e.describe());
                }
                return new SubmitResult.Rejected(BinanceErrorAdapter.toReject(e.httpStatus(), e.code(), e.msg()), e.describe());
            }
            lastDoubt = o instanceof BinanceHttp.NoAnswer n ? n.why() : ((BinanceHttp.VenueError) o).describe();
            LOG.log(System.Logger.Level.WARNING, "placement of {0} is in doubt ({1}); looking it up by client order id", t.clientOrderId(), lastDoubt);
            Lookup after = awaitOrder(t.symbol(), id);
            if (after instanceof Found f) {
                return new SubmitResult.Accepted(f.order());
            }
            if (after instanceof Unreachable u) {
                return new SubmitResult.Unknown("placement of " + t.clientOrderId() + " in doubt (" + lastDoubt + ") and lookup failed: " + u.why());
            }
            // Absent for the whole budget: the venue confirms it never took the order, so one more POST is safe
        }
        return new SubmitResult.Unknown("order " + t.clientOrderId() + " not confirmed after " + config.maxSubmitAttempts()
                + " placement(s); last doubt: " + lastDoubt);
    }

    private Map<String, String> newOrderParams(OrderTicket t) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("symbol", BinanceAdapters.toVenueSymbol(t.symbol()));
        p.put("side", t.side().name());
        p.put("type", t.kind().name());
        if (t.kind() == OrderType.LIMIT) {
            p.put("timeInForce", t.timeInForce().name());
            p.put("price", t.limitPrice().stripTrailingZeros().toPlainString());
        }
        p.put("quantity", t.quantity().stripTrailingZeros().toPlainString());
        p.put("newClientOrderId", t.clientOrderId().value());
        p.put("newOrderRespType", "FULL");
        return p;
    }

    /** Looks the order up until found or the unknown-order budget is spent (Binance may say -2013 just after acceptance). */
    private Lookup awaitOrder(String symbol, String clientOrderId) {
        Duration waited = Duration.ZERO;
        while (true) {
            Lookup l = lookup(symbol, clientOrderId);
            if (l instanceof Found || waited.compareTo(config.unknownOrderBudget()) >= 0) {
                return l;
            }
            try {
                config.sleeper().sleep(config.unknownOrderPollInterval());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Unreachable("interrupted while looking up " + clientOrderId);
            }
            waited = waited.plus(config.unknownOrderPollInterval());
        }
    }

    private Lookup lookup(String symbol, String clientOrderId) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("symbol", BinanceAdapters.toVenueSymbol(symbol));
        p.put("origClientOrderId", clientOrderId);
        BinanceHttp.Outcome o = http.signed("GET", "/api/v3/order", p);
        if (o instanceof BinanceHttp.Ok ok) {
            return new Found(BinanceAdapters.order(ok.body()), symbol);
        }
        if (o instanceof BinanceHttp.VenueError e && e.code() == BinanceErrorAdapter.NO_SUCH_ORDER) {
            return new Absent();
        }
        return new Unreachable(o instanceof BinanceHttp.NoAnswer n ? n.why() : ((BinanceHttp.VenueError) o).describe());
    }

    /** Our order with this id on the venue, searching the configured symbols when this process has not seen the id. */
    private Optional<Found> find(String clientOrderId) {
        String known = symbolOf.get(clientOrderId);
        List<String> candidates = known != null ? List.of(known) : config.symbols();
        for (String s : candidates) {
            Lookup l = lookup(s, clientOrderId);
            if (l instanceof Found f) {
                symbolOf.put(clientOrderId, s);
                return Optional.of(f);
            }
            if (l instanceof Unreachable u) {
                throw new VenueUnavailableException("looking up " + clientOrderId + " on Binance failed: " + u.why());
            }
        }
        return Optional.empty();
    }

    @Override
    public ExchangeOrderState cancel(String clientOrderId) {
        Found o = find(clientOrderId).orElseThrow(() -> new NoSuchElementException("Binance has no order " + clientOrderId));
        if (o.order().status().isTerminal()) {
            return o.order();
        }
        Map<String, String> p = new LinkedHashMap<>();
        p.put("symbol", BinanceAdapters.toVenueSymbol(o.symbol()));
        p.put("origClientOrderId", clientOrderId);
        BinanceHttp.Outcome r = http.signed("DELETE", "/api/v3/order", p);
        if (r instanceof BinanceHttp.Ok ok) {
            return BinanceAdapters.order(ok.body());
        }
        // -2011 "Unknown order sent." when it filled or expired meanwhile; any doubt is settled by reading it again
        return find(clientOrderId).map(Found::order)
                .orElseThrow(() -> new VenueUnavailableException("cancel of " + clientOrderId + " failed: " + describe(r)));
    }

    @Override
    public Optional<ExchangeOrderState> query(String clientOrderId) {
        return find(clientOrderId).map(Found::order);
    }

    /**
     * The trades of the order from GET /api/v3/myTrades (per trade, with Binance's trade ids), never derived from
     * the order's cumulative executedQty / cummulativeQuoteQty. A read that lags the order (fewer trades than its
     * executedQty says) returns what it has; later reads return the rest under the same ids.
     */
    @Override
    public List<ExchangeFill> fills(String clientOrderId) {
        Optional<Found> o = find(clientOrderId);
        if (o.isEmpty()) {
            return List.of();
        }
        Map<String, String> p = new LinkedHashMap<>();
        p.put("symbol", BinanceAdapters.toVenueSymbol(o.get().symbol()));
        p.put("orderId", o.get().order().venueOrderId());
        // Each trade once, in trade id order, whatever a read repeats; the order's cumulative executedQty is never
        // turned into fills (the caller compares it with what it booked to tell that trades still lag behind)
        TreeMap<Long, ExchangeFill> byId = new TreeMap<>();
        for (JsonNode t : array(http.signed("GET", "/api/v3/myTrades", p), "myTrades of " + clientOrderId)) {
            byId.putIfAbsent(t.path("id").asLong(), BinanceAdapters.trade(t, o.get().order().clientOrderId()));
        }
        return new ArrayList<>(byId.values());
    }

    @Override
    public SortedMap<String, Balance> balances() {
        BinanceHttp.Outcome o = http.signed("GET", "/api/v3/account", Map.of("omitZeroBalances", "true"));
        if (o instanceof BinanceHttp.Ok ok) {
            return BinanceAdapters.balances(ok.body());
        }
        throw new VenueUnavailableException("reading Binance balances failed: " + describe(o));
    }

    /**
     * Start-up reconciliation on the configured symbols: venue open orders and the fills since {@code in.since()}
     * are compared with ours. Throws {@link VenueUnavailableException} rather than return a partial picture.
     */
    public StartupReconciliation.Report reconcile(StartupReconciliation.Request in) {
        Set<String> ours = new HashSet<>();
        in.ourOrders().forEach(id -> ours.add(id.value()));
        List<ExchangeFill> missing = new ArrayList<>();
        Map<String, StartupReconciliation.ForeignOrder> foreign = new LinkedHashMap<>();
        List<ExchangeOrderState> ourOpen = new ArrayList<>();
        Set<StartupReconciliation.KnownFill> seen = new HashSet<>(in.knownFills());
        for (String s : config.symbols()) {
            String venue = BinanceAdapters.toVenueSymbol(s);
            for (JsonNode n : array(http.signed("GET", "/api/v3/openOrders", Map.of("symbol", venue)), "openOrders " + s)) {
                String clientOrderId = BinanceAdapters.clientOrderId(n);
                symbolOf.put(clientOrderId, s);
                if (ours.contains(clientOrderId)) {
                    ourOpen.add(BinanceAdapters.order(n));
                } else {
                    foreign.put(s + "#" + BinanceAdapters.venueOrderId(n),
                            BinanceAdapters.foreign(n, s, "open on Binance but not placed by us"));
                }
            }
            Map<String, JsonNode> byOrderId = new LinkedHashMap<>();
            for (JsonNode n : windowed("/api/v3/allOrders", "orderId", "orderId", venue, in.since())) {
                byOrderId.put(BinanceAdapters.venueOrderId(n), n);
            }
            for (JsonNode t : windowed("/api/v3/myTrades", "fromId", "id", venue, in.since())) {
                String orderId = t.path("orderId").asText();
                JsonNode o = byOrderId.computeIfAbsent(orderId, id -> orderById(venue, id));
                String clientOrderId = BinanceAdapters.clientOrderId(o);
                if (ours.contains(clientOrderId)) {
                    ClientOrderId ourId = new ClientOrderId(clientOrderId);
                    if (seen.add(new StartupReconciliation.KnownFill(ourId, new ExchangeTradeId(t.path("id").asText())))) {
                        missing.add(BinanceAdapters.trade(t, ourId));
                    }
                } else {
                    foreign.putIfAbsent(s + "#" + orderId, BinanceAdapters.foreign(o, s,
                            "filled on Binance since " + in.since() + " but not placed by us"));
                }
            }
        }
        return new StartupReconciliation.Report(missing, new ArrayList<>(foreign.values()), ourOpen);
    }

    /**
     * allOrders or myTrades from {@code since} to now: Binance allows at most 24 hours between startTime and endTime,
     * so the span is read window by window, and a full page is continued forward by id ({@code pageParam} = last + 1).
     */
    private List<JsonNode> windowed(String path, String pageParam, String idField, String venue, Instant since) {
        List<JsonNode> out = new ArrayList<>();
        Instant now = config.clock().instant();
        for (Instant start = since; start.isBefore(now); start = start.plus(DAY)) {
            long end = start.plus(DAY).toEpochMilli() - 1;
            Map<String, String> p = new LinkedHashMap<>();
            p.put("symbol", venue);
            p.put("startTime", Long.toString(start.toEpochMilli()));
            p.put("endTime", Long.toString(end));
            p.put("limit", Integer.toString(PAGE));
            List<JsonNode> page = array(http.signed("GET", path, p), path + " " + venue);
            out.addAll(page);
            while (page.size() == PAGE) {
                Map<String, String> next = new LinkedHashMap<>();
                next.put("symbol", venue);
                next.put(pageParam, Long.toString(page.get(page.size() - 1).path(idField).asLong() + 1));
                next.put("limit", Integer.toString(PAGE));
                List<JsonNode> more = array(http.signed("GET", path, next), path + " " + venue);
                page = more.stream().filter(n -> n.path("time").asLong() <= end).toList();
                out.addAll(page);
                if (more.size() < PAGE) {
                    break;
                }
            }
        }
        return out;
    }

    private JsonNode orderById(String venue, String orderId) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("symbol", venue);
        p.put("orderId", orderId);
        BinanceHttp.Outcome o = http.signed("GET", "/api/v3/order", p);
        if (o instanceof BinanceHttp.Ok ok) {
            return ok.body();
        }
        throw new VenueUnavailableException("reading Binance order " + venue + " #" + orderId + " failed: " + describe(o));
    }

    private static List<JsonNode> array(BinanceHttp.Outcome o, String what) {
        if (o instanceof BinanceHttp.Ok ok && ok.body().isArray()) {
            List<JsonNode> out = new ArrayList<>();
            ok.body().forEach(out::add);
            return out;
        }
        throw new VenueUnavailableException("reading " + what + " from Binance failed: " + describe(o));
    }

    private static String describe(BinanceHttp.Outcome o) {
        if (o instanceof BinanceHttp.VenueError e) {
            return e.describe();
        }
        if (o instanceof BinanceHttp.NoAnswer n) {
            return n.why();
        }
        return "unexpected answer " + ((BinanceHttp.Ok) o).body();
    }
}
