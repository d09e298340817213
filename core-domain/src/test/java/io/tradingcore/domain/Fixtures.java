package io.tradingcore.domain;

import io.tradingcore.domain.order.Fill;
import io.tradingcore.domain.order.Order;
import java.math.BigDecimal;
import java.time.Instant;

/** Small builders shared by the domain tests. */
public final class Fixtures {
    public static final AccountId ACCOUNT = AccountId.of(1);
    public static final Asset BTC = Asset.of(1, "BTC/USDT");
    public static final HourTs HOUR = HourTs.parse("2024-03-01T10:00:00Z");
    public static final RunId RUN = DeterministicIds.runId(ACCOUNT, RunMode.BACKTEST, HOUR);

    private Fixtures() {
    }

    public static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    public static OrderRequest buy(String qty, String notional, String cash) {
        return request(OrderSide.BUY, qty, notional, cash);
    }

    public static OrderRequest request(OrderSide side, String qty, String notional, String cash) {
        SignalId signal = DeterministicIds.signalId(RUN, BTC.id());
        return new OrderRequest(DeterministicIds.orderId(RUN, signal), ClientOrderId.forSignal(RUN, signal), RUN, signal, ACCOUNT, BTC,
                side, OrderType.MARKET, d(qty), null, d(notional), d(cash), HOUR);
    }

    /** A NEW order for a request: no reserved fee; a SELL may sell exactly its quantity. */
    public static Order placed(OrderRequest r) {
        return Order.placed(r, Decimals.ZERO, r.side() == OrderSide.SELL ? r.quantity() : Decimals.ZERO);
    }

    public static Fill fill(Order order, String tradeId, String qty, String price, String fee) {
        return new Fill(order.request().orderId(), new ExchangeTradeId(tradeId), BTC.id(), order.request().side(), d(qty), d(price), d(fee),
                Instant.parse("2024-03-01T10:00:01Z"), "TAKER");
    }
}
