package io.tradingcore.adapter.exchange;

import io.tradingcore.adapter.exchange.binance.BinanceMarketData;
import io.tradingcore.adapter.exchange.model.VenueUnavailableException;
import io.tradingcore.domain.Asset;
import io.tradingcore.domain.BookSnapshot;
import io.tradingcore.domain.Candle;
import io.tradingcore.domain.HourTs;
import io.tradingcore.ports.out.CandleHistoryGateway;
import io.tradingcore.ports.out.MarketDataGateway;
import io.tradingcore.ports.out.MarketDataUnavailableException;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Binance public market data behind the MarketDataGateway and CandleHistoryGateway ports. */
final class BinanceMarketDataGateway implements MarketDataGateway, CandleHistoryGateway {
    static final String VENUE = "binance";
    /** The source venue of stored candles: the one `ingest` uses by default and backtests read. */
    static final String CANDLE_VENUE = "BINANCE";
    private final BinanceMarketData md;

    BinanceMarketDataGateway(BinanceMarketData md) {
        this.md = md;
    }

    @Override
    public List<Candle> hourlyCandles(Asset a, HourTs fromInclusive, HourTs toExclusive) {
        return md.hourlyCandles(a, fromInclusive.toInstant(), toExclusive.toInstant());
    }

    @Override
    public Optional<BookSnapshot> bestBidAsk(Asset a) {
        return md.bestBidAsk(a, VENUE);
    }

    @Override
    public String venue() {
        return CANDLE_VENUE;
    }

    @Override
    public void hourlyCandlePages(Asset a, HourTs fromInclusive, HourTs toExclusive, Consumer<List<Candle>> onPage) {
        try {
            md.hourlyCandlePages(a, fromInclusive.toInstant(), toExclusive.toInstant(), onPage);
        } catch (VenueUnavailableException e) {
            throw new MarketDataUnavailableException(e.getMessage());
        }
    }
}
