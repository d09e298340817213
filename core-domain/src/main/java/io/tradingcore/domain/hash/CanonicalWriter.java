package io.tradingcore.domain.hash;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.RandomAccess;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.UUID;

/**
 * Writes the canonical text of a value ({@link Canonical}: the format is described there) into a {@link CanonicalSink}
 * as UTF-8 bytes: records through their {@link RecordPlan}, scalars straight into the sink's buffer.
 */
final class CanonicalWriter {
    private static final byte[] DECIMAL = ascii("n:");
    private static final byte[] DOUBLE = ascii("d:");
    private static final byte[] INTEGER = ascii("i:");
    private static final byte[] INSTANT = ascii("t:");
    private static final byte[] UUID_MARK = ascii("u:");
    static final byte[] NULL = ascii("~");

    /** {@code e:NAME} of each constant of an enum class, by ordinal. */
    private static final ClassValue<byte[][]> ENUM_TEXTS = new ClassValue<>() {
        @Override
        protected byte[][] computeValue(Class<?> type) {
            Object[] constants = type.getEnumConstants();
            byte[][] texts = new byte[constants.length][];
            for (int i = 0; i < constants.length; i++) {
                texts[i] = ("e:" + ((Enum<?>) constants[i]).name()).getBytes(StandardCharsets.UTF_8);
            }
            return texts;
        }
    };

    private CanonicalWriter() {
    }

    /** {@code e:NAME} of each constant of enum class {@code type}, by ordinal. */
    static byte[][] enumTexts(Class<?> type) {
        return ENUM_TEXTS.get(type);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** The canonical text of {@code v}; records of the memo's types as the memo holds them. */
    static void write(CanonicalSink out, Object v, Canonical.Memo memo) {
        if (v == null) {
            out.put('~');
        } else if (v instanceof Record r) {
            // before the other types: a record is none of them (and a record that is also a List is written as a record)
            if (memo != null && memo.keeps(r)) {
                memo.emit(out, r);
            } else {
                RecordPlan.of(r.getClass()).write(out, r, memo);
            }
        } else if (v instanceof BigDecimal d) {
            writeDecimal(out, d);
        } else if (v instanceof Double d) {
            writeDouble(out, d);
        } else if (v instanceof Float f) {
            writeDouble(out, f);
        } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            writeLong(out, ((Number) v).longValue());
        } else if (v instanceof Boolean b) {
            out.put(b ? 'T' : 'F');
        } else if (v instanceof String s) {
            writeString(out, s);
        } else if (v instanceof Enum<?> e) {
            out.put(ENUM_TEXTS.get(e.getDeclaringClass())[e.ordinal()]);
        } else if (v instanceof Instant i) {
            out.put(INSTANT);
            CanonicalScalars.writeInstant(out, i);
        } else if (v instanceof UUID u) {
            writeUuid(out, u);
        } else if (v instanceof Optional<?> o) {
            write(out, o.orElse(null), memo);
        } else if (v instanceof List<?> || v instanceof SortedSet<?>) {
            writeElements(out, (Collection<?>) v, memo);
        } else if (v instanceof SortedMap<?, ?> m) {
            out.put('{');
            for (Map.Entry<?, ?> e : m.entrySet()) {
                write(out, e.getKey(), memo);
                out.put('=');
                write(out, e.getValue(), memo);
                out.put(',');
            }
            out.put('}');
        } else {
            throw new IllegalArgumentException("no canonical form for " + v.getClass().getName()
                    + " (use a record, List, SortedMap or SortedSet)");
        }
    }

    private static void writeElements(CanonicalSink out, Collection<?> c, Canonical.Memo memo) {
        out.put('[');
        if (c instanceof List<?> list && c instanceof RandomAccess) {
            for (int i = 0, n = list.size(); i < n; i++) {
                write(out, list.get(i), memo);
                out.put(',');
            }
        } else {
            for (Object o : c) {
                write(out, o, memo);
                out.put(',');
            }
        }
        out.put(']');
    }

    /** {@code d:} and the hex of the IEEE bits (Double.toString changed between JDKs). */
    static void writeDouble(CanonicalSink out, double d) {
        out.put(DOUBLE);
        out.putHex(Double.doubleToLongBits(d));
    }

    /** {@code n:} and the decimal at scale 18, or {@code ~}. */
    static void writeDecimal(CanonicalSink out, BigDecimal d) {
        if (d == null) {
            out.put('~');
            return;
        }
        out.put(DECIMAL);
        CanonicalScalars.writeDecimal(out, d);
    }

    /** {@code s<length>:} and the string (length in UTF-16 units, as String.length), or {@code ~}. */
    static void writeString(CanonicalSink out, String s) {
        if (s == null) {
            out.put('~');
            return;
        }
        out.put('s');
        out.putLong(s.length());
        out.put(':');
        out.putString(s);
    }

    static void writeLong(CanonicalSink out, long v) {
        out.put(INTEGER);
        out.putLong(v);
    }

    /** {@code u:} and UUID.toString's 8-4-4-4-12 lower-case hex digits. */
    private static void writeUuid(CanonicalSink out, UUID u) {
        out.put(UUID_MARK);
        out.putUuid(u.getMostSignificantBits(), u.getLeastSignificantBits());
    }
}
