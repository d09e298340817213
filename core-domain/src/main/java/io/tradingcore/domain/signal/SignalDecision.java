package io.tradingcore.domain.signal;

import io.tradingcore.domain.Decimals;
import io.tradingcore.domain.Horizon;
import io.tradingcore.domain.SignalAction;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * The policy's verdict with what it was based on: the meta probability and expected return of the
 * decision horizon (0 and 0 when there was no prediction, the reason says why).
 */
public record SignalDecision(SignalAction action, BigDecimal targetNotional, Horizon horizon, double probability,
                             double expectedReturn, String regime, BigDecimal roundTripCost, String reason) {
    public SignalDecision {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(horizon, "horizon");
        Objects.requireNonNull(regime, "regime");
        Objects.requireNonNull(reason, "reason");
        targetNotional = Decimals.value(targetNotional);
        roundTripCost = Decimals.value(roundTripCost);
        if (!(probability >= 0.0 && probability <= 1.0)) {
            throw new IllegalArgumentException("signal probability must be in [0, 1], was " + probability);
        }
        if (!Double.isFinite(expectedReturn)) {
            throw new IllegalArgumentException("signal expectedReturn must be finite, was " + expectedReturn);
        }
        if (targetNotional.signum() < 0) {
            throw new IllegalArgumentException("target notional must be >= 0");
        }
    }
}
