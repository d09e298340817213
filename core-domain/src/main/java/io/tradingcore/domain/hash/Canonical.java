package io.tradingcore.domain.hash;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Set;

/**
 * Canonical text of a value, and its SHA-256: the basis of step hashes compared across replays.
 * Records are written component by component in declaration order (a fixed field order); BigDecimal
 * as toPlainString at scale 18 (so 1.5 and 1.50 hash alike); double as the hex of its IEEE bits
 * (Double.toString changed between JDKs); strings length-prefixed; lists in their order; maps and
 * sets only when sorted (an unordered collection would make the hash depend on iteration order, so it
 * is refused). A value of an unsupported type is refused rather than hashed by toString.
 *
 * <p>The text is written as UTF-8 bytes straight into the digest's buffer ({@link CanonicalWriter}, {@link RecordPlan},
 * {@link CanonicalSink}); the bytes are those of the text described here (pinned by the golden tests and compared with
 * the reflective StringBuilder writer it replaced on random values by CanonicalWriterPropertyTest).
 */
public final class Canonical {
    /** Each thread's sink for hashes without a memo (the cycle's step hashes): no digest or buffer made per hash. */
    private static final ThreadLocal<CanonicalSink> SINKS = ThreadLocal.withInitial(() -> CanonicalSink.digesting(newSha256()));

    private Canonical() {
    }

    /** Lower-case hex SHA-256 of the canonical text of {@code value}. */
    public static String sha256(Object value) {
        CanonicalSink sink = SINKS.get();
        if (sink.busy) {
            // a hash computed while writing another one (an accessor that hashes): a sink of its own
            sink = CanonicalSink.digesting(newSha256());
        }
        sink.busy = true;
        try {
            CanonicalWriter.write(sink.reset(), value, null);
            return HexFormat.of().formatHex(sink.digest());
        } finally {
            sink.busy = false;
        }
    }

    /**
     * As {@link #sha256(Object)}, reusing the canonical text of records {@code memo} has already written
     * (the same instances, e.g. the candles of a window that moves by one hour). Same result as without.
     */
    public static String sha256(Object value, Memo memo) {
        if (memo.digests) {
            throw new IllegalArgumentException("a Memo.digests memo hashes by sha256OfDigests, not as canonical text");
        }
        return digest(memo.sink.reset(), value, memo);
    }

    /** Writes {@code value} (memoised records as the memo holds them) after what {@code sink} holds; the hex SHA-256. */
    private static String digest(CanonicalSink sink, Object value, Memo memo) {
        try {
            CanonicalWriter.write(sink, value, memo);
            return HexFormat.of().formatHex(sink.digest());
        } finally {
            memo.nextGeneration();
        }
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
        CanonicalSink sink = memo.sink.reset();
        sink.putString(prefix);
        return digest(sink, value, memo);
    }

    static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** The canonical text of {@code value} (decoded from the UTF-8 bytes hashed: an unpaired surrogate reads '?'). */
    public static String text(Object value) {
        CanonicalSink sink = CanonicalSink.keeping();
        CanonicalWriter.write(sink, value, null);
        return sink.text();
    }

    /**
     * Canonical texts of record instances (by identity, so a value is never mistaken for an equal one
     * with another text) kept for one generation: an instance not written again in the next call is
     * forgotten, which bounds the memory to about two calls' records. Only records of the given types
     * are kept (those that recur between calls). Not thread-safe.
     */
    public static final class Memo {
        private final Set<Class<?>> types;
        /** Whether a memoised record is digested as {@link #DIGEST_MARK} + the SHA-256 of its text instead of the text. */
        private final boolean digests;
        /** Reused between calls: the sink of the value's hash, the one a new record's text is written into, its digest. */
        private final CanonicalSink sink = CanonicalSink.digesting(newSha256());
        private final CanonicalSink recordSink = CanonicalSink.keeping();
        private MessageDigest recordDigest;

        public Memo(Class<?>... recordTypes) {
            this(false, recordTypes);
        }

        private Memo(boolean digests, Class<?>... recordTypes) {
            this.types = Set.of(recordTypes);
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

        /** Whether records of this one's class are memoised. */
        boolean keeps(Record r) {
            return !types.isEmpty() && types.contains(r.getClass());
        }

        /** The record's canonical text in UTF-8 (or its SHA-256), as written before (this or the previous call) or now. */
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
                RecordPlan.of(r.getClass()).write(recordSink.reset(), r, null);
                t = recordSink.bytes();
                if (digests) {
                    t = recordDigest().digest(t);
                }
            }
            if (currentSize == currentKeys.length) {
                currentKeys = Arrays.copyOf(currentKeys, currentSize * 2);
                currentBytes = Arrays.copyOf(currentBytes, currentSize * 2);
            }
            currentKeys[currentSize] = r;
            currentBytes[currentSize++] = t;
            return t;
        }

        /** Writes the record's memoised bytes (or mark and digest) into {@code out}. */
        void emit(CanonicalSink out, Record r) {
            if (digests) {
                out.put(DIGEST_MARK);
            }
            out.put(bytes(r));
        }

        /** A second SHA-256 for one record's text (the main one is mid-way through the value). */
        private MessageDigest recordDigest() {
            if (recordDigest == null) {
                recordDigest = newSha256();
            }
            return recordDigest;
        }

        void nextGeneration() {
            Object[] keys = previousKeys;
            byte[][] bytes = previousBytes;
            int used = previousSize;
            previousKeys = currentKeys;
            previousBytes = currentBytes;
            previousSize = currentSize;
            // the older arrays are reused for the next call, emptied (as far as they were used) so that they hold no record alive
            currentKeys = keys.length >= 64 ? keys : new Object[64];
            currentBytes = bytes.length >= 64 ? bytes : new byte[64][];
            Arrays.fill(currentKeys, 0, Math.min(used, currentKeys.length), null);
            Arrays.fill(currentBytes, 0, Math.min(used, currentBytes.length), null);
            currentSize = 0;
            cursor = 0;
        }
    }
}
