package io.tradingcore.domain.signal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradingcore.domain.DeterministicIds;
import io.tradingcore.domain.Horizon;
import io.tradingcore.domain.MetaPrediction;
import io.tradingcore.domain.ModelVersionId;
import io.tradingcore.domain.RegimeResult;
import io.tradingcore.domain.SignalAction;
import io.tradingcore.domain.StackPrediction;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The drawdown halt's rule in the signal policy: a halted account closes what it holds, whatever the models say. */
class HaltedExitTest {
    private static final ModelVersionId V = new ModelVersionId(DeterministicIds.uuid("v"));
    private final SignalPolicy policy = new SignalPolicy(SignalPolicyConfig.defaults());

    @Test
    void haltedExitClosesEvenOnABullishPredictionAndRecordsIt() {
        StackPrediction bullish = new StackPrediction(new RegimeResult("TREND_UP", 0.9, V), List.of(),
                List.of(new MetaPrediction(Horizon.H4, V, 0.95, 0.02, List.of())));
        SignalDecision d = policy.haltedExit(Optional.of(bullish), new BigDecimal("10"));
        assertThat(d.action()).isEqualTo(SignalAction.EXIT);
        assertThat(d.targetNotional()).isZero();
        assertThat(d.reason()).isEqualTo("trading halted: close position");
        assertThat(d.regime()).isEqualTo("TREND_UP");
        assertThat(d.roundTripCost()).isEqualByComparingTo("0.0032");
        assertThat(d).isNotEqualTo(policy.haltedExit(Optional.empty(), new BigDecimal("10")));
    }

    @Test
    void haltedExitWithoutPredictionRecordsUnknownRegimeAndZeroProbability() {
        SignalDecision d = policy.haltedExit(Optional.empty(), null);
        assertThat(d.action()).isEqualTo(SignalAction.EXIT);
        assertThat(d.regime()).isEqualTo(SignalPolicy.UNKNOWN_REGIME);
        assertThat(d.roundTripCost()).isEqualByComparingTo("0.0024");
    }

    @Test
    void noFreshDataHoldsAtTheHeldValue() {
        SignalDecision d = policy.holdWithoutData(new BigDecimal("123.5"), null, "no fresh data at X");
        assertThat(d.action()).isEqualTo(SignalAction.HOLD);
        assertThat(d.targetNotional()).isEqualByComparingTo("123.5");
        assertThat(d.reason()).isEqualTo("no fresh data at X");
        assertThat(d.regime()).isEqualTo("unknown");
    }
}
