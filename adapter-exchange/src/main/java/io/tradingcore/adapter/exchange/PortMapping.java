package io.tradingcore.adapter.exchange;

import io.tradingcore.adapter.exchange.model.OrderTicket;
import io.tradingcore.adapter.exchange.model.TimeInForce;
import io.tradingcore.domain.OrderRequest;
import io.tradingcore.domain.OrderType;
import io.tradingcore.ports.out.ExchangeFill;

import java.util.Comparator;

/**
 * The edge between the ports and the venues: an order request becomes the ticket a venue receives (with a time in
 * force). Candles and results need no mapping: venues take and answer in the domain's and the ports' types.
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
}
