package io.tradingcore.domain.signal;

import io.tradingcore.domain.CostModel;
import io.tradingcore.domain.Decimals;
import io.tradingcore.domain.MetaPrediction;
import io.tradingcore.domain.SignalAction;
import io.tradingcore.domain.StackPrediction;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * ENTER / EXIT / HOLD from the meta prediction of the decision horizon, the regime and the position.
 * Long-only: ENTER only when flat, EXIT only when holding. The prediction's expected return is the model's
 * learned estimate of the NET return (after the {@link io.tradingcore.domain.CostModel}'s round trip), so the
 * round trip is not subtracted again here: only the extra cost of a book spread wider than the configured one.
 * <ul>
 *   <li>edge = expectedReturn - extraSpreadCost(book spread);</li>
 *   <li>holding: EXIT if the regime forces exits, p &lt;= exitProbability, or the expected gross return of
 *       holding over the horizon (expectedReturn + round trip: the entry is paid, the exit is paid either way)
 *       is &lt; exitEdge (default 0); else HOLD at current value;</li>
 *   <li>flat: HOLD at 0 when the regime is {@link io.tradingcore.domain.RegimeResult#OUT_OF_DISTRIBUTION} (the
 *       inputs lie outside the models' training distribution; the reason names the distance ratio); else ENTER at
 *       equity x targetFraction if the regime allows entries, p &gt;= enterProbability and edge &gt; minEdge; else
 *       HOLD at 0. A held position is not forced out by that label (its exit rules apply as usual).</li>
 * </ul>
 */
public final class SignalPolicy {
    /** The regime recorded when there is no prediction. */
    public static final String UNKNOWN_REGIME = "unknown";
    private final SignalPolicyConfig config;
    private final Costs costs;

    /**
     * The cost model's round trip ({@link CostModel#roundTrip()}) and {@link SignalPolicyConfig#roundTripCost} without
     * a book (the usual case): pure functions of the (immutable) cost model, computed once per cost model instance
     * instead of per decision (a policy is made per cycle, with the run's one configuration).
     */
    private record Costs(CostModel model, BigDecimal roundTrip, BigDecimal roundTripCost) {
    }

    private static volatile Costs lastCosts;

    public SignalPolicy(SignalPolicyConfig config) {
        this.config = config;
        Costs c = lastCosts;
        if (c == null || c.model() != config.costs()) {
            c = new Costs(config.costs(), config.costs().roundTrip(), config.roundTripCost(null));
            lastCosts = c;
        }
        this.costs = c;
    }

    private BigDecimal roundTripCost(BigDecimal spreadBps) {
        return spreadBps == null ? costs.roundTripCost() : config.roundTripCost(spreadBps);
    }

    public SignalPolicyConfig config() {
        return config;
    }

    public SignalDecision decide(SignalInput in) {
        BigDecimal cost = roundTripCost(in.spreadBps());
        String regime = in.stack().regime().regime();
        Optional<MetaPrediction> meta = in.stack().meta(config.decisionHorizon());
        boolean holding = in.positionQuantity().signum() > 0;
        BigDecimal extra = config.costs().extraSpreadCost(in.spreadBps());
        if (meta.isEmpty()) {
            return decision(SignalAction.HOLD, holding ? in.positionValue() : Decimals.ZERO, 0.0, 0.0, regime, cost,
                    "no meta prediction for " + config.decisionHorizon());
        }
        double p = meta.get().probability();
        double er = meta.get().expectedReturn();
        BigDecimal erDecimal = BigDecimal.valueOf(er);
        BigDecimal edge = Decimals.value(erDecimal.subtract(extra));
        if (holding) {
            if (config.exitRegimes().contains(regime)) {
                return decision(SignalAction.EXIT, Decimals.ZERO, p, er, regime, cost, "regime " + regime + " forces exit");
            }
            if (p <= config.exitProbability()) {
                return decision(SignalAction.EXIT, Decimals.ZERO, p, er, regime, cost, "p " + p + " <= exit threshold " + config.exitProbability());
            }
            BigDecimal gross = Decimals.value(erDecimal.add(costs.roundTrip()));
            if (gross.compareTo(config.exitEdge()) < 0) {
                return decision(SignalAction.EXIT, Decimals.ZERO, p, er, regime, cost, "expected gross return of holding "
                        + Decimals.canonical(gross) + " < " + Decimals.canonical(config.exitEdge()));
            }
            return decision(SignalAction.HOLD, in.positionValue(), p, er, regime, cost, "holding, expected gross return "
                    + Decimals.canonical(gross) + " >= " + Decimals.canonical(config.exitEdge()));
        }
        if (io.tradingcore.domain.RegimeResult.OUT_OF_DISTRIBUTION.equals(regime)) {
            String ratio = oodRatio(meta.get()).stream().mapToObj(r -> " (distance " + r + " x the threshold)")
                    .findFirst().orElse("");
            return decision(SignalAction.HOLD, Decimals.ZERO, p, er, regime, cost,
                    "inputs outside the training distribution" + ratio + ": no entry");
        }
        if (config.noEntryRegimes().contains(regime)) {
            return decision(SignalAction.HOLD, Decimals.ZERO, p, er, regime, cost, "regime " + regime + " blocks entries");
        }
        if (p >= config.enterProbability() && edge.compareTo(config.minEdge()) > 0) {
            BigDecimal target = Decimals.multiply(in.equity(), config.targetFraction());
            return decision(SignalAction.ENTER, target, p, er, regime, cost, "learned net edge " + Decimals.canonical(edge)
                    + " > " + Decimals.canonical(config.minEdge()) + (config.enterProbability() > 0
                    ? ", p " + p + " >= " + config.enterProbability() : ""));
        }
        return decision(SignalAction.HOLD, Decimals.ZERO, p, er, regime, cost, "flat, entry thresholds not met");
    }

    /**
     * The detail of the risk event recorded when the out-of-distribution gate made {@code d} a HOLD: the asset is
     * flat, its regime is {@link io.tradingcore.domain.RegimeResult#OUT_OF_DISTRIBUTION} and there is a META
     * prediction of the decision horizon (exactly the case {@link #decide} holds for the gate). Names the distance
     * and, when the stack reports it ({@code threshold}), the threshold; empty for every other decision.
     */
    public Optional<String> outOfDistributionHold(SignalInput in, SignalDecision d, OptionalDouble threshold) {
        if (d.action() != SignalAction.HOLD || in.positionQuantity().signum() > 0
                || !io.tradingcore.domain.RegimeResult.OUT_OF_DISTRIBUTION.equals(in.stack().regime().regime())) {
            return Optional.empty();
        }
        Optional<MetaPrediction> meta = in.stack().meta(config.decisionHorizon());
        if (meta.isEmpty()) {
            return Optional.empty();
        }
        OptionalDouble ratio = oodRatio(meta.get());
        String measured;
        if (ratio.isPresent() && threshold.isPresent()) {
            measured = String.format(Locale.ROOT, ": distance %.6f > threshold %.6f (%.4f x the threshold)",
                    ratio.getAsDouble() * threshold.getAsDouble(), threshold.getAsDouble(), ratio.getAsDouble());
        } else if (ratio.isPresent()) {
            measured = String.format(Locale.ROOT, ": distance %.4f x the threshold", ratio.getAsDouble());
        } else {
            measured = "";
        }
        return Optional.of("feature vector outside the training distribution" + measured + "; HOLD, no entry");
    }

    private static OptionalDouble oodRatio(MetaPrediction meta) {
        return meta.components().stream().filter(c -> c.name().equals(io.tradingcore.domain.MetaComponent.OOD_DISTANCE_RATIO))
                .mapToDouble(io.tradingcore.domain.MetaComponent::value).findFirst();
    }

    /**
     * While trading is halted a sellable holding is closed whatever the models say (the drawdown rule comes before
     * the signal); probability, expected return and regime are recorded when there is a prediction.
     */
    public SignalDecision haltedExit(Optional<StackPrediction> stack, BigDecimal spreadBps) {
        Optional<MetaPrediction> meta = stack.flatMap(p -> p.meta(config.decisionHorizon()));
        return decision(SignalAction.EXIT, Decimals.ZERO, meta.map(MetaPrediction::probability).orElse(0.0),
                meta.map(MetaPrediction::expectedReturn).orElse(0.0), stack.map(p -> p.regime().regime()).orElse(UNKNOWN_REGIME),
                roundTripCost(spreadBps), "trading halted: close position");
    }

    /** An asset without fresh data is not traded: HOLD at the value of what is held, {@code why} says which hour. */
    public SignalDecision holdWithoutData(BigDecimal positionValue, BigDecimal spreadBps, String why) {
        return decision(SignalAction.HOLD, positionValue, 0.0, 0.0, UNKNOWN_REGIME, roundTripCost(spreadBps), why);
    }

    private SignalDecision decision(SignalAction a, BigDecimal target, double p, double er, String regime, BigDecimal cost, String why) {
        return new SignalDecision(a, target, config.decisionHorizon(), p, er, regime, cost, why);
    }
}
