package io.tradingcore.domain.hash;

import io.tradingcore.domain.Decimals;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.UUID;

/**
 * The canonical text writer as it was before the byte writer (Canonical, CanonicalScalars at 2026-12-06 04:40 UTC,
 * a77f844): a StringBuilder filled by reflection over record components. Kept in the tests as the reference the
 * byte writer is compared with (CanonicalWriterPropertyTest); stored step hashes were computed by it.
 */
final class LegacyCanonicalText {
    private LegacyCanonicalText() {
    }

    static String text(Object value) {
        StringBuilder sb = new StringBuilder();
        write(sb, value);
        return sb.toString();
    }

    private static void write(StringBuilder sb, Object v) {
        if (v == null) {
            sb.append('~');
        } else if (v instanceof BigDecimal d) {
            sb.append("n:");
            writeDecimal(sb, d);
        } else if (v instanceof Double d) {
            sb.append("d:").append(Long.toHexString(Double.doubleToLongBits(d)));
        } else if (v instanceof Float f) {
            write(sb, (double) f);
        } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            sb.append("i:").append(v);
        } else if (v instanceof Boolean b) {
            sb.append(b ? "T" : "F");
        } else if (v instanceof String s) {
            sb.append("s").append(s.length()).append(':').append(s);
        } else if (v instanceof Enum<?> e) {
            sb.append("e:").append(e.name());
        } else if (v instanceof Instant i) {
            sb.append("t:");
            writeInstant(sb, i);
        } else if (v instanceof UUID u) {
            sb.append("u:").append(u);
        } else if (v instanceof Optional<?> o) {
            write(sb, o.orElse(null));
        } else if (v instanceof Record r) {
            writeRecord(sb, r);
        } else if (v instanceof List<?> || v instanceof SortedSet<?>) {
            sb.append('[');
            for (Object o : (Collection<?>) v) {
                write(sb, o);
                sb.append(',');
            }
            sb.append(']');
        } else if (v instanceof SortedMap<?, ?> m) {
            sb.append('{');
            for (Map.Entry<?, ?> e : m.entrySet()) {
                write(sb, e.getKey());
                sb.append('=');
                write(sb, e.getValue());
                sb.append(',');
            }
            sb.append('}');
        } else {
            throw new IllegalArgumentException("no canonical form for " + v.getClass().getName()
                    + " (use a record, List, SortedMap or SortedSet)");
        }
    }

    private static void writeRecord(StringBuilder sb, Record r) {
        Shape shape = SHAPES.get(r.getClass());
        sb.append(shape.name).append('(');
        for (int i = 0; i < shape.accessors.length; i++) {
            sb.append(shape.componentNames[i]).append('=');
            try {
                write(sb, shape.accessors[i].invoke(r));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + r.getClass().getName() + "." + shape.componentNames[i], e);
            }
            sb.append(';');
        }
        sb.append(')');
    }

    /** A record class's name and accessors, looked up once per class (reflection per value was the cost). */
    private record Shape(String name, String[] componentNames, java.lang.reflect.Method[] accessors) {
    }

    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            String[] names = new String[components.length];
            java.lang.reflect.Method[] accessors = new java.lang.reflect.Method[components.length];
            for (int i = 0; i < components.length; i++) {
                names[i] = components[i].getName();
                accessors[i] = components[i].getAccessor();
                accessors[i].setAccessible(true);
            }
            return new Shape(type.getSimpleName(), names, accessors);
        }
    };

    /**
     * {@link Decimals#canonical} without BigInteger.toString (the cost of hashing candles): at scale 18
     * the unscaled value splits into an integer part and 18 fraction digits, each a long when small.
     */
    private static void writeDecimal(StringBuilder sb, BigDecimal d) {
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
                    sb.append('-');
                }
                sb.append(ip).append('.');
                appendFraction(sb, frac);
                return;
            }
        }
        BigDecimal v = d.setScale(Decimals.SCALE, java.math.RoundingMode.HALF_EVEN);
        java.math.BigInteger unscaled = v.unscaledValue();
        java.math.BigInteger[] qr = unscaled.abs().divideAndRemainder(TEN_18);
        if (qr[0].bitLength() > 62) {
            sb.append(v.toPlainString());
            return;
        }
        if (unscaled.signum() < 0) {
            sb.append('-');
        }
        sb.append(qr[0].longValue()).append('.');
        appendFraction(sb, qr[1].longValue());
    }

    /** {@code frac} (0 <= frac < 10^18) as exactly 18 digits. */
    private static void appendFraction(StringBuilder sb, long frac) {
        String digits = Long.toString(frac);
        for (int i = digits.length(); i < Decimals.SCALE; i++) {
            sb.append('0');
        }
        sb.append(digits);
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
    private static void writeInstant(StringBuilder sb, Instant i) {
        long epochSecond = i.getEpochSecond();
        if (i.getNano() != 0 || epochSecond < MIN_FAST || epochSecond >= MAX_FAST) {
            sb.append(i);
            return;
        }
        long days = Math.floorDiv(epochSecond, 86_400L);
        int secs = (int) Math.floorMod(epochSecond, 86_400L);
        java.time.LocalDate d = java.time.LocalDate.ofEpochDay(days);
        pad(sb, d.getYear(), 4).append('-');
        pad(sb, d.getMonthValue(), 2).append('-');
        pad(sb, d.getDayOfMonth(), 2).append('T');
        pad(sb, secs / 3600, 2).append(':');
        pad(sb, secs / 60 % 60, 2).append(':');
        pad(sb, secs % 60, 2).append('Z');
    }

    private static StringBuilder pad(StringBuilder sb, int v, int width) {
        for (int p = width == 4 ? 1000 : 10; p > 1 && v < p; p /= 10) {
            sb.append('0');
        }
        return sb.append(v);
    }

    private static final long MIN_FAST = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
    private static final long MAX_FAST = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
}
