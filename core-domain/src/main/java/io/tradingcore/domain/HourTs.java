package io.tradingcore.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A UTC hour: an Instant that is exactly on an hour boundary. A cycle for hour H runs at instant H;
 * the candle with openTime H is known only at H + 1h.
 */
public record HourTs(Instant instant) implements Comparable<HourTs> {

    public HourTs {
        Objects.requireNonNull(instant, "instant");
        if (!instant.truncatedTo(ChronoUnit.HOURS).equals(instant)) {
            throw new IllegalArgumentException("hour must be aligned to a UTC hour, was " + instant);
        }
    }

    /** The aligned hour for an instant that must already be aligned. */
    public static HourTs of(Instant instant) {
        return new HourTs(instant);
    }

    /** Parses ISO-8601 UTC text such as {@code 2021-03-04T05:00:00Z}. */
    public static HourTs parse(String text) {
        return new HourTs(Instant.parse(text));
    }

    /** The hour containing {@code instant} (floor). */
    public static HourTs floor(Instant instant) {
        return new HourTs(instant.truncatedTo(ChronoUnit.HOURS));
    }

    public HourTs plusHours(long hours) {
        return new HourTs(instant.plus(hours, ChronoUnit.HOURS));
    }

    public HourTs minusHours(long hours) {
        return new HourTs(instant.minus(hours, ChronoUnit.HOURS));
    }

    public Instant toInstant() {
        return instant;
    }

    public boolean isBefore(HourTs other) {
        return instant.isBefore(other.instant);
    }

    public boolean isAfter(HourTs other) {
        return instant.isAfter(other.instant);
    }

    /** Whole hours from this hour to {@code other} (negative if other is earlier). */
    public long hoursUntil(HourTs other) {
        return ChronoUnit.HOURS.between(instant, other.instant);
    }

    @Override
    public int compareTo(HourTs o) {
        return instant.compareTo(o.instant);
    }

    @Override
    public String toString() {
        return instant.toString();
    }
}
