package io.tradingcore.domain.signal;

import io.tradingcore.domain.Decimals;
import io.tradingcore.domain.Horizon;
import io.tradingcore.domain.SignalAction;
import java.math.BigDecimal;
import java.util.Objects;

/** The policy's verdict with what it was based on (probability and expected return are NaN if no meta). */
public record SignalDecision(SignalAction action, BigDecimal targetNotional, Horizon horizon, double probability,
                             double expectedReturn, String regime, BigDecimal roundTripCost, String reason) {
    public SignalDecision {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(horizon, "horizon");
        Objects.requireNonNull(regime, "regime");
        Objects.requireNonNull(reason, "reason");
        targetNotional = Decimals.value(targetNotional);
        roundTripCost = Decimals.value(roundTripCost);
        if (targetNotional.signum() < 0) {
            throw new IllegalArgumentException("target notional must be >= 0");
        }
    }
}
