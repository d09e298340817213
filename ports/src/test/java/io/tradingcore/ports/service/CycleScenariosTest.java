package io.tradingcore.ports.service;

import static io.tradingcore.ports.service.CycleFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.tradingcore.domain.Asset;
import io.tradingcore.domain.DrawdownTier;
import io.tradingcore.domain.HourTs;
import io.tradingcore.domain.OrderSide;
import io.tradingcore.domain.OrderStatus;
import io.tradingcore.domain.RunMode;
import io.tradingcore.domain.SignalAction;
import io.tradingcore.domain.hash.CycleStep;
import io.tradingcore.domain.risk.OperatorReset;
import io.tradingcore.domain.risk.RiskEvent;
import io.tradingcore.domain.risk.RiskEventType;
import io.tradingcore.domain.run.RunStatus;
import io.tradingcore.ports.in.CycleReport;
import io.tradingcore.ports.in.RunHourlyCycleCommand;
import io.tradingcore.ports.out.RejectReason;
import io.tradingcore.ports.out.SubmitResult;
import io.tradingcore.ports.out.TradingConfig;
import io.tradingcore.ports.testing.CycleCommandBuilder;
import io.tradingcore.ports.testing.InMemoryPorts;
import io.tradingcore.ports.testing.SyntheticCandles;
import io.tradingcore.ports.testing.TradingConfigBuilder;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CycleScenariosTest {
    private static final HourTs FIRST = START.plusHours(LOOKBACK);
    private static final Asset BTC = InMemoryPorts.btc();

    /** One asset, whole equity per entry, so a 30% gap is a >20% account drawdown. */
    static InMemoryPorts crashScenario() {
        TradingConfig all = TradingConfigBuilder.gated().targetFraction("1").costs("10", "2", "5").lookbackBars(LOOKBACK).build();
        InMemoryPorts p = new InMemoryPorts(all, LOOKBACK, 60.0, START.toInstant());
        List<BigDecimal> closes = new ArrayList<>();
        BigDecimal c = new BigDecimal("100");
        for (int i = 0; i < 9; i++) {
            c = c.multiply(new BigDecimal("1.01")).setScale(8, java.math.RoundingMode.HALF_EVEN);
            closes.add(c);
        }
        c = c.multiply(new BigDecimal("0.7")).setScale(8, java.math.RoundingMode.HALF_EVEN);
        closes.add(c);
        for (int i = 0; i < 14; i++) {
            c = c.multiply(new BigDecimal("1.01")).setScale(8, java.math.RoundingMode.HALF_EVEN);
            closes.add(c);
        }
        p.load(SyntheticCandles.path(BTC.id(), START, new BigDecimal("100"), closes));
        return p;
    }

    static RunHourlyCycleCommand oneAsset(HourTs h, Optional<OperatorReset> reset) {
        return CycleCommandBuilder.backtest(BACKTEST, ACCOUNT, h, List.of(BTC)).codeVersionSha(SHA).reset(reset).build();
    }

    @Test
    void twentyPercentDrawdownClosesPositionsAndHaltsUntilAnOperatorReset() {
        InMemoryPorts p = crashScenario();
        List<CycleReport> r = new ArrayList<>();
        for (int i = 0; i < 13; i++) {
            r.add(p.cycle.run(oneAsset(FIRST.plusHours(i), Optional.empty())));
        }
        assertThat(r.get(0).signals()).singleElement().extracting(s -> s.decision().action()).isEqualTo(SignalAction.ENTER);
        // the crash candle (openTime START+9) is known at START+10 = FIRST+4
        CycleReport crash = r.get(4);
        assertThat(crash.state().orElseThrow().risk().tier()).isEqualTo(DrawdownTier.HALT20);
        assertThat(crash.state().orElseThrow().risk().halted()).isTrue();
        assertThat(crash.riskEvents()).extracting(RiskEvent::type).contains(RiskEventType.TIER_CHANGE, RiskEventType.HALT_TRIGGERED);
        assertThat(crash.signals()).singleElement().satisfies(s -> {
            assertThat(s.decision().action()).isEqualTo(SignalAction.EXIT);
            assertThat(s.decision().reason()).contains("halted");
        });
        assertThat(crash.orders()).anySatisfy(o -> assertThat(o.request().side()).isEqualTo(OrderSide.SELL));

        CycleReport after = r.get(5);
        assertThat(after.state().orElseThrow().positions()).allSatisfy(ps -> assertThat(ps.quantity()).isZero());
        assertThat(after.state().orElseThrow().risk().halted()).as("still halted without a reset").isTrue();
        assertThat(r.subList(5, 13)).allSatisfy(x -> assertThat(x.orders()).isEmpty());
        assertThat(r.subList(5, 13).stream().flatMap(x -> x.riskEvents().stream()))
                .anySatisfy(e -> assertThat(e.rule()).isEqualTo("trading-halt"));

        CycleReport reset = p.cycle.run(oneAsset(FIRST.plusHours(13),
                Optional.of(new OperatorReset("ops", "post-mortem done", Instant.parse("2024-01-01T18:30:00Z")))));
        assertThat(reset.riskEvents()).extracting(RiskEvent::type).contains(RiskEventType.OPERATOR_RESET);
        assertThat(reset.state().orElseThrow().risk().halted()).isFalse();
        assertThat(reset.state().orElseThrow().risk().tier()).isEqualTo(DrawdownTier.NORMAL);
        assertThat(reset.orders()).as("entries resume after the reset").anySatisfy(o -> assertThat(o.request().side()).isEqualTo(OrderSide.BUY));
    }

    @Test
    void duplicateFillDeliveryIsBookedOnceAndChangesNoHash() {
        InMemoryPorts clean = ports(11, 40);
        InMemoryPorts twice = ports(11, 40);
        twice.exchange.deliverTwice(true);
        List<CycleReport> a = runHours(clean, FIRST, 20);
        List<CycleReport> b = runHours(twice, FIRST, 20);
        for (int i = 0; i < a.size(); i++) {
            assertThat(b.get(i).stepHashes()).isEqualTo(a.get(i).stepHashes());
        }
        assertThat(twice.execution.allFills()).isEqualTo(clean.execution.allFills()).isNotEmpty();
    }

    @Test
    void partialFillsAddUpToTheOrderAndTheLastOneFillsIt() {
        InMemoryPorts p = ports(11, 40);
        p.exchange.splitFills(true);
        runHours(p, FIRST, 20);
        assertThat(p.execution.allOrders()).isNotEmpty().allSatisfy(o -> {
            assertThat(o.status()).isEqualTo(OrderStatus.FILLED);
            assertThat(o.tradeIds()).hasSize(2);
            assertThat(o.filledQuantity()).isEqualByComparingTo(o.request().quantity());
        });
    }

    @Test
    void venueRejectionIsARiskEventAndTheOrderEndsRejected() {
        InMemoryPorts p = ports(11, 40);
        List<CycleReport> clean = runHours(ports(11, 40), FIRST, 20);
        int hour = firstBuyHour(clean);
        runHours(p, FIRST, hour);
        p.exchange.scriptNext(new SubmitResult.Rejected(RejectReason.MIN_NOTIONAL, "below 10 USDT"));
        CycleReport r = runHours(p, FIRST.plusHours(hour), 1).get(0);
        assertThat(r.orders()).anySatisfy(o -> assertThat(o.status()).isEqualTo(OrderStatus.REJECTED));
        assertThat(r.riskEvents()).anySatisfy(e -> {
            assertThat(e.type()).isEqualTo(RiskEventType.ORDER_REJECTED);
            assertThat(e.detail()).contains("MIN_NOTIONAL");
        });
        assertThat(r.state().orElseThrow().portfolio().cash()).isEqualByComparingTo(clean.get(hour - 1).state().orElseThrow().portfolio().cash());
    }

    @Test
    void lostSubmissionIsQueriedAndPlacedOnceWithTheSameClientOrderIdNextHour() {
        InMemoryPorts p = ports(11, 40);
        List<CycleReport> clean = runHours(ports(11, 40), FIRST, 20);
        int hour = firstBuyHour(clean);
        runHours(p, FIRST, hour);
        p.exchange.scriptNext(new SubmitResult.Unknown("timeout"));
        CycleReport lost = runHours(p, FIRST.plusHours(hour), 1).get(0);
        assertThat(lost.riskEvents()).anySatisfy(e -> assertThat(e.type()).isEqualTo(RiskEventType.ORDER_UNKNOWN));
        var pending = lost.orders().stream().filter(o -> o.status() == OrderStatus.NEW).findFirst().orElseThrow();
        int placed = p.exchange.placedOrders();
        CycleReport next = runHours(p, FIRST.plusHours(hour + 1), 1).get(0);
        assertThat(next.orders()).anySatisfy(o -> {
            assertThat(o.request().clientOrderId()).isEqualTo(pending.request().clientOrderId());
            assertThat(o.status()).isEqualTo(OrderStatus.FILLED);
        });
        assertThat(p.exchange.placedOrders()).isGreaterThan(placed);
        assertThat(p.execution.allOrders().stream().filter(o -> o.request().clientOrderId().equals(pending.request().clientOrderId())))
                .hasSize(1);
    }

    @Test
    void hourWithoutAnyDataIsSkippedAndAStartAgainIsAlreadyFinished() {
        InMemoryPorts p = ports(11, 10);
        HourTs empty = START.plusHours(200);
        CycleReport r = p.cycle.run(command(empty));
        assertThat(r.outcome()).isEqualTo(CycleReport.Outcome.SKIPPED_NO_DATA);
        assertThat(p.runs.find(ACCOUNT, RunMode.BACKTEST, empty).orElseThrow().status()).isEqualTo(RunStatus.SKIPPED);
        assertThat(p.cycle.run(command(empty)).outcome()).isEqualTo(CycleReport.Outcome.ALREADY_FINISHED);
        assertThat(r.stepHashes().get(CycleStep.DATA)).isPresent();
    }

    @Test
    void aRunHeldByAnotherLiveProcessIsBusyAndNothingIsWritten() {
        InMemoryPorts p = ports(11, 40);
        var other = new io.tradingcore.domain.run.RunContext(io.tradingcore.domain.DeterministicIds.runId(ACCOUNT, RunMode.BACKTEST, FIRST),
                ACCOUNT, RunMode.BACKTEST, FIRST, 1, SHA, "c".repeat(64), "d".repeat(64), 42, BACKTEST,
                RunStatus.STARTED, START.toInstant(), null);
        p.runs.start(other);
        CycleReport r = p.cycle.run(command(FIRST));
        assertThat(r.outcome()).isEqualTo(CycleReport.Outcome.BUSY);
        assertThat(p.decisions.signalRows()).isZero();
        assertThat(p.execution.ledger(ACCOUNT, RunMode.BACKTEST)).isEmpty();
    }

    private static int firstBuyHour(List<CycleReport> reports) {
        for (int i = 1; i < reports.size(); i++) {
            HourTs h = FIRST.plusHours(i);
            if (reports.get(i).orders().stream().anyMatch(o -> o.request().hour().equals(h) && o.request().side() == OrderSide.BUY)) {
                return i;
            }
        }
        throw new AssertionError("scenario never buys after the first hour");
    }
}
