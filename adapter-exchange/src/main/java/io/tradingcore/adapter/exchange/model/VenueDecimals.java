package io.tradingcore.adapter.exchange.model;

import io.tradingcore.domain.Decimals;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The venue's decimal helpers the domain's {@link Decimals} does not have (scale 18 and HALF_EVEN values are the
 * domain's): parsing a venue string, basis points of a value, lot steps.
 */
public final class VenueDecimals {
    private static final BigDecimal BPS = new BigDecimal("10000");

    private VenueDecimals() {
    }

    /** Parses a venue decimal string exactly, then normalises to scale 18 (HALF_EVEN). */
    public static BigDecimal parse(String s) {
        return Decimals.value(new BigDecimal(s));
    }

    /** {@code v * bps / 10000} at scale 18, HALF_EVEN. */
    public static BigDecimal bps(BigDecimal v, BigDecimal bps) {
        return Decimals.value(v.multiply(bps).divide(BPS, Decimals.SCALE + 4, RoundingMode.HALF_EVEN));
    }

    /** Rounds {@code v} down to a whole number of {@code step} (lot sizing never rounds up). */
    public static BigDecimal floorToStep(BigDecimal v, BigDecimal step) {
        if (step.signum() == 0) {
            return Decimals.value(v);
        }
        return Decimals.value(v.divide(step, 0, RoundingMode.DOWN).multiply(step));
    }

    /** True when {@code v} is a whole multiple of {@code step} (a zero step accepts everything). */
    public static boolean isMultiple(BigDecimal v, BigDecimal step) {
        return step.signum() == 0 || v.remainder(step).signum() == 0;
    }
}
