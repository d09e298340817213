package io.tradingcore.domain.risk;

import io.tradingcore.domain.AccountId;
import io.tradingcore.domain.AssetId;
import io.tradingcore.domain.DeterministicIds;
import io.tradingcore.domain.DrawdownTier;
import io.tradingcore.domain.HourTs;
import io.tradingcore.domain.OrderId;
import java.util.Objects;
import java.util.UUID;

/**
 * A risk event of one account-hour. {@code tier} is the tier in force (for TIER_CHANGE: the new tier,
 * {@code fromTier} the old one when known; {@code fromTier} is null for other events). {@code asset} is null for
 * account-wide events, {@code order} for events not about an order; {@code rule} names the rule or
 * mechanism that raised it, {@code detail} is the human-readable reason. The id derives from the content so a resumed cycle writes the
 * same event again (idempotently) rather than a second one.
 */
public record RiskEvent(UUID eventId, AccountId account, HourTs hour, RiskEventType type, DrawdownTier fromTier,
                        DrawdownTier tier, AssetId asset, OrderId order, String rule, String detail) {
    public RiskEvent {
        Objects.requireNonNull(eventId, "riskEvent.eventId");
        Objects.requireNonNull(account, "riskEvent.account");
        Objects.requireNonNull(hour, "riskEvent.hour");
        Objects.requireNonNull(type, "riskEvent.type");
        Objects.requireNonNull(tier, "riskEvent.tier");
        Objects.requireNonNull(rule, "riskEvent.rule");
        Objects.requireNonNull(detail, "riskEvent.detail");
        if (fromTier != null && type != RiskEventType.TIER_CHANGE) {
            throw new IllegalArgumentException("fromTier is only set for TIER_CHANGE events");
        }
        if (detail.isBlank()) {
            throw new IllegalArgumentException("risk event detail must not be blank");
        }
    }

    /** An event read back without from-tier and order (a store that does not keep them). */
    public RiskEvent(UUID eventId, AccountId account, HourTs hour, RiskEventType type, DrawdownTier tier, AssetId asset,
                     String rule, String detail) {
        this(eventId, account, hour, type, null, tier, asset, null, rule, detail);
    }

    /** An event about no particular order, with its deterministic id. */
    public static RiskEvent of(AccountId account, HourTs hour, RiskEventType type, DrawdownTier tier, AssetId asset,
                               String rule, String detail) {
        return of(account, hour, type, tier, asset, null, rule, detail);
    }

    /** An event (not a tier change) with its deterministic id. */
    public static RiskEvent of(AccountId account, HourTs hour, RiskEventType type, DrawdownTier tier, AssetId asset,
                               OrderId order, String rule, String detail) {
        return create(account, hour, type, null, tier, asset, order, rule, detail);
    }

    /** A TIER_CHANGE event from {@code from} to {@code to}. */
    public static RiskEvent tierChange(AccountId account, HourTs hour, DrawdownTier from, DrawdownTier to, String detail) {
        return create(account, hour, RiskEventType.TIER_CHANGE, from, to, null, null, RuleId.DRAWDOWN_TIER.id(), detail);
    }

    private static RiskEvent create(AccountId account, HourTs hour, RiskEventType type, DrawdownTier from, DrawdownTier tier,
                                    AssetId asset, OrderId order, String rule, String detail) {
        UUID id = DeterministicIds.uuid("risk-event", account.toString(), hour.toString(), type.name(),
                asset == null ? "-" : asset.toString(), order == null ? "-" : order.toString(), rule, detail);
        return new RiskEvent(id, account, hour, type, from, tier, asset, order, rule, detail);
    }
}
