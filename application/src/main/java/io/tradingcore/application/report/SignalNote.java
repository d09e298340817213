package io.tradingcore.application.report;

import java.time.Instant;
import java.util.Objects;

/**
 * A signal of a run: an ENTER or EXIT is shown next to the trip it opened or closed; every signal (HOLD too) gives the
 * META probability charted under the asset's price and the regime of the regime timeline.
 *
 * @param hour           the cycle's hour (UTC)
 * @param asset          asset symbol
 * @param action         ENTER or EXIT
 * @param horizon        the decision horizon (H1, H4, H24)
 * @param probability    the META probability the decision used
 * @param expectedReturn the expected return the decision used
 * @param regime         the regime the decision saw ("" when unknown)
 * @param reason         why, as the signal policy recorded it (with the regime)
 */
public record SignalNote(Instant hour, String asset, String action, String horizon, double probability, double expectedReturn,
                         String regime, String reason) {
    public SignalNote {
        Objects.requireNonNull(hour, "signal hour");
        Objects.requireNonNull(asset, "signal asset");
        Objects.requireNonNull(action, "signal action");
        regime = regime == null ? "" : regime;
        reason = reason == null ? "" : reason;
    }

    /** Without a regime. */
    public SignalNote(Instant hour, String asset, String action, String horizon, double probability, double expectedReturn,
                      String reason) {
        this(hour, asset, action, horizon, probability, expectedReturn, "", reason);
    }
}
