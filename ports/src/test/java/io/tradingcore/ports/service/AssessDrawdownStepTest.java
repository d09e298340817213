package io.tradingcore.ports.service;

import static io.tradingcore.ports.service.StepFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.tradingcore.domain.DrawdownTier;
import io.tradingcore.domain.risk.RiskEventType;
import io.tradingcore.ports.testing.InMemoryPorts;
import org.junit.jupiter.api.Test;

class AssessDrawdownStepTest {
    @Test
    void marksTheAssetsAndValuesTheAccountAtThem() {
        InMemoryPorts p = crashScenarioBefore(1);
        StepFixture f = crashHour(p, 1);
        f.through(f.assess);
        assertThat(f.state.marks).containsOnlyKeys(InMemoryPorts.btc().id());
        assertThat(f.state.equity).isEqualByComparingTo(f.state.book.ledger().balance()
                .add(f.state.book.portfolio().marketValue(f.state.marks)));
        assertThat(f.state.halted()).isFalse();
    }

    @Test
    void aTwentyPercentDrawdownHaltsTrading() {
        InMemoryPorts p = crashScenarioBefore(CRASH);
        StepFixture f = crashHour(p, CRASH);
        f.through(f.assess);
        assertThat(f.state.halted()).isTrue();
        assertThat(f.state.assessment.state().tier()).isEqualTo(DrawdownTier.HALT20);
        assertThat(f.state.tier()).isEqualTo(DrawdownTier.HALT20);
        assertThat(f.state.events()).extracting(e -> e.type()).contains(RiskEventType.HALT_TRIGGERED);
    }
}
