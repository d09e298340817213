package io.tradingcore.domain.hash;

import io.tradingcore.domain.Decimals;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The canonical text of {@link Canonical}'s scalars that are written most: a decimal as toPlainString at scale 18
 * (from the unscaled long when it fits, without rescaling) and an instant as {@link Instant#toString} writes it (whole
 * seconds of years 0-9999 without the formatter).
 */
final class CanonicalScalars {

    private CanonicalScalars() {
    }

    /**
     * {@link Decimals#canonical} without BigInteger.toString (the cost of hashing candles): at scale 18
     * the unscaled value splits into an integer part and 18 fraction digits, each a long when small.
     */
    static void writeDecimal(CanonicalSink sb, BigDecimal d) {
        int scale = d.scale();
        if (scale >= 0 && scale <= Decimals.SCALE) {
            // exact at scale 18 without rounding: integer part and fraction from the unscaled long alone
            java.math.BigInteger u = d.unscaledValue();
            if (u.bitLength() < 63) {
                long v = u.longValue();
                long p = POW10[scale];
                long ip = Math.abs(v / p);
                long frac = Math.abs(v % p) * POW10[Decimals.SCALE - scale];
                if (v < 0) {
                    sb.put('-');
                }
                sb.putLong(ip);
                sb.put('.');
                sb.putDigits(frac, Decimals.SCALE);
                return;
            }
            if (writeWide(sb, u, scale)) {
                return;
            }
        }
        BigDecimal v = d.setScale(Decimals.SCALE, java.math.RoundingMode.HALF_EVEN);
        java.math.BigInteger unscaled = v.unscaledValue();
        java.math.BigInteger[] qr = unscaled.abs().divideAndRemainder(TEN_18);
        if (qr[0].bitLength() > 62) {
            sb.putString(v.toPlainString());
            return;
        }
        if (unscaled.signum() < 0) {
            sb.put('-');
        }
        sb.putLong(qr[0].longValue());
        sb.put('.');
        sb.putDigits(qr[1].longValue(), Decimals.SCALE);
    }

    /**
     * An unscaled value beyond a long (a price at scale 18 is one) whose integer part is below 2^51, without BigInteger
     * division: the integer part estimated in double (off by at most one), then corrected exactly on the low 64 bits of
     * the unscaled value, where the remainder |u| - ip * 10^scale lies within a long. False when the integer part is too
     * large for the estimate.
     */
    private static boolean writeWide(CanonicalSink sb, java.math.BigInteger u, int scale) {
        long p = POW10[scale];
        double q = Math.abs(u.doubleValue()) / p;
        if (!(q < 0x1p51)) {
            return false;
        }
        long ip = (long) q;
        long low = u.signum() < 0 ? -u.longValue() : u.longValue();
        long rem = low - ip * p;
        while (rem < 0) {
            ip--;
            rem += p;
        }
        while (rem >= p) {
            ip++;
            rem -= p;
        }
        if (u.signum() < 0) {
            sb.put('-');
        }
        sb.putLong(ip);
        sb.put('.');
        sb.putDigits(rem * POW10[Decimals.SCALE - scale], Decimals.SCALE);
        return true;
    }

    private static final long[] POW10 = new long[Decimals.SCALE + 1];

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
    }

    private static final java.math.BigInteger TEN_18 = java.math.BigInteger.TEN.pow(Decimals.SCALE);

    /** ISO-8601 as Instant.toString writes it; whole seconds of years 0-9999 (every hour we hash) without the formatter. */
    static void writeInstant(CanonicalSink sb, Instant i) {
        long epochSecond = i.getEpochSecond();
        if (i.getNano() != 0 || epochSecond < MIN_FAST || epochSecond >= MAX_FAST) {
            sb.putString(i.toString());
            return;
        }
        long days = Math.floorDiv(epochSecond, 86_400L);
        int secs = (int) Math.floorMod(epochSecond, 86_400L);
        java.time.LocalDate d = java.time.LocalDate.ofEpochDay(days);
        sb.putDigits(d.getYear(), 4);
        sb.put('-');
        sb.putDigits(d.getMonthValue(), 2);
        sb.put('-');
        sb.putDigits(d.getDayOfMonth(), 2);
        sb.put('T');
        sb.putDigits(secs / 3600, 2);
        sb.put(':');
        sb.putDigits(secs / 60 % 60, 2);
        sb.put(':');
        sb.putDigits(secs % 60, 2);
        sb.put('Z');
    }

    private static final long MIN_FAST = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
    private static final long MAX_FAST = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
}
