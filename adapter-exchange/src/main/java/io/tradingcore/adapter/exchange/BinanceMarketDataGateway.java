package io.tradingcore.adapter.exchange;

import io.tradingcore.adapter.exchange.binance.BinanceMarketData;
import io.tradingcore.domain.Asset;
import io.tradingcore.domain.BookSnapshot;
import io.tradingcore.domain.Candle;
import io.tradingcore.domain.HourTs;
import io.tradingcore.ports.out.MarketDataGateway;

import java.util.List;
import java.util.Optional;

/** Binance public market data behind the MarketDataGateway port. */
final class BinanceMarketDataGateway implements MarketDataGateway {
    static final String VENUE = "binance";
    private final BinanceMarketData md;

    BinanceMarketDataGateway(BinanceMarketData md) {
        this.md = md;
    }

    @Override
    public List<Candle> hourlyCandles(Asset a, HourTs fromInclusive, HourTs toExclusive) {
        return md.hourlyBars(a.symbol(), fromInclusive.toInstant(), toExclusive.toInstant()).stream().map(b -> PortMapping.candle(a, b)).toList();
    }

    @Override
    public Optional<BookSnapshot> bestBidAsk(Asset a) {
        return md.bestBidAsk(a.symbol()).map(q -> PortMapping.book(a, q, VENUE));
    }
}
