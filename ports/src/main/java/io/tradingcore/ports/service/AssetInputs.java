package io.tradingcore.ports.service;

import io.tradingcore.domain.Asset;
import io.tradingcore.domain.BookSnapshot;
import io.tradingcore.domain.Candle;
import io.tradingcore.domain.HourTs;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The rows read for one asset as of the decision hour (hashed as the DATA step). {@code fresh} means
 * enough closed candles and the last one closing exactly at the hour; a stale asset is not traded
 * (an exchange outage leaves hours missing) but its last close still marks a held position.
 */
record AssetInputs(Asset asset, List<Candle> candles, Optional<BookSnapshot> book, boolean fresh) {
    AssetInputs {
        candles = List.copyOf(candles);
    }

    static AssetInputs of(Asset asset, List<Candle> candles, Optional<BookSnapshot> book, HourTs hour, int minBars) {
        for (Candle c : candles) {
            if (c.closeTime().isAfter(hour)) {
                throw new IllegalStateException("market data port returned candle " + c.openTime() + " of asset "
                        + asset.id() + " that closes after decision hour " + hour + " (lookahead)");
            }
        }
        if (book.isPresent() && book.get().snapshotTs().isAfter(hour.toInstant())) {
            throw new IllegalStateException("market data port returned a book snapshot after decision hour " + hour);
        }
        boolean fresh = candles.size() >= minBars && !candles.isEmpty()
                && candles.get(candles.size() - 1).closeTime().equals(hour);
        return new AssetInputs(asset, candles, book, fresh);
    }

    /** The last known close, the mark price at the hour. */
    Optional<BigDecimal> mark() {
        return candles.isEmpty() ? Optional.empty() : Optional.of(candles.get(candles.size() - 1).close());
    }

    /** Spread in bps from the book, or null to use the configured default. */
    BigDecimal spreadBps() {
        return book.map(BookSnapshot::spreadBps).orElse(null);
    }
}
