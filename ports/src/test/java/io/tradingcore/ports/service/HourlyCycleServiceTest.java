package io.tradingcore.ports.service;

import static io.tradingcore.ports.service.CycleFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.tradingcore.domain.HourTs;
import io.tradingcore.domain.OrderSide;
import io.tradingcore.domain.RunMode;
import io.tradingcore.domain.SignalAction;
import io.tradingcore.domain.hash.CycleStep;
import io.tradingcore.domain.ledger.CashLedger;
import io.tradingcore.domain.order.Fill;
import io.tradingcore.domain.run.RunStatus;
import io.tradingcore.ports.in.CycleReport;
import io.tradingcore.ports.out.HourlyState;
import io.tradingcore.ports.testing.InMemoryPorts;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class HourlyCycleServiceTest {
    private static final int HOURS = 48;
    private static final HourTs FIRST = START.plusHours(LOOKBACK);

    @Test
    void backtestRunTwiceWithSameSeedGivesIdenticalStepHashes() {
        InMemoryPorts a = ports(11, HOURS);
        InMemoryPorts b = ports(11, HOURS);
        List<CycleReport> ra = runHours(a, FIRST, 30);
        List<CycleReport> rb = runHours(b, FIRST, 30);
        for (int i = 0; i < ra.size(); i++) {
            assertThat(ra.get(i).outcome()).isEqualTo(CycleReport.Outcome.COMPLETED);
            assertThat(ra.get(i).stepHashes()).isEqualTo(rb.get(i).stepHashes());
            assertThat(ra.get(i).stepHashes().hashes()).containsOnlyKeys(CycleStep.values());
        }
        long trades = ra.stream().flatMap(r -> r.orders().stream()).count();
        assertThat(trades).as("the scenario must actually trade").isGreaterThan(2);
        assertThat(a.exchange.placedOrders()).isEqualTo(b.exchange.placedOrders());
    }

    @Test
    void differentSeedGivesDifferentHashes() {
        List<CycleReport> ra = runHours(ports(11, HOURS), FIRST, 5);
        List<CycleReport> rb = runHours(ports(12, HOURS), FIRST, 5);
        assertThat(ra.get(4).stepHashes().firstDifference(rb.get(4).stepHashes())).contains(CycleStep.DATA);
    }

    @Test
    void changingAFuturePriceAfterTheDecisionHourDoesNotChangeTheDecision() {
        InMemoryPorts a = ports(11, HOURS);
        InMemoryPorts b = ports(11, HOURS);
        HourTs decision = FIRST.plusHours(10);
        // candle with openTime = decision hour closes at decision + 1h: it is the future at the decision
        var future = b.marketData.candleAt(ASSETS.get(0).id(), "SIM", decision).orElseThrow();
        var changed = new io.tradingcore.domain.Candle(future.asset(), future.openTime(), future.open(),
                future.high().multiply(new BigDecimal("3")), future.low(), future.high().multiply(new BigDecimal("2")), future.volume());
        InMemoryPorts bChanged = new InMemoryPorts(config(), LOOKBACK, 60.0, START.toInstant());
        for (var asset : ASSETS) {
            List<io.tradingcore.domain.Candle> cs = new java.util.ArrayList<>(b.marketData.candles(asset.id(), "SIM", START, START.plusHours(HOURS)));
            cs.replaceAll(c -> c.asset().equals(changed.asset()) && c.openTime().equals(changed.openTime()) ? changed : c);
            bChanged.load(cs);
        }
        List<CycleReport> ra = runHours(a, FIRST, 11);
        List<CycleReport> rb = runHours(bChanged, FIRST, 11);
        CycleReport at = ra.get(10);
        CycleReport bt = rb.get(10);
        assertThat(at.signals()).isEqualTo(bt.signals());
        for (CycleStep s : List.of(CycleStep.DATA, CycleStep.FEATURES, CycleStep.MODELS, CycleStep.SIGNALS, CycleStep.RISK, CycleStep.ORDERS)) {
            assertThat(bt.stepHashes().get(s)).as(s.name()).isEqualTo(at.stepHashes().get(s));
        }
        // and the change is visible one hour later, so the test would notice lookahead
        CycleReport next = runHours(a, FIRST.plusHours(11), 1).get(0);
        CycleReport nextChanged = runHours(bChanged, FIRST.plusHours(11), 1).get(0);
        assertThat(next.stepHashes().get(CycleStep.DATA)).isNotEqualTo(nextChanged.stepHashes().get(CycleStep.DATA));
    }

    @Test
    void secondStartOfTheSameHourIsAlreadyFinishedAndWritesNothing() {
        InMemoryPorts p = ports(11, HOURS);
        CycleReport first = runHours(p, FIRST, 1).get(0);
        int signals = p.decisions.signalRows();
        CycleReport again = p.cycle.run(command(FIRST));
        assertThat(again.outcome()).isEqualTo(CycleReport.Outcome.ALREADY_FINISHED);
        assertThat(again.stepHashes()).isEqualTo(first.stepHashes());
        assertThat(p.decisions.signalRows()).isEqualTo(signals);
        assertThat(p.runs.all()).hasSize(1);
    }

    @Test
    void ledgerReconcilesAndPositionsMatchFillsAfterManyHours() {
        InMemoryPorts p = ports(11, HOURS);
        List<CycleReport> reports = runHours(p, FIRST, HOURS - LOOKBACK);
        assertBooksReconcile(p, reports);
        assertThat(reports.stream().flatMap(r -> r.signals().stream()).map(s -> s.decision().action()))
                .contains(SignalAction.ENTER, SignalAction.EXIT);
        assertThat(p.runs.all()).allMatch(r -> r.status() == RunStatus.COMPLETED);
    }
}
