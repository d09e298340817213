package io.tradingcore.domain;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Drawdown tier exactly as {@code drawdown_tier_enum}:
 * NORMAL &lt; 10% &lt;= DD10 &lt; 15% &lt;= DD15 &lt; 20% &lt;= HALT20.
 */
public enum DrawdownTier {
    NORMAL, DD10, DD15, HALT20;

    private static final BigDecimal TEN = new BigDecimal("0.10");
    private static final BigDecimal FIFTEEN = new BigDecimal("0.15");
    private static final BigDecimal TWENTY = new BigDecimal("0.20");

    /**
     * The tier of a drawdown given as a fraction of peak equity (0.1 = 10%). A pure function: the
     * boundaries belong to the higher tier, so exactly 0.10 is DD10 and exactly 0.20 is HALT20.
     *
     * @throws IllegalArgumentException if drawdown is negative or above 1
     */
    public static DrawdownTier forDrawdown(BigDecimal drawdown) {
        Objects.requireNonNull(drawdown, "drawdown");
        if (drawdown.signum() < 0 || drawdown.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("drawdown must be in [0, 1], was " + drawdown.toPlainString());
        }
        if (drawdown.compareTo(TWENTY) >= 0) {
            return HALT20;
        }
        if (drawdown.compareTo(FIFTEEN) >= 0) {
            return DD15;
        }
        if (drawdown.compareTo(TEN) >= 0) {
            return DD10;
        }
        return NORMAL;
    }
}
