package io.tradingcore.domain.hash;

import io.tradingcore.domain.Decimals;
import io.tradingcore.domain.DeterministicIds;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.UUID;

/**
 * Canonical text of a value, and its SHA-256: the basis of step hashes compared across replays.
 * Records are written component by component in declaration order (a fixed field order); BigDecimal
 * as toPlainString at scale 18 (so 1.5 and 1.50 hash alike); double as the hex of its IEEE bits
 * (Double.toString changed between JDKs); strings length-prefixed; lists in their order; maps and
 * sets only when sorted (an unordered collection would make the hash depend on iteration order, so it
 * is refused). A value of an unsupported type is refused rather than hashed by toString.
 */
public final class Canonical {
    private Canonical() {
    }

    /** Lower-case hex SHA-256 of the canonical text of {@code value}. */
    public static String sha256(Object value) {
        return DeterministicIds.sha256Hex(text(value).getBytes(StandardCharsets.UTF_8));
    }

    /** The canonical text of {@code value}. */
    public static String text(Object value) {
        StringBuilder sb = new StringBuilder();
        write(sb, value);
        return sb.toString();
    }

    private static void write(StringBuilder sb, Object v) {
        if (v == null) {
            sb.append('~');
        } else if (v instanceof BigDecimal d) {
            sb.append("n:").append(Decimals.canonical(d));
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
            sb.append("t:").append(i);
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
        sb.append(r.getClass().getSimpleName()).append('(');
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            sb.append(c.getName()).append('=');
            try {
                var accessor = c.getAccessor();
                accessor.setAccessible(true);
                write(sb, accessor.invoke(r));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + r.getClass().getName() + "." + c.getName(), e);
            }
            sb.append(';');
        }
        sb.append(')');
    }
}
