package io.tradingcore.domain.hash;

/**
 * How the DATA step hash (also run_context.data_snapshot_hash) is computed from the rows a cycle read: the asset
 * inputs (asset, its closed candles, book snapshot, freshness), in asset order. docs/persistence.md, "DATA hash
 * formats".
 *
 * <p>Hours are hashed in {@link #CURRENT}. A replay recomputes an hour stored in an earlier format in that format:
 * it is accepted only if that format's hash of the replayed inputs equals the stored hash exactly.
 */
public enum DataHashFormat {
    /** SHA-256 of the canonical text of the inputs, every candle written out in full (before 2026-12-06). */
    V1(""),
    /**
     * SHA-256 of {@code "data/2;"} followed by the canonical text of the inputs in which each candle is replaced by
     * the byte 0xFF and the 32 bytes of SHA-256 of the candle's own canonical text ({@link Canonical#sha256OfDigests}):
     * a candle is hashed once, the hourly window is a hash of its candles' digests.
     */
    V2("data/2;");

    /** The format new hours are hashed in. */
    public static final DataHashFormat CURRENT = V2;

    private final String prefix;

    DataHashFormat(String prefix) {
        this.prefix = prefix;
    }

    /** What the hashed bytes start with (empty for V1, whose bytes are the canonical text alone). */
    public String prefix() {
        return prefix;
    }
}
