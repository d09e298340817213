package io.tradingcore.domain.signal;

import static io.tradingcore.domain.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradingcore.domain.CostModel;
import io.tradingcore.domain.DeterministicIds;
import io.tradingcore.domain.Horizon;
import io.tradingcore.domain.MetaPrediction;
import io.tradingcore.domain.ModelVersionId;
import io.tradingcore.domain.RegimeResult;
import io.tradingcore.domain.SignalAction;
import io.tradingcore.domain.StackPrediction;
import java.math.BigDecimal;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class SignalPolicyTest {
    private static final ModelVersionId V = new ModelVersionId(DeterministicIds.uuid("v"));
    private final SignalPolicyConfig cfg = SignalPolicyConfig.defaults();
    private final SignalPolicy policy = new SignalPolicy(cfg);

    private static StackPrediction stack(String regime, double p, double er) {
        return new StackPrediction(new RegimeResult(regime, 0.9, V), List.of(), List.of(new MetaPrediction(Horizon.H4, V, p, er, List.of())));
    }

    private SignalDecision decide(StackPrediction s, String qty, String value) {
        return policy.decide(new SignalInput(BTC.id(), HOUR, s, d(qty), d(value), d("10000"), d("2")));
    }

    @Test
    void roundTripCostIsTwoFeesTwoSlippagesAndTheSpreadOfTheOneCostModel() {
        assertThat(cfg.costs()).isEqualTo(CostModel.defaults());
        assertThat(cfg.roundTripCost(d("2"))).isEqualByComparingTo("0.0024");
        assertThat(cfg.roundTripCost(null)).isEqualByComparingTo("0.0024");
        assertThat(cfg.roundTripCost(d("10"))).isEqualByComparingTo("0.0032");
        assertThat(cfg.feeRate()).isEqualByComparingTo("0.001");
    }

    @Test
    void entersWhereTheLearnedNetEdgeIsPositiveWithoutSubtractingTheRoundTripAgain() {
        // the expected return is already net of the round trip: any positive edge enters, whatever p is
        SignalDecision s = decide(stack("RANGE", 0.2, 0.00001), "0", "0");
        assertThat(s.action()).isEqualTo(SignalAction.ENTER);
        assertThat(s.targetNotional()).isEqualByComparingTo("2500");
        assertThat(s.roundTripCost()).isEqualByComparingTo("0.0024");
        assertThat(decide(stack("RANGE", 0.9, 0.0), "0", "0").action()).isEqualTo(SignalAction.HOLD);
        assertThat(decide(stack("RANGE", 0.9, -0.001), "0", "0").action()).isEqualTo(SignalAction.HOLD);
    }

    @Test
    void anOutOfDistributionHourTakesNoEntryNamingTheDistanceButDoesNotForceAnExit() {
        MetaPrediction m = new MetaPrediction(Horizon.H4, V, 0.9, 0.05, List.of(new io.tradingcore.domain.MetaComponent(
                io.tradingcore.domain.MetaComponent.OOD_DISTANCE_RATIO, io.tradingcore.domain.ModelRole.REGIME, null, 0, 3.5, 0)));
        StackPrediction ood = new StackPrediction(new RegimeResult(RegimeResult.OUT_OF_DISTRIBUTION, 0.9, V), List.of(), List.of(m));
        SignalDecision flat = decide(ood, "0", "0");
        assertThat(flat.action()).isEqualTo(SignalAction.HOLD);
        assertThat(flat.reason()).isEqualTo("inputs outside the training distribution (distance 3.5 x the threshold): no entry");
        assertThat(flat.regime()).isEqualTo(RegimeResult.OUT_OF_DISTRIBUTION);
        // the same prediction in an ordinary regime enters; a holder keeps its ordinary exit rules
        assertThat(decide(stack("RANGE", 0.9, 0.05), "0", "0").action()).isEqualTo(SignalAction.ENTER);
        assertThat(decide(ood, "1", "100").action()).isEqualTo(SignalAction.HOLD);
    }

    @Test
    void theGatesHoldOfAFlatAssetIsARiskEventDetailNamingDistanceAndThreshold() {
        MetaPrediction m = new MetaPrediction(Horizon.H4, V, 0.9, 0.05, List.of(new io.tradingcore.domain.MetaComponent(
                io.tradingcore.domain.MetaComponent.OOD_DISTANCE_RATIO, io.tradingcore.domain.ModelRole.REGIME, null, 0, 3.5, 0)));
        StackPrediction ood = new StackPrediction(new RegimeResult(RegimeResult.OUT_OF_DISTRIBUTION, 0.9, V), List.of(), List.of(m));
        SignalInput flat = new SignalInput(BTC.id(), HOUR, ood, d("0"), d("0"), d("10000"), d("2"));
        assertThat(policy.outOfDistributionHold(flat, policy.decide(flat), java.util.OptionalDouble.of(1.25)))
                .contains("feature vector outside the training distribution: distance 4.375000 > threshold 1.250000"
                        + " (3.5000 x the threshold); HOLD, no entry");
        assertThat(policy.outOfDistributionHold(flat, policy.decide(flat), java.util.OptionalDouble.empty()))
                .contains("feature vector outside the training distribution: distance 3.5000 x the threshold; HOLD, no entry");
        // a holder is not held by the gate, and an ordinary regime is no event
        SignalInput holding = new SignalInput(BTC.id(), HOUR, ood, d("1"), d("100"), d("10000"), d("2"));
        assertThat(policy.outOfDistributionHold(holding, policy.decide(holding), java.util.OptionalDouble.of(1.25))).isEmpty();
        SignalInput ordinary = new SignalInput(BTC.id(), HOUR, stack("RANGE", 0.2, -0.01), d("0"), d("0"), d("10000"), d("2"));
        assertThat(policy.decide(ordinary).action()).isEqualTo(SignalAction.HOLD);
        assertThat(policy.outOfDistributionHold(ordinary, policy.decide(ordinary), java.util.OptionalDouble.of(1.25))).isEmpty();
    }

    @Test
    void aBookWiderThanTheConfiguredSpreadCostsOnlyTheDifference() {
        // configured spread 2 bps; a 10 bps book costs 8 bps more
        SignalInput wide = new SignalInput(BTC.id(), HOUR, stack("RANGE", 0.5, 0.0008), d("0"), d("0"), d("10000"), d("10"));
        assertThat(policy.decide(wide).action()).isEqualTo(SignalAction.HOLD);
        SignalInput wider = new SignalInput(BTC.id(), HOUR, stack("RANGE", 0.5, 0.00081), d("0"), d("0"), d("10000"), d("10"));
        assertThat(policy.decide(wider).action()).isEqualTo(SignalAction.ENTER);
        assertThat(policy.decide(wider).roundTripCost()).isEqualByComparingTo("0.0032");
    }

    @Test
    void exitsWhenTheExpectedGrossReturnOfHoldingIsNegativeOrInAnExitRegime() {
        // net -0.0024 = gross 0: hold; net below that: the move itself is expected to be negative, exit
        SignalDecision hold = decide(stack("RANGE", 0.1, -0.0024), "1", "100");
        assertThat(hold.action()).isEqualTo(SignalAction.HOLD);
        assertThat(hold.targetNotional()).isEqualByComparingTo("100");
        assertThat(decide(stack("RANGE", 0.1, -0.00241), "1", "100").action()).isEqualTo(SignalAction.EXIT);
        SignalPolicy strict = new SignalPolicy(new SignalPolicyConfig(Horizon.H4, 0.55, 0.45, d("0.001"), BigDecimal.ZERO, d("0.25"),
                CostModel.defaults(), d("0.005"), d("10"), new TreeSet<>(List.of("CRASH")), new TreeSet<>(List.of("CRASH"))));
        assertThat(strict.decide(new SignalInput(BTC.id(), HOUR, stack("RANGE", 0.45, 0.01), d("1"), d("100"), d("10000"), null))
                .action()).isEqualTo(SignalAction.EXIT);
        assertThat(strict.decide(new SignalInput(BTC.id(), HOUR, stack("RANGE", 0.5499, 0.01), d("0"), d("0"), d("10000"), null))
                .action()).isEqualTo(SignalAction.HOLD);
        SignalInput crashHeld = new SignalInput(BTC.id(), HOUR, stack("CRASH", 0.9, 0.1), d("1"), d("100"), d("10000"), null);
        assertThat(strict.decide(crashHeld).action()).isEqualTo(SignalAction.EXIT);
        SignalInput crashFlat = new SignalInput(BTC.id(), HOUR, stack("CRASH", 0.9, 0.1), d("0"), d("0"), d("10000"), null);
        assertThat(strict.decide(crashFlat).action()).isEqualTo(SignalAction.HOLD);
    }

    @Test
    void neverEntersWhileHoldingAndHoldsWithoutAMetaPrediction() {
        assertThat(decide(stack("RANGE", 0.99, 0.5), "1", "100").action()).isEqualTo(SignalAction.HOLD);
        StackPrediction noH4 = new StackPrediction(new RegimeResult("RANGE", 0.9, V), List.of(),
                List.of(new MetaPrediction(Horizon.H1, V, 0.99, 0.5, List.of())));
        SignalDecision s = decide(noH4, "0", "0");
        assertThat(s.action()).isEqualTo(SignalAction.HOLD);
        assertThat(s.reason()).contains("no meta prediction");
    }

    @Test
    void outOfRangeThresholdsAreRefusedNamingTheKey() {
        assertThatThrownBy(() -> config(1.2, 0.45, "0.25", "10")).hasMessageContaining("signal.enterProbability");
        assertThatThrownBy(() -> config(-0.1, 0.0, "0.25", "10")).hasMessageContaining("signal.enterProbability");
        assertThatThrownBy(() -> config(0.6, 0.61, "0.25", "10")).hasMessageContaining("signal.exitProbability");
        assertThatThrownBy(() -> config(0.6, 0.4, "1.5", "10")).hasMessageContaining("signal.targetFraction");
        assertThatThrownBy(() -> config(0.6, 0.4, "0", "10")).hasMessageContaining("signal.targetFraction");
        assertThatThrownBy(() -> config(0.6, 0.4, "0.5", "-1")).hasMessageContaining("signal.costs.feeBps");
        assertThatThrownBy(() -> config(0.6, 0.4, "0.5", "1001")).hasMessageContaining("signal.costs.feeBps");
        assertThat(config(1.0, 0.0, "1", "0").targetFraction()).isEqualByComparingTo("1");
        assertThatThrownBy(() -> new SignalPolicyConfig(Horizon.H4, 0, 0, BigDecimal.ZERO, new BigDecimal("-1.5"),
                BigDecimal.ONE, CostModel.defaults(), BigDecimal.ZERO, BigDecimal.TEN, new TreeSet<>(), new TreeSet<>()))
                .hasMessageContaining("signal.exitEdge");
    }

    private static SignalPolicyConfig config(double enter, double exit, String fraction, String feeBps) {
        return new SignalPolicyConfig(Horizon.H4, enter, exit, new BigDecimal("0.001"), BigDecimal.ZERO, new BigDecimal(fraction),
                new CostModel(new BigDecimal(feeBps), new BigDecimal("2"), BigDecimal.ONE), new BigDecimal("0.005"), new BigDecimal("10"),
                new TreeSet<>(), new TreeSet<>());
    }
}
