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
