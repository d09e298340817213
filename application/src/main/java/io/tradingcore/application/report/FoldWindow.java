package io.tradingcore.application.report;

import java.time.Instant;
import java.util.Objects;

/**
 * One walk-forward test window, half-open: an equity hour or a trade time {@code t} belongs to the fold
 * when {@code from <= t < to}.
 */
public record FoldWindow(int index, Instant from, Instant to) {

    public FoldWindow {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (index < 0) {
            throw new IllegalArgumentException("fold index must not be negative, got " + index);
        }
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("fold " + index + " is empty: from " + from + " is not before to " + to);
        }
    }

    /** Whether {@code t} lies in {@code [from, to)}. */
    public boolean contains(Instant t) {
        return !t.isBefore(from) && t.isBefore(to);
    }
}
