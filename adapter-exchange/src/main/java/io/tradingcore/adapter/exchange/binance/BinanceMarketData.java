package io.tradingcore.adapter.exchange.binance;

import io.tradingcore.domain.Asset;
import io.tradingcore.domain.BookSnapshot;
import io.tradingcore.domain.Candle;
import com.fasterxml.jackson.databind.JsonNode;
import io.tradingcore.adapter.exchange.sim.SymbolRules;
import io.tradingcore.adapter.exchange.model.VenueUnavailableException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** Public Binance market data: hourly klines and best bid/ask. Needs no credentials. */
public final class BinanceMarketData {
    private static final int PAGE = 1000;

    private final BinanceConfig config;
    private final BinanceHttp http;

    private BinanceMarketData(BinanceConfig config) {
        this.config = config;
        this.http = new BinanceHttp(config);
    }

    public static BinanceMarketData create(BinanceConfig config) {
        return new BinanceMarketData(config);
    }

    /**
     * Closed hourly candles of {@code asset} (read by its symbol) with openTime in [from, to), oldest first. A candle
     * still open at the clock's "now" is left out (its values are not final, and reading it would be lookahead for the
     * hour being decided).
     */
    public List<Candle> hourlyCandles(Asset asset, Instant fromInclusive, Instant toExclusive) {
        List<Candle> out = new ArrayList<>();
        hourlyCandlePages(asset, fromInclusive, toExclusive, out::addAll);
        return out;
    }

    /**
     * As {@link #hourlyCandles}, handing each GET /api/v3/klines page (startTime, endTime, limit=1000) to {@code onPage}
     * as soon as it arrives, so that a long download can store what it has; empty pages are not handed over. Rate
     * limits (429, 418, -1003) are waited out with the trading client's back-off ({@link BinanceHttp}), honouring
     * Retry-After; past its budget, or on any other error, {@link VenueUnavailableException}.
     */
    public void hourlyCandlePages(Asset asset, Instant fromInclusive, Instant toExclusive, Consumer<List<Candle>> onPage) {
        String symbol = asset.symbol();
        String venue = BinanceAdapters.toVenueSymbol(symbol);
        Instant now = config.clock().instant();
        Instant start = fromInclusive;
        while (start.isBefore(toExclusive)) {
            Map<String, String> p = new LinkedHashMap<>();
            p.put("symbol", venue);
            p.put("interval", "1h");
            p.put("startTime", Long.toString(start.toEpochMilli()));
            p.put("endTime", Long.toString(toExclusive.toEpochMilli() - 1));
            p.put("limit", Integer.toString(PAGE));
            BinanceHttp.Outcome o = http.publicGet("/api/v3/klines", p);
            if (!(o instanceof BinanceHttp.Ok ok) || !ok.body().isArray()) {
                throw new VenueUnavailableException("reading klines of " + symbol + " from Binance failed: " + describe(o));
            }
            int n = 0;
            List<Candle> page = new ArrayList<>(ok.body().size());
            Instant next = start;
            for (JsonNode k : ok.body()) {
                n++;
                Candle b = BinanceAdapters.kline(k, asset.id());
                Instant open = b.openTime().toInstant();
                if (!b.closeTime().toInstant().isAfter(now) && !open.isBefore(fromInclusive) && open.isBefore(toExclusive)) {
                    page.add(b);
                }
                next = open.plus(Duration.ofHours(1));
            }
            if (!page.isEmpty()) {
                onPage.accept(List.copyOf(page));
            }
            if (n < PAGE || !next.isAfter(start)) {
                break;
            }
            start = next;
        }
    }

    private static String describe(BinanceHttp.Outcome o) {
        if (o instanceof BinanceHttp.VenueError e) {
            return e.describe() + (e.rateLimited() ? " (still rate limited after the back-off budget)" : "");
        }
        if (o instanceof BinanceHttp.NoAnswer a) {
            return a.why();
        }
        return "the answer is not a JSON array";
    }

    /**
     * The trading rules of each symbol from one GET /api/v3/exchangeInfo?symbols=["BTCUSDT",...], in the order given:
     * what LIVE orders are rounded to before submission, and what a PAPER simulation needs to refuse exactly what
     * Binance would refuse. A symbol Binance does not list, or an unreachable venue, throws
     * {@link VenueUnavailableException} naming the symbols.
     */
    public List<SymbolRules> symbolRules(List<String> symbols) {
        String list = symbols.stream().map(s -> "\"" + BinanceAdapters.toVenueSymbol(s) + "\"").collect(Collectors.joining(",", "[", "]"));
        BinanceHttp.Outcome o = http.publicGet("/api/v3/exchangeInfo", Map.of("symbols", list));
        if (!(o instanceof BinanceHttp.Ok ok)) {
            throw new VenueUnavailableException("reading exchangeInfo of " + symbols + " from Binance failed: " + o);
        }
        Map<String, JsonNode> byVenueSymbol = new LinkedHashMap<>();
        ok.body().path("symbols").forEach(n -> byVenueSymbol.put(n.path("symbol").asText(), n));
        List<SymbolRules> out = new ArrayList<>();
        for (String s : symbols) {
            JsonNode n = byVenueSymbol.get(BinanceAdapters.toVenueSymbol(s));
            if (n == null) {
                throw new VenueUnavailableException("Binance exchangeInfo does not list " + s + " (asked for " + symbols + ")");
            }
            out.add(BinanceAdapters.symbolRules(n, s));
        }
        return out;
    }

    /**
     * Best bid and ask of {@code asset} now, stamped with the clock's reading and recorded as from {@code venue}; empty
     * when the symbol has no book.
     */
    public Optional<BookSnapshot> bestBidAsk(Asset asset, String venue) {
        String symbol = asset.symbol();
        BinanceHttp.Outcome o = http.publicGet("/api/v3/ticker/bookTicker", Map.of("symbol", BinanceAdapters.toVenueSymbol(symbol)));
        if (o instanceof BinanceHttp.Ok ok) {
            JsonNode n = ok.body();
            if (n.path("bidPrice").asText("0").matches("0(\\.0*)?") || n.path("askPrice").asText("0").matches("0(\\.0*)?")) {
                return Optional.empty();
            }
            return Optional.of(BinanceAdapters.bookTicker(n, asset, venue, config.clock().instant()));
        }
        throw new VenueUnavailableException("reading bookTicker of " + symbol + " from Binance failed: " + o);
    }
}
