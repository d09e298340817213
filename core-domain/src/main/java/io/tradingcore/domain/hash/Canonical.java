package io.tradingcore.domain.hash;

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

    /**
     * As {@link #sha256(Object)}, reusing the canonical text of records {@code memo} has already written
     * (the same instances, e.g. the candles of a window that moves by one hour). Same result as without.
     */
    public static String sha256(Object value, Memo memo) {
        // the text goes to the digest as it is written: a memoised record's UTF-8 bytes straight from the memo
        // (the text between them encoded as it comes), never the whole text as one string; the bytes digested
        // are exactly those of text(value) in UTF-8 (split only between whole characters)
        if (memo.digests) {
            throw new IllegalArgumentException("a Memo.digests memo hashes by sha256OfDigests, not as canonical text");
        }
        return digest(memo.digest(), value, memo);
    }

    /** Feeds the canonical text of {@code value} (memoised records as the memo writes them) to {@code digest}; its hex. */
    private static String digest(java.security.MessageDigest digest, Object value, Memo memo) {
        StringBuilder sb = memo.sb;
        sb.setLength(0);
        try {
            write(sb, value, memo);
            memo.drain(sb);
        } finally {
            memo.nextGeneration();
        }
        return java.util.HexFormat.of().formatHex(digest.digest());
    }

    /** The byte that stands before a record's 32-byte digest in {@link #sha256OfDigests} (0xFF never occurs in UTF-8). */
    public static final byte DIGEST_MARK = (byte) 0xFF;

    /**
     * SHA-256 of {@code prefix} (UTF-8) followed by the canonical text of {@code value} in which every record of the
     * memo's types ({@link Memo#digests}) is replaced by {@link #DIGEST_MARK} and the 32 bytes of SHA-256 of that
     * record's own canonical text. 0xFF never occurs in UTF-8, so the stream reads back unambiguously.
     */
    public static String sha256OfDigests(String prefix, Object value, Memo memo) {
        if (!memo.digests) {
            throw new IllegalArgumentException("the memo must be made by Memo.digests");
        }
        java.security.MessageDigest digest = memo.digest();
        digest.update(prefix.getBytes(StandardCharsets.UTF_8));
        return digest(digest, value, memo);
    }

    private static java.security.MessageDigest newSha256() {
        try {
            return java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** The canonical text of {@code value}. */
    public static String text(Object value) {
        StringBuilder sb = new StringBuilder();
        write(sb, value);
        return sb.toString();
    }

    /**
     * Canonical texts of record instances (by identity, so a value is never mistaken for an equal one
     * with another text) kept for one generation: an instance not written again in the next call is
     * forgotten, which bounds the memory to about two calls' records. Only records of the given types
     * are kept (those that recur between calls). Not thread-safe.
     */
    public static final class Memo {
        private final java.util.Set<Class<?>> types;
        /** Whether a memoised record is digested as {@link #DIGEST_MARK} + the SHA-256 of its text instead of the text. */
        private final boolean digests;

        public Memo(Class<?>... recordTypes) {
            this(false, recordTypes);
        }

        private Memo(boolean digests, Class<?>... recordTypes) {
            this.types = java.util.Set.of(recordTypes);
            this.digests = digests;
        }

        /**
         * A memo for {@link #sha256OfDigests}: each record of the given types enters the hash as the byte
         * {@link #DIGEST_MARK} followed by the 32 bytes of the SHA-256 of its canonical text (computed once per
         * instance while the instance recurs), so a window that moves by one record re-hashes 33 bytes per
         * record instead of its whole text.
         */
        public static Memo digests(Class<?>... recordTypes) {
            return new Memo(true, recordTypes);
        }

        /**
         * The records of the previous and of the current call with their bytes, in the order written. A record that
         * recurs is looked up where the one after the last hit stood (a window that moved by one hour repeats the
         * previous call's sequence), else by a scan of the previous call's records: pointer comparisons, cheaper
         * than hashing every record into an identity map.
         */
        private Object[] previousKeys = new Object[0];
        private byte[][] previousBytes = new byte[0][];
        private int previousSize;
        private Object[] currentKeys = new Object[64];
        private byte[][] currentBytes = new byte[64][];
        private int currentSize;
        /** Where in the previous call's records the next record is expected. */
        private int cursor;
        /** Reused between calls: the text written since the last memoised record, its encoding, the digest. */
        private final StringBuilder sb = new StringBuilder(1024);
        private byte[] buffer = new byte[1024];
        private java.security.MessageDigest digest;

        private java.security.MessageDigest digest() {
            if (digest == null) {
                digest = newSha256();
            }
            digest.reset();
            return digest;
        }

        /** The record's canonical text in UTF-8, as written before (this or the previous call) or now. */
        byte[] bytes(Record r) {
            byte[] t = null;
            if (cursor < previousSize && previousKeys[cursor] == r) {
                t = previousBytes[cursor++];
            } else {
                for (int k = 0; k < previousSize; k++) {
                    if (previousKeys[k] == r) {
                        t = previousBytes[k];
                        cursor = k + 1;
                        break;
                    }
                }
            }
            if (t == null) {
                StringBuilder text = new StringBuilder(128);
                writeRecord(text, r, null);
                t = text.toString().getBytes(StandardCharsets.UTF_8);
                if (digests) {
                    t = recordDigest().digest(t);
                }
            }
            if (currentSize == currentKeys.length) {
                currentKeys = java.util.Arrays.copyOf(currentKeys, currentSize * 2);
                currentBytes = java.util.Arrays.copyOf(currentBytes, currentSize * 2);
            }
            currentKeys[currentSize] = r;
            currentBytes[currentSize++] = t;
            return t;
        }

        /** Digests the text written so far and the record's memoised bytes (or mark and digest) after it. */
        void emit(StringBuilder written, Record r) {
            drain(written);
            if (digests) {
                digest.update(DIGEST_MARK);
            }
            digest.update(bytes(r));
        }

        private java.security.MessageDigest recordDigest;

        /** A second SHA-256 for one record's text (the main one is mid-way through the value). */
        private java.security.MessageDigest recordDigest() {
            if (recordDigest == null) {
                recordDigest = newSha256();
            }
            return recordDigest;
        }

        /** Digests {@code written} as UTF-8 and empties it. */
        void drain(StringBuilder written) {
            int n = written.length();
            if (n == 0) {
                return;
            }
            if (buffer.length < n) {
                buffer = new byte[Math.max(n, buffer.length * 2)];
            }
            for (int i = 0; i < n; i++) {
                char ch = written.charAt(i);
                if (ch >= 0x80) {
                    // not ASCII: the JDK's encoder for the whole piece (it holds whole characters only)
                    digest.update(written.toString().getBytes(StandardCharsets.UTF_8));
                    written.setLength(0);
                    return;
                }
                buffer[i] = (byte) ch;
            }
            digest.update(buffer, 0, n);
            written.setLength(0);
        }

        void nextGeneration() {
            Object[] keys = previousKeys;
            byte[][] bytes = previousBytes;
            previousKeys = currentKeys;
            previousBytes = currentBytes;
            previousSize = currentSize;
            // the older arrays are reused for the next call, emptied so that they hold no record alive
            currentKeys = keys.length >= 64 ? keys : new Object[64];
            currentBytes = bytes.length >= 64 ? bytes : new byte[64][];
            java.util.Arrays.fill(currentKeys, null);
            java.util.Arrays.fill(currentBytes, null);
            currentSize = 0;
            cursor = 0;
        }
    }

    private static void write(StringBuilder sb, Object v) {
        write(sb, v, null);
    }

    private static void write(StringBuilder sb, Object v, Memo memo) {
        if (v == null) {
            sb.append('~');
        } else if (v instanceof BigDecimal d) {
            sb.append("n:");
            CanonicalScalars.writeDecimal(sb, d);
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
            CanonicalScalars.writeInstant(sb, i);
        } else if (v instanceof UUID u) {
            sb.append("u:").append(u);
        } else if (v instanceof Optional<?> o) {
            write(sb, o.orElse(null), memo);
        } else if (v instanceof Record r) {
            if (memo != null && memo.types.contains(r.getClass())) {
                memo.emit(sb, r);
            } else {
                writeRecord(sb, r, memo);
            }
        } else if (v instanceof List<?> || v instanceof SortedSet<?>) {
            sb.append('[');
            for (Object o : (Collection<?>) v) {
                write(sb, o, memo);
                sb.append(',');
            }
            sb.append(']');
        } else if (v instanceof SortedMap<?, ?> m) {
            sb.append('{');
            for (Map.Entry<?, ?> e : m.entrySet()) {
                write(sb, e.getKey(), memo);
                sb.append('=');
                write(sb, e.getValue(), memo);
                sb.append(',');
            }
            sb.append('}');
        } else {
            throw new IllegalArgumentException("no canonical form for " + v.getClass().getName()
                    + " (use a record, List, SortedMap or SortedSet)");
        }
    }

    private static void writeRecord(StringBuilder sb, Record r, Memo memo) {
        Shape shape = SHAPES.get(r.getClass());
        sb.append(shape.name).append('(');
        for (int i = 0; i < shape.accessors.length; i++) {
            sb.append(shape.componentNames[i]).append('=');
            try {
                write(sb, shape.accessors[i].invoke(r), memo);
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
}
