package io.tradingcore.domain.risk;

import io.tradingcore.domain.Decimals;
import java.math.BigDecimal;
import java.math.RoundingMode;

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
}
