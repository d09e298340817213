package io.tradingcore.domain.signal;

import io.tradingcore.domain.Decimals;
import io.tradingcore.domain.MetaPrediction;
import io.tradingcore.domain.SignalAction;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * ENTER / EXIT / HOLD from the meta prediction of the decision horizon, the regime, the position and
 * the round-trip cost. Long-only: ENTER only when flat, EXIT only when holding.
 * <ul>
 *   <li>holding: EXIT if the regime forces exits or p &lt;= exitProbability; else HOLD at current value;</li>
 *   <li>flat: ENTER at equity x targetFraction if the regime allows entries, p &gt;= enterProbability and
 *       expectedReturn - roundTripCost &gt;= minEdge; else HOLD at 0.</li>
 * </ul>
 */
public final class SignalPolicy {
    private final SignalPolicyConfig config;

    public SignalPolicy(SignalPolicyConfig config) {
        this.config = config;
    }

    public SignalPolicyConfig config() {
        return config;
    }

    public SignalDecision decide(SignalInput in) {
        BigDecimal cost = config.roundTripCost(in.spreadBps());
        String regime = in.stack().regime().regime();
        Optional<MetaPrediction> meta = in.stack().meta(config.decisionHorizon());
        boolean holding = in.positionQuantity().signum() > 0;
        if (meta.isEmpty()) {
            return decision(SignalAction.HOLD, holding ? in.positionValue() : Decimals.ZERO, 0.0, 0.0, regime, cost,
                    "no meta prediction for " + config.decisionHorizon());
        }
        double p = meta.get().probability();
        double er = meta.get().expectedReturn();
        if (holding) {
            if (config.exitRegimes().contains(regime)) {
                return decision(SignalAction.EXIT, Decimals.ZERO, p, er, regime, cost, "regime " + regime + " forces exit");
            }
            if (p <= config.exitProbability()) {
                return decision(SignalAction.EXIT, Decimals.ZERO, p, er, regime, cost, "p " + p + " <= exit threshold " + config.exitProbability());
            }
            return decision(SignalAction.HOLD, in.positionValue(), p, er, regime, cost, "holding, p above exit threshold");
        }
        if (config.noEntryRegimes().contains(regime)) {
            return decision(SignalAction.HOLD, Decimals.ZERO, p, er, regime, cost, "regime " + regime + " blocks entries");
        }
        BigDecimal edge = BigDecimal.valueOf(er).subtract(cost);
        if (p >= config.enterProbability() && edge.compareTo(config.minEdge()) >= 0) {
            BigDecimal target = Decimals.multiply(in.equity(), config.targetFraction());
            return decision(SignalAction.ENTER, target, p, er, regime, cost, "p " + p + " >= " + config.enterProbability()
                    + ", edge " + Decimals.canonical(edge) + " >= " + Decimals.canonical(config.minEdge()));
        }
        return decision(SignalAction.HOLD, Decimals.ZERO, p, er, regime, cost, "flat, entry thresholds not met");
    }

    private SignalDecision decision(SignalAction a, BigDecimal target, double p, double er, String regime, BigDecimal cost, String why) {
        return new SignalDecision(a, target, config.decisionHorizon(), p, er, regime, cost, why);
    }
}
