package io.tradingcore.domain;

/** Typed id (SMALLINT in the schema); must be positive. */
public record AssetId(short value) implements Comparable<AssetId> {
    public AssetId {
        if (value <= 0) {
            throw new IllegalArgumentException("AssetId must be positive, was " + value);
        }
    }

    public static AssetId of(int value) {
        if (value > Short.MAX_VALUE) {
            throw new IllegalArgumentException("AssetId must fit a SMALLINT, was " + value);
        }
        return new AssetId((short) value);
    }

    @Override
    public int compareTo(AssetId o) {
        return Short.compare(value, o.value);
    }

    @Override
    public String toString() {
        return Short.toString(value);
    }
}
