package io.tradingcore.domain.risk;

import io.tradingcore.domain.AccountId;
import io.tradingcore.domain.AssetId;
import io.tradingcore.domain.DeterministicIds;
import io.tradingcore.domain.DrawdownTier;
import io.tradingcore.domain.HourTs;
import java.util.Objects;
import java.util.UUID;

/**
 * A risk event of one account-hour. {@code asset} is null for account-wide events; {@code rule} names
 * the rule or mechanism that raised it. The id derives from the content so a resumed cycle writes the
 * same event again (idempotently) rather than a second one.
 */
public record RiskEvent(UUID eventId, AccountId account, HourTs hour, RiskEventType type, DrawdownTier tier,
                        AssetId asset, String rule, String detail) {
    public RiskEvent {
        Objects.requireNonNull(eventId, "riskEvent.eventId");
        Objects.requireNonNull(account, "riskEvent.account");
        Objects.requireNonNull(hour, "riskEvent.hour");
        Objects.requireNonNull(type, "riskEvent.type");
        Objects.requireNonNull(tier, "riskEvent.tier");
        Objects.requireNonNull(rule, "riskEvent.rule");
        Objects.requireNonNull(detail, "riskEvent.detail");
    }

    /** An event with its deterministic id. */
    public static RiskEvent of(AccountId account, HourTs hour, RiskEventType type, DrawdownTier tier, AssetId asset,
                               String rule, String detail) {
        UUID id = DeterministicIds.uuid("risk-event", account.toString(), hour.toString(), type.name(),
                asset == null ? "-" : asset.toString(), rule, detail);
        return new RiskEvent(id, account, hour, type, tier, asset, rule, detail);
    }
}
