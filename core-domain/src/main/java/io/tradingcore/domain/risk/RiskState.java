package io.tradingcore.domain.risk;

import io.tradingcore.domain.Decimals;
import io.tradingcore.domain.DrawdownTier;
import java.math.BigDecimal;
import java.util.Objects;

/** Risk state carried from hour to hour: tier, halt flag and peak equity. */
public record RiskState(DrawdownTier tier, boolean halted, BigDecimal peakEquity) {
    public RiskState {
        Objects.requireNonNull(tier, "riskState.tier");
        peakEquity = Decimals.exact(peakEquity, "riskState.peakEquity");
        if (peakEquity.signum() < 0) {
            throw new IllegalArgumentException("peak equity must be >= 0");
        }
    }

    /** The state of an account that has never traded. */
    public static RiskState initial() {
        return new RiskState(DrawdownTier.NORMAL, false, Decimals.ZERO);
    }
}
