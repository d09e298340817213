package io.tradingcore.application.report;

import java.time.Instant;
import java.util.Objects;

/**
 * An ENTER or EXIT signal of a run, shown next to the trip it opened or closed.
 *
 * @param hour           the cycle's hour (UTC)
 * @param asset          asset symbol
 * @param action         ENTER or EXIT
 * @param horizon        the decision horizon (H1, H4, H24)
 * @param probability    the META probability the decision used
 * @param expectedReturn the expected return the decision used
 * @param reason         why, as the signal policy recorded it (with the regime)
 */
public record SignalNote(Instant hour, String asset, String action, String horizon, double probability, double expectedReturn,
                         String reason) {
    public SignalNote {
        Objects.requireNonNull(hour, "signal hour");
        Objects.requireNonNull(asset, "signal asset");
        Objects.requireNonNull(action, "signal action");
        reason = reason == null ? "" : reason;
    }
}
