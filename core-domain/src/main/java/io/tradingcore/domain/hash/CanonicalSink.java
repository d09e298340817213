package io.tradingcore.domain.hash;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * Where {@link Canonical}'s bytes go: a buffer that reaches its SHA-256 in bulk when full (one
 * {@code MessageDigest.update} per 8 KiB instead of one per piece of text), or, without a digest, keeps every byte
 * (a memoised record's text, {@link Canonical#text}). Numbers, hex and strings are written straight into the buffer as
 * their UTF-8 text (no String, StringBuilder or boxing per value). Not thread-safe.
 */
final class CanonicalSink {
    private static final int SIZE = 8192;
    private static final byte[] LONG_MIN = "-9223372036854775808".getBytes(StandardCharsets.US_ASCII);

    private byte[] buf;
    private int pos;
    /** Null: the sink keeps what is written (the buffer grows). */
    private final MessageDigest digest;
    /** Whether a hash is being written into this sink (a nested one takes another sink). */
    boolean busy;

    private CanonicalSink(MessageDigest digest, int size) {
        this.digest = digest;
        this.buf = new byte[size];
    }

    /** A sink whose bytes go to {@code digest}. */
    static CanonicalSink digesting(MessageDigest digest) {
        return new CanonicalSink(digest, SIZE);
    }

    /** A sink that keeps its bytes. */
    static CanonicalSink keeping() {
        return new CanonicalSink(null, 256);
    }

    /** Forgets what was written and not yet digested (and resets the digest). */
    CanonicalSink reset() {
        pos = 0;
        if (digest != null) {
            digest.reset();
        }
        return this;
    }

    /** The SHA-256 of everything written since the reset. */
    byte[] digest() {
        digest.update(buf, 0, pos);
        pos = 0;
        return digest.digest();
    }

    /** The bytes kept since the reset (a sink without digest). */
    byte[] bytes() {
        return Arrays.copyOf(buf, pos);
    }

    /** The kept bytes as UTF-8 text. */
    String text() {
        return new String(buf, 0, pos, StandardCharsets.UTF_8);
    }

    private void room(int n) {
        if (buf.length - pos < n) {
            makeRoom(n);
        }
    }

    private void makeRoom(int n) {
        if (digest != null) {
            digest.update(buf, 0, pos);
            pos = 0;
            if (n <= buf.length) {
                return;
            }
        }
        buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + n));
    }

    void put(byte b) {
        if (pos == buf.length) {
            makeRoom(1);
        }
        buf[pos++] = b;
    }

    void put(char ascii) {
        put((byte) ascii);
    }

    void put(byte[] bytes) {
        int n = bytes.length;
        if (digest != null && n > SIZE) {
            digest.update(buf, 0, pos);
            pos = 0;
            digest.update(bytes);
            return;
        }
        room(n);
        System.arraycopy(bytes, 0, buf, pos, n);
        pos += n;
    }

    /** {@code v} in decimal as Long.toString writes it. */
    void putLong(long v) {
        if (v == Long.MIN_VALUE) {
            put(LONG_MIN);
            return;
        }
        room(20);
        if (v < 0) {
            buf[pos++] = '-';
            v = -v;
        }
        int n = 1;
        for (long p = 10; n < 19 && v >= p; p *= 10) {
            n++;
        }
        int end = pos + n;
        for (int p = end - 1; p >= pos; p--) {
            buf[p] = (byte) ('0' + v % 10);
            v /= 10;
        }
        pos = end;
    }

    /** {@code v} (0 <= v < 10^width) as exactly {@code width} decimal digits, zeros first. */
    void putDigits(long v, int width) {
        room(width);
        for (int p = pos + width - 1; p >= pos; p--) {
            buf[p] = (byte) ('0' + v % 10);
            v /= 10;
        }
        pos += width;
    }

    /** {@code v} as Long.toHexString writes it (unsigned, lower case, no leading zeros). */
    void putHex(long v) {
        int digits = Math.max(1, (67 - Long.numberOfLeadingZeros(v)) / 4);
        if (digits < 16) {
            putHex(v, digits);
            return;
        }
        // all 16 digits (the bits of most doubles): eight at a time, one nibble per byte, stored big-endian
        room(16);
        BIG_ENDIAN_LONGS.set(buf, pos, hexDigits(v >>> 32));
        BIG_ENDIAN_LONGS.set(buf, pos + 8, hexDigits(v & 0xFFFF_FFFFL));
        pos += 16;
    }

    /**
     * A UUID as UUID.toString writes it (8-4-4-4-12 lower-case hex digits): the digits of each half eight at a time,
     * stored in the groups' places.
     */
    void putUuid(long msb, long lsb) {
        room(36);
        long a = hexDigits(msb >>> 32);
        long b = hexDigits(msb & 0xFFFF_FFFFL);
        long c = hexDigits(lsb >>> 32);
        long d = hexDigits(lsb & 0xFFFF_FFFFL);
        byte[] o = buf;
        int p = pos;
        BIG_ENDIAN_LONGS.set(o, p, a);
        o[p + 8] = '-';
        BIG_ENDIAN_INTS.set(o, p + 9, (int) (b >>> 32));
        o[p + 13] = '-';
        BIG_ENDIAN_INTS.set(o, p + 14, (int) b);
        o[p + 18] = '-';
        BIG_ENDIAN_INTS.set(o, p + 19, (int) (c >>> 32));
        o[p + 23] = '-';
        BIG_ENDIAN_INTS.set(o, p + 24, (int) c);
        BIG_ENDIAN_LONGS.set(o, p + 28, d);
        pos = p + 36;
    }

    private static final java.lang.invoke.VarHandle BIG_ENDIAN_LONGS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.BIG_ENDIAN);
    private static final java.lang.invoke.VarHandle BIG_ENDIAN_INTS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(int[].class, java.nio.ByteOrder.BIG_ENDIAN);

    /** The 8 hex digits of the low 32 bits of {@code x} as ASCII bytes, the most significant in the high byte. */
    private static long hexDigits(long x) {
        x = (x | x << 16) & 0x0000_FFFF_0000_FFFFL;
        x = (x | x << 8) & 0x00FF_00FF_00FF_00FFL;
        x = (x | x << 4) & 0x0F0F_0F0F_0F0F_0F0FL;
        // 1 in each byte whose nibble is 10..15, where 'a' - '0' - 10 = 39 is added
        long letters = (x + 0x0606_0606_0606_0606L) >>> 4 & 0x0101_0101_0101_0101L;
        return x + 0x3030_3030_3030_3030L + letters * 39;
    }

    /** The low {@code digits} hex digits of {@code v}, zeros first. */
    private void putHex(long v, int digits) {
        room(digits);
        byte[] b = buf;
        for (int p = pos + digits - 1; p >= pos; p--) {
            int n = (int) v & 0xF;
            // '0'..'9', then 'a'..'f' (39 = 'a' - '0' - 10 added when n > 9)
            b[p] = (byte) ('0' + n + ((9 - n) >> 31 & 39));
            v >>>= 4;
        }
        pos += digits;
    }

    /** {@code s} in UTF-8 (as String.getBytes writes it: an unpaired surrogate as '?'). */
    void putString(String s) {
        int n = s.length();
        if (n <= SIZE) {
            room(n);
            int p = pos;
            for (int i = 0; i < n; i++) {
                char c = s.charAt(i);
                if (c >= 0x80) {
                    put(s.getBytes(StandardCharsets.UTF_8));
                    return;
                }
                buf[p++] = (byte) c;
            }
            pos = p;
            return;
        }
        put(s.getBytes(StandardCharsets.UTF_8));
    }
}
