package io.tradingcore.adapter.exchange.model;

import io.tradingcore.domain.OrderSide;
import io.tradingcore.domain.OrderType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * An order as a venue sees it. {@code symbol} is ours ("BTC/USDT"); {@code decidedAt} is the decision
 * hour H (the simulated exchange executes it against the candle with openTime H).
 */
public record OrderTicket(String clientOrderId, String symbol, OrderSide side, OrderType kind, TimeInForce timeInForce,
                          BigDecimal quantity, BigDecimal limitPrice, Instant decidedAt) {
    public OrderTicket {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(timeInForce, "timeInForce");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(decidedAt, "decidedAt");
        if (clientOrderId.isBlank() || clientOrderId.length() > 36) {
            throw new IllegalArgumentException("clientOrderId must be 1..36 characters (Binance's limit), got '" + clientOrderId + "'");
        }
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
