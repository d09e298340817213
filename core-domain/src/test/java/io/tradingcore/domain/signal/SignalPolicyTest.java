package io.tradingcore.domain.signal;

import static io.tradingcore.domain.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    void roundTripCostIsTwoFeesTwoSlippagesAndTheSpread() {
        assertThat(cfg.roundTripCost(d("2"))).isEqualByComparingTo("0.0032");
        assertThat(cfg.roundTripCost(null)).isEqualByComparingTo("0.0032");
        assertThat(cfg.roundTripCost(d("10"))).isEqualByComparingTo("0.004");
    }

    @Test
    void entersWhenFlatAtExactlyTheThresholds() {
        // edge = er - cost = 0.0042 - 0.0032 = 0.001 = minEdge
        SignalDecision s = decide(stack("RANGE", 0.55, 0.0042), "0", "0");
        assertThat(s.action()).isEqualTo(SignalAction.ENTER);
        assertThat(s.targetNotional()).isEqualByComparingTo("2500");
        assertThat(decide(stack("RANGE", 0.5499, 0.0042), "0", "0").action()).isEqualTo(SignalAction.HOLD);
        assertThat(decide(stack("RANGE", 0.55, 0.00419), "0", "0").action()).isEqualTo(SignalAction.HOLD);
    }

    @Test
    void exitsWhenHoldingAtOrBelowTheExitThresholdOrInAnExitRegime() {
        assertThat(decide(stack("RANGE", 0.45, 0.0), "1", "100").action()).isEqualTo(SignalAction.EXIT);
        SignalDecision hold = decide(stack("RANGE", 0.4501, 0.0), "1", "100");
        assertThat(hold.action()).isEqualTo(SignalAction.HOLD);
        assertThat(hold.targetNotional()).isEqualByComparingTo("100");
        SignalPolicy strict = new SignalPolicy(new SignalPolicyConfig(Horizon.H4, 0.55, 0.45, d("0.001"), d("0.25"), d("0.001"),
                d("0.0005"), d("2"), d("0.005"), d("10"), new TreeSet<>(List.of("CRASH")), new TreeSet<>(List.of("CRASH"))));
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
        assertThatThrownBy(() -> config(1.2, 0.45, "0.25", "0.001")).hasMessageContaining("signal.enterProbability");
        assertThatThrownBy(() -> config(0.5, 0.45, "0.25", "0.001")).hasMessageContaining("signal.enterProbability");
        assertThatThrownBy(() -> config(0.6, 0.6, "0.25", "0.001")).hasMessageContaining("signal.exitProbability");
        assertThatThrownBy(() -> config(0.6, 0.4, "1.5", "0.001")).hasMessageContaining("signal.targetFraction");
        assertThatThrownBy(() -> config(0.6, 0.4, "0", "0.001")).hasMessageContaining("signal.targetFraction");
        assertThatThrownBy(() -> config(0.6, 0.4, "0.5", "0.02")).hasMessageContaining("signal.feeRate");
        assertThat(config(1.0, 0.0, "1", "0").targetFraction()).isEqualByComparingTo("1");
    }

    private static SignalPolicyConfig config(double enter, double exit, String fraction, String fee) {
        return new SignalPolicyConfig(Horizon.H4, enter, exit, new BigDecimal("0.001"), new BigDecimal(fraction), new BigDecimal(fee),
                new BigDecimal("0.0005"), new BigDecimal("2"), new BigDecimal("0.005"), new BigDecimal("10"), new TreeSet<>(), new TreeSet<>());
    }
}
