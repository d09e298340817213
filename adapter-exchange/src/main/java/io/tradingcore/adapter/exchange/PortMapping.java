package io.tradingcore.adapter.exchange;

import io.tradingcore.domain.OrderSide;
import io.tradingcore.adapter.exchange.model.Bar;
import io.tradingcore.adapter.exchange.model.OrderTicket;
import io.tradingcore.adapter.exchange.model.Quote;
import io.tradingcore.adapter.exchange.model.Submission;
import io.tradingcore.adapter.exchange.model.TimeInForce;
import io.tradingcore.adapter.exchange.model.VenueFill;
import io.tradingcore.adapter.exchange.model.VenueOrder;
import io.tradingcore.domain.Asset;
import io.tradingcore.domain.BookSnapshot;
import io.tradingcore.domain.Candle;
import io.tradingcore.domain.ClientOrderId;
import io.tradingcore.domain.ExchangeTradeId;
import io.tradingcore.domain.HourTs;
import io.tradingcore.domain.OrderRequest;
import io.tradingcore.domain.OrderStatus;
import io.tradingcore.domain.OrderType;
import io.tradingcore.ports.out.ExchangeFill;
import io.tradingcore.ports.out.ExchangeOrderState;
import io.tradingcore.ports.out.RejectReason;
import io.tradingcore.ports.out.SubmitResult;

import java.util.Comparator;
import java.util.List;

/** Translations between the ports' types and the adapter's venue-neutral values; names match one to one. */
final class PortMapping {
    static final Comparator<ExchangeFill> FILL_ORDER = Comparator.comparing(ExchangeFill::tradeTs).thenComparing(ExchangeFill::exchangeTradeId);

    private PortMapping() {
    }

    /** The ports carry no time in force: MARKET is IOC (as on Binance), LIMIT rests with {@code limitTif}. */
    static OrderTicket ticket(OrderRequest o, TimeInForce limitTif) {
        return new OrderTicket(o.clientOrderId().value(), o.asset().symbol(), o.side(),
                o.type(), o.type() == OrderType.MARKET ? TimeInForce.IOC : limitTif,
                o.quantity(), o.limitPrice(), o.hour().toInstant());
    }

    static ExchangeOrderState state(VenueOrder v) {
        return new ExchangeOrderState(new ClientOrderId(v.clientOrderId()), v.venueOrderId(), v.status(),
                v.filledQuantity(), v.averagePrice(), v.reject(),
                v.rejectMessage());
    }

    static SubmitResult result(Submission s) {
        if (s instanceof Submission.Accepted a) {
            return new SubmitResult.Accepted(state(a.order()));
        }
        if (s instanceof Submission.Rejected r) {
            return new SubmitResult.Rejected(r.reason(), r.message());
        }
        return new SubmitResult.Unknown(((Submission.Unknown) s).why());
    }

    static ExchangeFill fill(VenueFill f) {
        return new ExchangeFill(new ClientOrderId(f.clientOrderId()), new ExchangeTradeId(f.tradeId()), f.quantity(), f.price(), f.fee(),
                f.feeAsset(), f.tradeTs(), f.liquidity());
    }

    static List<ExchangeFill> fills(List<VenueFill> fills) {
        return fills.stream().map(PortMapping::fill).sorted(FILL_ORDER).toList();
    }

    static Bar bar(Asset a, Candle c) {
        return new Bar(a.symbol(), c.openTime().toInstant(), c.open(), c.high(), c.low(), c.close(), c.volume());
    }

    static Candle candle(Asset a, Bar b) {
        return new Candle(a.id(), HourTs.of(b.openTime()), b.open(), b.high(), b.low(), b.close(), b.volume());
    }

    static Quote quote(Asset a, BookSnapshot b) {
        return new Quote(a.symbol(), b.snapshotTs(), b.bestBid(), b.bestAsk(), b.bidSize(), b.askSize());
    }

    static BookSnapshot book(Asset a, Quote q, String venue) {
        return new BookSnapshot(a.id(), q.ts(), q.bid(), q.ask(), q.bidSize(), q.askSize(), venue);
    }
}
