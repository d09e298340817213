package io.tradingcore.adapter.exchange.model;

import io.tradingcore.domain.ClientOrderId;
import io.tradingcore.domain.OrderSide;
import io.tradingcore.domain.OrderType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * What a venue receives for an order: the part of the domain's {@code OrderRequest} that a venue needs (our client
 * order id, which is at most 36 characters as on Binance; side, type, quantity, limit price) plus the time in force,
 * which the ports do not carry. {@code symbol} is ours ("BTC/USDT"); {@code decidedAt} is the decision hour H (the
 * simulated exchange executes it against the candle with openTime H). The venue answers in the ports' types.
 */
public record OrderTicket(ClientOrderId clientOrderId, String symbol, OrderSide side, OrderType kind, TimeInForce timeInForce,
                          BigDecimal quantity, BigDecimal limitPrice, Instant decidedAt) {
    public OrderTicket {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(timeInForce, "timeInForce");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(decidedAt, "decidedAt");
        if (quantity.signum() <= 0) {
            throw new IllegalArgumentException("quantity must be > 0, got " + quantity + " for " + clientOrderId);
        }
        if (kind == OrderType.LIMIT && (limitPrice == null || limitPrice.signum() <= 0)) {
            throw new IllegalArgumentException("a LIMIT order needs a limitPrice > 0, got " + limitPrice + " for " + clientOrderId);
        }
        if (kind == OrderType.MARKET && limitPrice != null) {
            throw new IllegalArgumentException("a MARKET order has no limitPrice, got " + limitPrice + " for " + clientOrderId);
        }
    }
}
