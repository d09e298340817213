package io.tradingcore.ports.out;

import io.tradingcore.domain.Asset;
import io.tradingcore.domain.BookSnapshot;
import io.tradingcore.domain.Candle;
import io.tradingcore.domain.HourTs;
import java.util.List;
import java.util.Optional;

/** Live or paper market data from a venue (to be ingested through {@link MarketDataRepository}). */
public interface MarketDataGateway {
    /**
     * Closed hourly candles with openTime in [fromInclusive, toExclusive), ascending. A candle still open
     * at call time is never returned. Gaps (hours without trading) are simply absent.
     */
    List<Candle> hourlyCandles(Asset a, HourTs fromInclusive, HourTs toExclusive);

    /** The venue's current best bid/ask, if it answers. */
    Optional<BookSnapshot> bestBidAsk(Asset a);
}
