package io.tradingcore.domain;

import java.util.Objects;

/** A tradable spot pair, e.g. id 1, "BTC/USDT", base "BTC", quote "USDT". */
public record Asset(AssetId id, String symbol, String base, String quote) implements Comparable<Asset> {
    public Asset {
        Objects.requireNonNull(id, "asset.id");
        Objects.requireNonNull(symbol, "asset.symbol");
        Objects.requireNonNull(base, "asset.base");
        Objects.requireNonNull(quote, "asset.quote");
        if (base.isBlank() || quote.isBlank()) {
            throw new IllegalArgumentException("asset base and quote must not be blank: " + symbol);
        }
        if (!symbol.equals(base + "/" + quote)) {
            throw new IllegalArgumentException("asset symbol must be base/quote, was '" + symbol + "' for " + base + "/" + quote);
        }
    }

    /** Builds an asset from "BASE/QUOTE". */
    public static Asset of(int id, String symbol) {
        int slash = symbol.indexOf('/');
        if (slash <= 0 || slash == symbol.length() - 1) {
            throw new IllegalArgumentException("asset symbol must be BASE/QUOTE, was '" + symbol + "'");
        }
        return new Asset(AssetId.of(id), symbol, symbol.substring(0, slash), symbol.substring(slash + 1));
    }

    @Override
    public int compareTo(Asset o) {
        return id.compareTo(o.id);
    }
}
