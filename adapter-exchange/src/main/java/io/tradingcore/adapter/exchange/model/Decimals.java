package io.tradingcore.adapter.exchange.model;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Scale-18 arithmetic helpers (the schema's NUMERIC(38,18)). */
public final class Decimals {
    public static final int SCALE = 18;
    public static final BigDecimal BPS = new BigDecimal("10000");

    private Decimals() {
    }

    /** Value at scale 18, HALF_EVEN: prices, notionals, fees. */
    public static BigDecimal value(BigDecimal v) {
        return v.setScale(SCALE, RoundingMode.HALF_EVEN);
    }

    /** Parses a venue decimal string exactly, then normalises to scale 18. */
    public static BigDecimal parse(String s) {
        return value(new BigDecimal(s));
    }

    /** {@code v * bps / 10000} at scale 18, HALF_EVEN. */
    public static BigDecimal bps(BigDecimal v, BigDecimal bps) {
        return value(v.multiply(bps).divide(BPS, SCALE + 4, RoundingMode.HALF_EVEN));
    }

    /** Rounds {@code v} down to a whole number of {@code step} (lot sizing never rounds up). */
    public static BigDecimal floorToStep(BigDecimal v, BigDecimal step) {
        if (step.signum() == 0) {
            return value(v);
        }
        return value(v.divide(step, 0, RoundingMode.DOWN).multiply(step));
    }

    /** True when {@code v} is a whole multiple of {@code step} (a zero step accepts everything). */
    public static boolean isMultiple(BigDecimal v, BigDecimal step) {
        return step.signum() == 0 || v.remainder(step).signum() == 0;
    }

    public static boolean isPositive(BigDecimal v) {
        return v != null && v.signum() > 0;
    }
}
