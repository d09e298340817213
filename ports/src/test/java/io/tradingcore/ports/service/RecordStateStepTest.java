package io.tradingcore.ports.service;

import static io.tradingcore.ports.service.CycleFixture.ACCOUNT;
import static io.tradingcore.ports.service.StepFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.tradingcore.domain.RunMode;
import io.tradingcore.domain.hash.CycleStep;
import io.tradingcore.domain.risk.RiskEventType;
import io.tradingcore.ports.testing.InMemoryPorts;
import org.junit.jupiter.api.Test;

class RecordStateStepTest {
    @Test
    void recordsTheHourlyStateAtTheMarksAfterTheHoursFills() {
        InMemoryPorts p = crashScenarioBefore(0);
        StepFixture f = crashHour(p, 0);
        f.through(f.record);
        var stored = p.states.at(ACCOUNT, RunMode.BACKTEST, FIRST).orElseThrow();
        assertThat(stored).isEqualTo(f.state.state);
        assertThat(stored.portfolio().cash()).isEqualByComparingTo(f.state.book.ledger().balance());
        assertThat(stored.positions()).singleElement().satisfies(ps -> assertThat(ps.quantity()).isPositive());
        assertThat(f.state.hashes.hashes()).containsOnlyKeys(CycleStep.FEATURES, CycleStep.MODELS, CycleStep.SIGNALS, CycleStep.RISK,
                CycleStep.ORDERS, CycleStep.FILLS, CycleStep.LEDGER, CycleStep.STATE);
    }

    @Test
    void aPositionThatBecomesDustIsReportedOnceAsSizeReduced() {
        InMemoryPorts p = DustCycleTest.ports();
        int exit = 7;
        CycleFixture.runOneAsset(p, InMemoryPorts.btc(), exit, new java.math.BigDecimal("1000"));
        StepFixture f = StepFixture.at(p, new io.tradingcore.ports.in.RunHourlyCycleCommand(ACCOUNT, RunMode.BACKTEST,
                FIRST.plusHours(exit), java.util.List.of(InMemoryPorts.btc()), CycleFixture.SHA, 42, CycleFixture.BACKTEST,
                new java.math.BigDecimal("1000"), java.util.Optional.empty()));
        f.through(f.record);
        assertThat(f.state.book.events()).filteredOn(e -> e.type() == RiskEventType.SIZE_REDUCED)
                .singleElement().satisfies(e -> assertThat(e.rule()).isEqualTo("dust"));
    }
}
