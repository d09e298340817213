package io.tradingcore.ports.testing;

import io.tradingcore.domain.AccountId;
import io.tradingcore.domain.Asset;
import io.tradingcore.domain.ClientOrderId;
import io.tradingcore.domain.DeterministicIds;
import io.tradingcore.domain.HourTs;
import io.tradingcore.domain.OrderId;
import io.tradingcore.domain.OrderRequest;
import io.tradingcore.domain.OrderSide;
import io.tradingcore.domain.OrderType;
import io.tradingcore.domain.RunId;
import io.tradingcore.domain.SignalId;
import java.math.BigDecimal;

/**
 * Builds an {@link OrderRequest} by name instead of its 13 positional arguments. Defaults: a MARKET BUY of 1 of
 * account 1, no limit price, notional 100, cash before the order 1000; the order and client order ids follow from the
 * run and signal (as the cycle derives them) unless set. {@link #from} copies a request to change one field.
 */
public final class OrderRequestBuilder {
    private OrderId orderId;
    private ClientOrderId clientOrderId;
    private RunId runId;
    private SignalId signalId;
    private AccountId account = AccountId.of(1);
    private Asset asset;
    private OrderSide side = OrderSide.BUY;
    private OrderType type = OrderType.MARKET;
    private BigDecimal quantity = BigDecimal.ONE;
    private BigDecimal limitPrice;
    private BigDecimal notional = new BigDecimal("100");
    private BigDecimal cash = new BigDecimal("1000");
    private HourTs hour;

    private OrderRequestBuilder() {
    }

    /** An order of {@code asset} for {@code signal} of {@code run} at {@code hour}. */
    public static OrderRequestBuilder order(RunId run, SignalId signal, Asset asset, HourTs hour) {
        OrderRequestBuilder b = new OrderRequestBuilder();
        b.runId = run;
        b.signalId = signal;
        b.asset = asset;
        b.hour = hour;
        return b;
    }

    /** Every field of {@code q}. */
    public static OrderRequestBuilder from(OrderRequest q) {
        OrderRequestBuilder b = order(q.runId(), q.signalId(), q.asset(), q.hour());
        b.orderId = q.orderId();
        b.clientOrderId = q.clientOrderId();
        b.account = q.accountId();
        b.side = q.side();
        b.type = q.type();
        b.quantity = q.quantity();
        b.limitPrice = q.limitPrice();
        b.notional = q.requestedNotional();
        b.cash = q.preOrderCashAvailable();
        return b;
    }

    public OrderRequestBuilder orderId(OrderId v) {
        orderId = v;
        return this;
    }

    public OrderRequestBuilder clientOrderId(ClientOrderId v) {
        clientOrderId = v;
        return this;
    }

    public OrderRequestBuilder account(AccountId v) {
        account = v;
        return this;
    }

    public OrderRequestBuilder side(OrderSide v) {
        side = v;
        return this;
    }

    public OrderRequestBuilder type(OrderType v) {
        type = v;
        return this;
    }

    public OrderRequestBuilder quantity(BigDecimal v) {
        quantity = v;
        return this;
    }

    /** Null for a MARKET order. */
    public OrderRequestBuilder limitPrice(BigDecimal v) {
        limitPrice = v;
        return this;
    }

    public OrderRequestBuilder notional(BigDecimal v) {
        notional = v;
        return this;
    }

    /** Cash available before the order. */
    public OrderRequestBuilder cash(BigDecimal v) {
        cash = v;
        return this;
    }

    public OrderRequest build() {
        return new OrderRequest(orderId != null ? orderId : DeterministicIds.orderId(runId, signalId),
                clientOrderId != null ? clientOrderId : ClientOrderId.forSignal(runId, signalId), runId, signalId, account, asset,
                side, type, quantity, limitPrice, notional, cash, hour);
    }
}
