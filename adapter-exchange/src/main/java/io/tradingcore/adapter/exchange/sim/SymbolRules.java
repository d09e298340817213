package io.tradingcore.adapter.exchange.sim;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A symbol's trading rules as Binance publishes them in exchangeInfo filters: PRICE_FILTER tickSize,
 * LOT_SIZE stepSize/minQty, NOTIONAL minNotional. {@code symbol} is ours ("BTC/USDT").
 */
public record SymbolRules(String symbol, String base, String quote, BigDecimal tickSize, BigDecimal stepSize,
                          BigDecimal minQty, BigDecimal minNotional) {
    public SymbolRules {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(quote, "quote");
        if (!symbol.equals(base + "/" + quote)) {
            throw new IllegalArgumentException("symbol must be base/quote, got " + symbol + " for " + base + " and " + quote);
        }
        for (BigDecimal v : new BigDecimal[] {tickSize, stepSize, minQty, minNotional}) {
            if (v == null || v.signum() < 0) {
                throw new IllegalArgumentException("rules of " + symbol + " must be >= 0: tick " + tickSize + ", step "
                        + stepSize + ", minQty " + minQty + ", minNotional " + minNotional);
            }
        }
    }

    /** Rules for "BASE/QUOTE" from decimal strings, e.g. {@code of("BTC/USDT", "0.01", "0.00001", "0.00001", "5")}. */
    public static SymbolRules of(String symbol, String tickSize, String stepSize, String minQty, String minNotional) {
        int slash = symbol.indexOf('/');
        if (slash <= 0 || slash == symbol.length() - 1) {
            throw new IllegalArgumentException("symbol must look like BASE/QUOTE, got " + symbol);
        }
        return new SymbolRules(symbol, symbol.substring(0, slash), symbol.substring(slash + 1), new BigDecimal(tickSize),
                new BigDecimal(stepSize), new BigDecimal(minQty), new BigDecimal(minNotional));
    }
}
