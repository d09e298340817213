package io.tradingcore.domain.risk;

import io.tradingcore.domain.Decimals;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * Sizing arithmetic of the no-leverage rule. Fee estimates round UP and affordable amounts round DOWN,
 * so rounding can never push an order over the cash it had.
 */
public final class OrderSizing {
    private OrderSizing() {
    }

    /** notional x feeRate, rounded UP to scale 18. */
    public static BigDecimal feeEstimate(BigDecimal notional, BigDecimal feeRate) {
        return notional.multiply(feeRate).setScale(Decimals.SCALE, RoundingMode.UP);
    }

    /**
     * The largest notional n with n x (1 + feeRate + bufferRate) &lt;= cash. The buffer covers the gap
     * between the reference price and the execution price (next open, spread, slippage).
     */
    public static BigDecimal affordableNotional(BigDecimal cash, BigDecimal feeRate, BigDecimal bufferRate) {
        if (cash.signum() <= 0) {
            return Decimals.ZERO;
        }
        return Decimals.divideDown(cash, BigDecimal.ONE.add(feeRate).add(bufferRate));
    }

    /** notional / price, rounded DOWN (never buy more than paid for). */
    public static BigDecimal quantity(BigDecimal notional, BigDecimal price) {
        return Decimals.divideDown(notional, price);
    }

    /**
     * The notional of a BUY: the target capped at what the cash affords after fee and price buffer; empty when that
     * is not positive or below the minimum order notional (no order is placed).
     */
    public static Optional<BigDecimal> buyNotional(BigDecimal target, BigDecimal cash, BigDecimal feeRate, BigDecimal bufferRate,
                                                   BigDecimal minOrderNotional) {
        BigDecimal n = target.min(affordableNotional(cash, feeRate, bufferRate));
        if (n.compareTo(minOrderNotional) < 0 || n.signum() <= 0) {
            return Optional.empty();
        }
        return Optional.of(n);
    }

    /** The cash left for later orders of the hour once a BUY of {@code notional} reserves it and its fee estimate. */
    public static BigDecimal cashAfterBuy(BigDecimal cash, BigDecimal notional, BigDecimal feeEstimate) {
        return cash.subtract(notional).subtract(feeEstimate);
    }

    /**
     * A holding the venue would not buy back: some quantity is held but the venue's lot rules (step, minimum
     * quantity or notional) leave nothing of it sellable. Dust is kept in the position and equity but decided on as flat.
     */
    public static boolean isDust(BigDecimal quantity, BigDecimal sellableQuantity) {
        return quantity.signum() > 0 && sellableQuantity.signum() == 0;
    }
}
