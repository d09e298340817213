package io.tradingcore.application.report;

import java.time.Instant;
import java.util.Objects;

/**
 * One risk event of a run (risk_event): a drawdown tier change, a halt, an order denied or reduced.
 *
 * @param hour     the cycle's hour (UTC)
 * @param type     event type, e.g. TIER_CHANGE, ORDER_DENIED, SIZE_REDUCED
 * @param asset    the asset concerned, or null for account-wide events
 * @param fromTier tier before (null when not a tier change)
 * @param toTier   tier after (null when not a tier change)
 * @param reason   why, as the risk rule recorded it
 */
public record RiskEventRecord(Instant hour, String type, String asset, String fromTier, String toTier, String reason) {
    public RiskEventRecord {
        Objects.requireNonNull(hour, "risk event hour");
        Objects.requireNonNull(type, "risk event type");
        reason = reason == null ? "" : reason;
    }
}
