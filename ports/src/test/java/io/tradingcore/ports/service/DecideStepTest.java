package io.tradingcore.ports.service;

import static io.tradingcore.ports.service.StepFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.tradingcore.domain.SignalAction;
import io.tradingcore.domain.hash.CycleStep;
import io.tradingcore.ports.testing.InMemoryPorts;
import org.junit.jupiter.api.Test;

class DecideStepTest {
    @Test
    void computesFeaturesPredictionsAndOneSignalPerAssetEachRecordedAndHashed() {
        InMemoryPorts p = crashScenarioBefore(0);
        StepFixture f = crashHour(p, 0);
        f.through(f.decide);
        assertThat(f.state.features).singleElement().satisfies(v -> assertThat(v.asset()).isEqualTo(InMemoryPorts.btc().id()));
        assertThat(f.state.predictions).containsOnlyKeys(InMemoryPorts.btc().id());
        assertThat(f.state.signals).singleElement().satisfies(s -> assertThat(s.decision().action()).isEqualTo(SignalAction.ENTER));
        assertThat(p.decisions.signalRows()).isEqualTo(1);
        assertThat(f.state.hashes.get(CycleStep.FEATURES)).isPresent();
        assertThat(f.state.hashes.get(CycleStep.MODELS)).isPresent();
        assertThat(f.state.hashes.get(CycleStep.SIGNALS)).isPresent();
        assertThat(f.state.hashes.get(CycleStep.RISK)).isEmpty();
    }

    @Test
    void aHaltedAccountExitsWhatItHoldsWhateverTheModelsSay() {
        InMemoryPorts p = crashScenarioBefore(CRASH);
        StepFixture f = crashHour(p, CRASH);
        f.through(f.decide);
        assertThat(f.state.book.portfolio().position(InMemoryPorts.btc().id()).isFlat()).isFalse();
        assertThat(f.state.signals).singleElement().satisfies(s -> {
            assertThat(s.decision().action()).isEqualTo(SignalAction.EXIT);
            assertThat(s.decision().reason()).isEqualTo("trading halted: close position");
        });
    }
}
