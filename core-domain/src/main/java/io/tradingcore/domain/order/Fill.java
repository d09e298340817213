package io.tradingcore.domain.order;

import io.tradingcore.domain.AssetId;
import io.tradingcore.domain.Decimals;
import io.tradingcore.domain.ExchangeTradeId;
import io.tradingcore.domain.OrderId;
import io.tradingcore.domain.OrderSide;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One execution of an order, identified by (orderId, tradeId). {@code fee} is in the quote currency
 * (the venue adapter converts a base-asset fee at the fill price). Quantity and price &gt; 0, fee &gt;= 0.
 */
public record Fill(OrderId orderId, ExchangeTradeId tradeId, AssetId asset, OrderSide side, BigDecimal quantity,
                   BigDecimal price, BigDecimal fee, Instant tradeTs, String liquidity) {
    public Fill {
        Objects.requireNonNull(orderId, "fill.orderId");
        Objects.requireNonNull(tradeId, "fill.tradeId");
        Objects.requireNonNull(asset, "fill.asset");
        Objects.requireNonNull(side, "fill.side");
        Objects.requireNonNull(tradeTs, "fill.tradeTs");
        Objects.requireNonNull(liquidity, "fill.liquidity");
        quantity = Decimals.exact(quantity, "fill.quantity");
        price = Decimals.exact(price, "fill.price");
        fee = Decimals.exact(fee, "fill.fee");
        if (quantity.signum() <= 0) {
            throw new IllegalArgumentException("fill quantity must be > 0, was " + quantity.toPlainString());
        }
        if (price.signum() <= 0) {
            throw new IllegalArgumentException("fill price must be > 0, was " + price.toPlainString());
        }
        if (fee.signum() < 0) {
            throw new IllegalArgumentException("fill fee must be >= 0, was " + fee.toPlainString());
        }
        if (!liquidity.equals("MAKER") && !liquidity.equals("TAKER")) {
            throw new IllegalArgumentException("fill liquidity must be MAKER or TAKER, was '" + liquidity + "'");
        }
    }

    /** quantity x price, HALF_EVEN at scale 18. */
    public BigDecimal notional() {
        return Decimals.multiply(quantity, price);
    }
}
