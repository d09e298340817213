package io.tradingcore.domain.risk;

import io.tradingcore.domain.Decimals;
import io.tradingcore.domain.DrawdownTier;
import java.math.BigDecimal;
import java.util.Objects;

/** What the rules see: tier and its action, halt flag, cash available before the order, fee rate. */
public record RiskContext(DrawdownTier tier, TierAction action, boolean halted, BigDecimal cashAvailable, BigDecimal feeRate) {
    public RiskContext {
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(action, "action");
        cashAvailable = Decimals.exact(cashAvailable, "cashAvailable");
        feeRate = Decimals.value(feeRate);
        if (cashAvailable.signum() < 0) {
            throw new IllegalArgumentException("cashAvailable must be >= 0");
        }
        if (feeRate.signum() < 0) {
            throw new IllegalArgumentException("feeRate must be >= 0");
        }
    }
}
