package io.tradingcore.domain;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An order as decided by the cycle and sent to the venue. For a BUY the no-leverage rule holds by
 * construction: {@code requestedNotional <= preOrderCashAvailable}. {@code limitPrice} is null exactly
 * for MARKET orders. Quantities and money at scale 18.
 */
public record OrderRequest(OrderId orderId, ClientOrderId clientOrderId, RunId runId, SignalId signalId,
                           AccountId accountId, Asset asset, OrderSide side, OrderType type, BigDecimal quantity,
                           BigDecimal limitPrice, BigDecimal requestedNotional, BigDecimal preOrderCashAvailable,
                           HourTs hour) {
    public OrderRequest {
        Objects.requireNonNull(orderId, "order.orderId");
        Objects.requireNonNull(clientOrderId, "order.clientOrderId");
        Objects.requireNonNull(runId, "order.runId");
        Objects.requireNonNull(signalId, "order.signalId");
        Objects.requireNonNull(accountId, "order.accountId");
        Objects.requireNonNull(asset, "order.asset");
        Objects.requireNonNull(side, "order.side");
        Objects.requireNonNull(type, "order.type");
        Objects.requireNonNull(hour, "order.hour");
        quantity = Decimals.exact(quantity, "order.quantity");
        requestedNotional = Decimals.exact(requestedNotional, "order.requestedNotional");
        preOrderCashAvailable = Decimals.exact(preOrderCashAvailable, "order.preOrderCashAvailable");
        if (quantity.signum() <= 0) {
            throw new IllegalArgumentException("order quantity must be > 0, was " + quantity.toPlainString());
        }
        if (requestedNotional.signum() <= 0) {
            throw new IllegalArgumentException("order requestedNotional must be > 0, was " + requestedNotional.toPlainString());
        }
        if (preOrderCashAvailable.signum() < 0) {
            throw new IllegalArgumentException("order preOrderCashAvailable must be >= 0");
        }
        if (type == OrderType.MARKET && limitPrice != null) {
            throw new IllegalArgumentException("MARKET order must not carry a limit price");
        }
        if (type == OrderType.LIMIT) {
            if (limitPrice == null) {
                throw new IllegalArgumentException("LIMIT order needs a limit price");
            }
            limitPrice = Decimals.exact(limitPrice, "order.limitPrice");
            if (limitPrice.signum() <= 0) {
                throw new IllegalArgumentException("order limitPrice must be > 0");
            }
        }
        if (side == OrderSide.BUY && requestedNotional.compareTo(preOrderCashAvailable) > 0) {
            throw new IllegalArgumentException("no-leverage rule: requested " + requestedNotional.toPlainString()
                    + " > cash " + preOrderCashAvailable.toPlainString());
        }
    }
}
