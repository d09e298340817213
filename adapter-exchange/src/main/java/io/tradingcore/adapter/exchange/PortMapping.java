package io.tradingcore.adapter.exchange;

import io.tradingcore.adapter.exchange.model.Bar;
import io.tradingcore.adapter.exchange.model.OrderTicket;
import io.tradingcore.adapter.exchange.model.TimeInForce;
import io.tradingcore.domain.Asset;
import io.tradingcore.domain.Candle;
import io.tradingcore.domain.HourTs;
import io.tradingcore.domain.OrderRequest;
import io.tradingcore.domain.OrderType;
import io.tradingcore.ports.out.ExchangeFill;

import java.util.Comparator;

/**
 * The edge between the ports and the venues: an order request becomes the ticket a venue receives (with a time in
 * force), candles become bars keyed by our symbol. Results need no mapping: venues
 * answer in the ports' types.
 */
final class PortMapping {
    static final Comparator<ExchangeFill> FILL_ORDER = Comparator.comparing(ExchangeFill::tradeTs).thenComparing(ExchangeFill::exchangeTradeId);

    private PortMapping() {
    }

    /** The ports carry no time in force: MARKET is IOC (as on Binance), LIMIT rests with {@code limitTif}. */
    static OrderTicket ticket(OrderRequest o, TimeInForce limitTif) {
        return new OrderTicket(o.clientOrderId(), o.asset().symbol(), o.side(),
                o.type(), o.type() == OrderType.MARKET ? TimeInForce.IOC : limitTif,
                o.quantity(), o.limitPrice(), o.hour().toInstant());
    }

    static Bar bar(Asset a, Candle c) {
        return new Bar(a.symbol(), c.openTime().toInstant(), c.open(), c.high(), c.low(), c.close(), c.volume());
    }

    static Candle candle(Asset a, Bar b) {
        return new Candle(a.id(), HourTs.of(b.openTime()), b.open(), b.high(), b.low(), b.close(), b.volume());
    }
}
