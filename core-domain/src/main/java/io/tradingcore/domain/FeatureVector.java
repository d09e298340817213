package io.tradingcore.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Model inputs for one asset at one decision hour. {@code windowEnd} is the close time of the last
 * candle used and can never be later than {@code hour} (no lookahead, mirrored by the schema's CHECK).
 * Doubles are fine here: features never reach a ledger.
 */
public record FeatureVector(AssetId asset, HourTs hour, Instant windowStart, Instant windowEnd,
                            List<String> names, List<Double> values) {
    public FeatureVector {
        Objects.requireNonNull(asset, "features.asset");
        Objects.requireNonNull(hour, "features.hour");
        Objects.requireNonNull(windowStart, "features.windowStart");
        Objects.requireNonNull(windowEnd, "features.windowEnd");
        names = List.copyOf(names);
        values = List.copyOf(values);
        if (windowEnd.isAfter(hour.toInstant())) {
            throw new IllegalArgumentException("feature windowEnd " + windowEnd + " is after decision hour " + hour + " (lookahead)");
        }
        if (windowStart.isAfter(windowEnd)) {
            throw new IllegalArgumentException("feature windowStart " + windowStart + " is after windowEnd " + windowEnd);
        }
        if (names.size() != values.size()) {
            throw new IllegalArgumentException("feature names (" + names.size() + ") and values (" + values.size() + ") differ in size");
        }
        for (int i = 0; i < values.size(); i++) {
            if (!Double.isFinite(values.get(i))) {
                throw new IllegalArgumentException("feature '" + names.get(i) + "' is not finite: " + values.get(i));
            }
        }
        if (names != lastUniqueNames) {
            if (names.stream().distinct().count() != names.size()) {
                throw new IllegalArgumentException("feature names must be unique: " + names);
            }
            lastUniqueNames = names;
        }
    }

    /**
     * The last (immutable) name list found unique: every vector of a feature engine shares its engine's list, which
     * is then checked once instead of once per asset-hour.
     */
    private static volatile List<String> lastUniqueNames;

    /** The value of a named feature. */
    public double value(String name) {
        int i = names.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no feature named '" + name + "'");
        }
        return values.get(i);
    }
}
