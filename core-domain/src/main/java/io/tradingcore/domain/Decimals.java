package io.tradingcore.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * Fixed-point helpers for NUMERIC(38,18): every money, price and quantity value in the domain is a
 * BigDecimal at scale 18. HALF_EVEN for values, DOWN for sizing quantities (never buy more than paid for).
 */
public final class Decimals {
    /** Scale of every monetary column in the schema. */
    public static final int SCALE = 18;
    /** Largest absolute value NUMERIC(38,18) holds: 20 integer digits. */
    public static final BigDecimal MAX_ABS = new BigDecimal("99999999999999999999.999999999999999999");
    /** Zero at scale 18. */
    public static final BigDecimal ZERO = BigDecimal.ZERO.setScale(SCALE);
    /** One at scale 18. */
    public static final BigDecimal ONE = BigDecimal.ONE.setScale(SCALE);

    private Decimals() {
    }

    /** A computed value rounded HALF_EVEN to scale 18. */
    public static BigDecimal value(BigDecimal v) {
        return checkRange(Objects.requireNonNull(v, "value").setScale(SCALE, RoundingMode.HALF_EVEN));
    }

    /** A sizing quantity rounded DOWN to scale 18. */
    public static BigDecimal quantity(BigDecimal v) {
        return checkRange(Objects.requireNonNull(v, "quantity").setScale(SCALE, RoundingMode.DOWN));
    }

    /**
     * An input value that must already fit scale 18 exactly (market data, venue fills): it is never
     * silently rounded.
     *
     * @throws IllegalArgumentException naming {@code field} if it has more than 18 decimals or is out of range
     */
    public static BigDecimal exact(BigDecimal v, String field) {
        Objects.requireNonNull(v, field);
        try {
            return checkRange(v.setScale(SCALE, RoundingMode.UNNECESSARY), field);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(field + " has more than " + SCALE + " decimals: " + v.toPlainString());
        }
    }

    /** Parses a decimal string into an exact scale-18 value. */
    public static BigDecimal of(String s) {
        return exact(new BigDecimal(s), "decimal");
    }

    /** a / b rounded HALF_EVEN to scale 18. */
    public static BigDecimal divide(BigDecimal a, BigDecimal b) {
        return a.divide(b, SCALE, RoundingMode.HALF_EVEN);
    }

    /** a / b rounded DOWN to scale 18 (sizing). */
    public static BigDecimal divideDown(BigDecimal a, BigDecimal b) {
        return a.divide(b, SCALE, RoundingMode.DOWN);
    }

    /** a * b rounded HALF_EVEN to scale 18. */
    public static BigDecimal multiply(BigDecimal a, BigDecimal b) {
        return value(a.multiply(b));
    }

    /** Canonical text of a value for hashing: scale 18, plain notation. */
    public static String canonical(BigDecimal v) {
        return v.setScale(SCALE, RoundingMode.HALF_EVEN).toPlainString();
    }

    /** Basis points (1 bp = 0.0001) as a fraction at scale 18. */
    public static BigDecimal bps(BigDecimal basisPoints) {
        return divide(basisPoints, BigDecimal.valueOf(10_000));
    }

    /** True if v &gt; 0. */
    public static boolean isPositive(BigDecimal v) {
        return v.signum() > 0;
    }

    private static BigDecimal checkRange(BigDecimal v) {
        return checkRange(v, "value");
    }

    private static BigDecimal checkRange(BigDecimal v, String field) {
        if (v.abs().compareTo(MAX_ABS) > 0) {
            throw new IllegalArgumentException(field + " exceeds NUMERIC(38,18): " + v.toPlainString());
        }
        return v;
    }
}
