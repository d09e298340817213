package io.tradingcore.ports.out;

import io.tradingcore.domain.Asset;
import io.tradingcore.domain.Candle;
import io.tradingcore.domain.HourTs;
import java.util.List;
import java.util.function.Consumer;

/**
 * A venue's public hourly candle history, read page by page so that a long download can store each page as it
 * arrives (and a restarted download starts after the last stored hour instead of from the beginning).
 */
public interface CandleHistoryGateway {

    /** The venue name the candles are stored under (market_ohlcv_hourly.source_venue), e.g. "BINANCE". */
    String venue();

    /**
     * Hands {@code onPage} the closed hourly candles of {@code asset} with openTime in [fromInclusive, toExclusive),
     * one venue page at a time, ascending, each page non-empty and later than the previous one. A candle still open
     * at call time is never handed over. Hours the venue has no candle for (gaps) are simply absent. Rate limits are
     * waited out within the adapter's budget.
     *
     * @throws MarketDataUnavailableException when the venue cannot be reached, keeps refusing within the budget, or
     *                                        does not know the asset; pages handed over before stay handed over
     */
    void hourlyCandlePages(Asset asset, HourTs fromInclusive, HourTs toExclusive, Consumer<List<Candle>> onPage);
}
