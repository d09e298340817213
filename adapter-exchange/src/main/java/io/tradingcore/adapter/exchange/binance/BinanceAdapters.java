package io.tradingcore.adapter.exchange.binance;

import io.tradingcore.adapter.exchange.StartupReconciliation;
import io.tradingcore.domain.Asset;
import io.tradingcore.domain.AssetId;
import io.tradingcore.domain.BookSnapshot;
import io.tradingcore.domain.Candle;
import io.tradingcore.domain.HourTs;
import io.tradingcore.domain.ClientOrderId;
import io.tradingcore.domain.ExchangeTradeId;
import io.tradingcore.domain.OrderStatus;
import io.tradingcore.ports.out.ExchangeFill;
import io.tradingcore.ports.out.ExchangeOrderState;
import io.tradingcore.ports.out.RejectReason;
import com.fasterxml.jackson.databind.JsonNode;
import io.tradingcore.adapter.exchange.model.Balance;
import io.tradingcore.domain.Decimals;
import io.tradingcore.adapter.exchange.model.VenueDecimals;
import io.tradingcore.adapter.exchange.sim.SymbolRules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The one place where Binance's JSON (https://developers.binance.com/docs/binance-spot-api-docs/rest-api) becomes
 * our values, in the manner of XChange's BinanceAdapters. Decimals are read from their strings, never via double.
 */
final class BinanceAdapters {
    private BinanceAdapters() {
    }

    /** "BTC/USDT" -> "BTCUSDT". */
    static String toVenueSymbol(String ours) {
        int slash = ours.indexOf('/');
        if (slash <= 0 || slash != ours.lastIndexOf('/') || slash == ours.length() - 1) {
            throw new IllegalArgumentException("symbol must look like BASE/QUOTE, got '" + ours + "'");
        }
        return ours.substring(0, slash) + ours.substring(slash + 1);
    }

    /** Binance order status -> ours. PENDING_CANCEL still holds the order; EXPIRED* ended it without a fill of the rest. */
    static OrderStatus status(String binance, BigDecimal executed) {
        return switch (binance) {
            case "NEW", "PENDING_NEW" -> OrderStatus.ACK;
            case "PARTIALLY_FILLED" -> OrderStatus.PARTIAL;
            case "FILLED" -> OrderStatus.FILLED;
            case "CANCELED", "EXPIRED", "EXPIRED_IN_MATCH" -> OrderStatus.CANCELLED;
            case "PENDING_CANCEL" -> executed.signum() > 0 ? OrderStatus.PARTIAL : OrderStatus.ACK;
            case "REJECTED" -> OrderStatus.REJECTED;
            default -> throw new IllegalArgumentException("unknown Binance order status " + binance);
        };
    }

    /**
     * The client order id of an order from GET/POST/DELETE /api/v3/order, openOrders or allOrders, as Binance keeps it
     * (any placer's). A cancel answer carries it in origClientOrderId (its clientOrderId is the cancel request's own),
     * hence the preference.
     */
    static String clientOrderId(JsonNode n) {
        return n.hasNonNull("origClientOrderId") ? n.get("origClientOrderId").asText() : n.path("clientOrderId").asText();
    }

    /** Binance's order id of an order (a string, as the venue's ids stay). */
    static String venueOrderId(JsonNode n) {
        return n.path("orderId").asText();
    }

    /** One of our orders (its client order id is ours, so a valid {@link ClientOrderId}) as the port's state. */
    static ExchangeOrderState order(JsonNode n) {
        BigDecimal executed = decimal(n, "executedQty");
        BigDecimal quote = n.hasNonNull("cummulativeQuoteQty") ? decimal(n, "cummulativeQuoteQty") : BigDecimal.ZERO;
        OrderStatus status = status(n.path("status").asText(), executed);
        BigDecimal avg = executed.signum() > 0 && quote.signum() > 0 ? quote.divide(executed, Decimals.SCALE, RoundingMode.HALF_EVEN) : null;
        return new ExchangeOrderState(new ClientOrderId(clientOrderId(n)), venueOrderId(n), status,
                executed, avg, status == OrderStatus.REJECTED ? RejectReason.VENUE_ERROR : null,
                status == OrderStatus.REJECTED ? "rejected by Binance" : null);
    }

    /** An order that is not ours, with the venue's ids as they are, on our symbol {@code ourSymbol}. */
    static StartupReconciliation.ForeignOrder foreign(JsonNode n, String ourSymbol, String why) {
        BigDecimal executed = decimal(n, "executedQty");
        return new StartupReconciliation.ForeignOrder(ourSymbol, venueOrderId(n), clientOrderId(n),
                status(n.path("status").asText(), executed), executed, why);
    }

    /** Fills in a FULL new-order answer; they executed on arrival, so they took liquidity. */
    static List<ExchangeFill> newOrderFills(JsonNode n, ClientOrderId clientOrderId) {
        List<ExchangeFill> out = new ArrayList<>();
        Instant ts = Instant.ofEpochMilli(n.path("transactTime").asLong());
        for (JsonNode f : n.path("fills")) {
            out.add(new ExchangeFill(clientOrderId, new ExchangeTradeId(f.path("tradeId").asText()), decimal(f, "qty"), decimal(f, "price"),
                    decimal(f, "commission"), f.path("commissionAsset").asText(), ts, "TAKER"));
        }
        return out;
    }

    /** One entry of GET /api/v3/myTrades, attributed to {@code clientOrderId}. */
    static ExchangeFill trade(JsonNode t, ClientOrderId clientOrderId) {
        return new ExchangeFill(clientOrderId, new ExchangeTradeId(t.path("id").asText()), decimal(t, "qty"), decimal(t, "price"), decimal(t, "commission"),
                t.path("commissionAsset").asText(), Instant.ofEpochMilli(t.path("time").asLong()),
                t.path("isMaker").asBoolean() ? "MAKER" : "TAKER");
    }

    /** One kline array: [openTime, open, high, low, close, volume, closeTime, ...]. */
    static Candle kline(JsonNode k, AssetId asset) {
        return new Candle(asset, HourTs.of(Instant.ofEpochMilli(k.get(0).asLong())), decimal(k.get(1)), decimal(k.get(2)), decimal(k.get(3)),
                decimal(k.get(4)), decimal(k.get(5)));
    }

    /** GET /api/v3/ticker/bookTicker; it carries no time, so the caller stamps it with its clock's reading. */
    static BookSnapshot bookTicker(JsonNode n, Asset asset, String venue, Instant receivedAt) {
        return new BookSnapshot(asset.id(), receivedAt, decimal(n, "bidPrice"), decimal(n, "askPrice"), decimal(n, "bidQty"),
                decimal(n, "askQty"), venue);
    }

    /**
     * One symbol of GET /api/v3/exchangeInfo as our rules: PRICE_FILTER tickSize, LOT_SIZE stepSize and minQty, and
     * minNotional from NOTIONAL (or the older MIN_NOTIONAL); a filter that is absent imposes nothing (zero).
     */
    static SymbolRules symbolRules(JsonNode symbol, String ourSymbol) {
        BigDecimal tick = BigDecimal.ZERO;
        BigDecimal step = BigDecimal.ZERO;
        BigDecimal minQty = BigDecimal.ZERO;
        BigDecimal minNotional = BigDecimal.ZERO;
        for (JsonNode f : symbol.path("filters")) {
            switch (f.path("filterType").asText()) {
                case "PRICE_FILTER" -> tick = decimal(f, "tickSize");
                case "LOT_SIZE" -> {
                    step = decimal(f, "stepSize");
                    minQty = decimal(f, "minQty");
                }
                case "NOTIONAL", "MIN_NOTIONAL" -> minNotional = decimal(f, "minNotional");
                default -> {
                    // other filters (ICEBERG_PARTS, PERCENT_PRICE_BY_SIDE, MAX_NUM_ORDERS, ...) are not simulated
                }
            }
        }
        String base = symbol.path("baseAsset").asText();
        String quote = symbol.path("quoteAsset").asText();
        if (!ourSymbol.equals(base + "/" + quote)) {
            throw new IllegalArgumentException("exchangeInfo describes " + base + "/" + quote + ", not " + ourSymbol);
        }
        return new SymbolRules(ourSymbol, base, quote, tick.stripTrailingZeros(), step.stripTrailingZeros(), minQty.stripTrailingZeros(),
                minNotional.stripTrailingZeros());
    }

    /** GET /api/v3/account balances, assets in alphabetical order, empty ones left out. */
    static SortedMap<String, Balance> balances(JsonNode account) {
        SortedMap<String, Balance> out = new TreeMap<>();
        for (JsonNode b : account.path("balances")) {
            Balance bal = new Balance(decimal(b, "free"), decimal(b, "locked"));
            if (bal.total().signum() != 0) {
                out.put(b.path("asset").asText(), bal);
            }
        }
        return out;
    }

    private static BigDecimal decimal(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("Binance answer lacks '" + field + "': " + n);
        }
        return decimal(v);
    }

    private static BigDecimal decimal(JsonNode v) {
        return VenueDecimals.parse(v.asText());
    }
}
