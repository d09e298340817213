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
 * One execution of an order, identified by (orderId, tradeId). {@code quantity} is what the venue
 * executed (the order's filled quantity counts it whole); {@code fee} is in {@code feeCurrency}: the quote
 * currency (paid from cash) or the base asset (withheld from what was bought, or delivered on top of what
 * was sold), see {@link #positionDelta()}. Quantity and price &gt; 0, fee &gt;= 0, and a BUY's base-asset fee
 * is less than its quantity (a venue never withholds everything it sold us).
 */
public record Fill(OrderId orderId, ExchangeTradeId tradeId, AssetId asset, OrderSide side, BigDecimal quantity,
                   BigDecimal price, BigDecimal fee, Instant tradeTs, String liquidity, FeeCurrency feeCurrency) {
    public Fill {
        Objects.requireNonNull(orderId, "fill.orderId");
        Objects.requireNonNull(tradeId, "fill.tradeId");
        Objects.requireNonNull(asset, "fill.asset");
        Objects.requireNonNull(side, "fill.side");
        Objects.requireNonNull(tradeTs, "fill.tradeTs");
        Objects.requireNonNull(liquidity, "fill.liquidity");
        Objects.requireNonNull(feeCurrency, "fill.feeCurrency");
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
        if (feeCurrency == FeeCurrency.BASE && side == OrderSide.BUY && fee.compareTo(quantity) >= 0) {
            throw new IllegalArgumentException("fill fee " + fee.toPlainString() + " in the base asset must be less than the bought quantity "
                    + quantity.toPlainString());
        }
    }

    /** A fill whose fee was paid in the quote currency. */
    public Fill(OrderId orderId, ExchangeTradeId tradeId, AssetId asset, OrderSide side, BigDecimal quantity, BigDecimal price,
                BigDecimal fee, Instant tradeTs, String liquidity) {
        this(orderId, tradeId, asset, side, quantity, price, fee, tradeTs, liquidity, FeeCurrency.QUOTE);
    }

    /** The fee paid from cash: the fee in the quote currency, zero when it was charged in the base asset. */
    public BigDecimal cashFee() {
        return feeCurrency == FeeCurrency.QUOTE ? fee : Decimals.ZERO;
    }

    /** The fee charged in the base asset, zero when it was paid in the quote currency. */
    public BigDecimal baseFee() {
        return feeCurrency == FeeCurrency.BASE ? fee : Decimals.ZERO;
    }

    /** The fee valued in the quote currency (a base-asset fee at the fill price, HALF_EVEN at scale 18): for reports only. */
    public BigDecimal feeQuote() {
        return feeCurrency == FeeCurrency.QUOTE ? fee : Decimals.multiply(fee, price);
    }

    /**
     * The signed change of the holding: a BUY adds its quantity less a base-asset fee, a SELL removes its
     * quantity plus a base-asset fee.
     */
    public BigDecimal positionDelta() {
        return side == OrderSide.BUY ? quantity.subtract(baseFee()) : quantity.add(baseFee()).negate();
    }

    /** quantity x price, HALF_EVEN at scale 18. */
    public BigDecimal notional() {
        return Decimals.multiply(quantity, price);
    }
}
