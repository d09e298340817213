package io.tradingcore.ports.service;

import static io.tradingcore.ports.service.CycleFixture.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradingcore.domain.HourTs;
import io.tradingcore.domain.RunMode;
import io.tradingcore.domain.ledger.CashLedger;
import io.tradingcore.domain.run.RunStatus;
import io.tradingcore.ports.in.CycleReport;
import io.tradingcore.ports.out.ExchangeGateway;
import io.tradingcore.ports.out.ExecutionRepository;
import io.tradingcore.ports.testing.Crashes;
import io.tradingcore.ports.testing.Crashes.SimulatedCrash;
import io.tradingcore.ports.testing.FixedConfigurationProvider;
import io.tradingcore.ports.testing.InMemoryPorts;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Kill the cycle at a port call, resume the hour, and get exactly the uninterrupted result. */
class CrashResumeTest {
    private static final HourTs FIRST = START.plusHours(LOOKBACK);

    static <T> T crashing(Class<T> type, T target, String method, int nth, boolean afterCall, AtomicBoolean armed) {
        AtomicInteger calls = new AtomicInteger();
        return Crashes.crashing(type, target, method, afterCall, () -> armed.get() && calls.incrementAndGet() == nth);
    }

    @ParameterizedTest(name = "crash in {0}.{1} call {2} (after the call: {3})")
    @CsvSource({
        "exchange, submit, 1, false",
        "exchange, submit, 1, true",
        "exchange, fills, 1, false",
        "execution, recordFill, 1, true",
        "execution, recordOrders, 1, true",
        "execution, updateOrderStatus, 1, true",
    })
    void resumedHourEqualsUninterruptedRunAndPlacesNoOrderTwice(String port, String method, int nth, boolean afterCall) {
        InMemoryPorts clean = ports(11, 48);
        List<CycleReport> cleanReports = runHours(clean, FIRST, 30);
        int crashIndex = firstHourWithNewOrders(cleanReports);
        HourTs crashHour = FIRST.plusHours(crashIndex);

        InMemoryPorts p = ports(11, 48);
        AtomicBoolean armed = new AtomicBoolean(false);
        ExchangeGateway exchange = port.equals("exchange") ? crashing(ExchangeGateway.class, p.exchange, method, nth, afterCall, armed) : p.exchange;
        ExecutionRepository execution = port.equals("execution") ? crashing(ExecutionRepository.class, p.execution, method, nth, afterCall, armed) : p.execution;
        HourlyCycleService service = new HourlyCycleService(p.runs, p.marketData, p.decisions, execution, p.states, p.features, p.models,
                exchange, new FixedConfigurationProvider(p.config), p.clock);

        for (int i = 0; i < crashIndex; i++) {
            service.run(command(FIRST.plusHours(i)));
        }
        armed.set(true);
        assertThatThrownBy(() -> service.run(command(crashHour))).isInstanceOf(SimulatedCrash.class);
        armed.set(false);
        var run = p.runs.find(ACCOUNT, RunMode.BACKTEST, crashHour).orElseThrow();
        assertThat(run.status()).isEqualTo(RunStatus.STARTED);
        assertThat(service.run(command(crashHour)).outcome()).as("the dead owner still holds the run").isEqualTo(CycleReport.Outcome.BUSY);
        p.runs.abandon(run.runId());

        for (int i = crashIndex; i < 30; i++) {
            CycleReport r = service.run(command(FIRST.plusHours(i)));
            assertThat(r.stepHashes()).as("hour " + i).isEqualTo(cleanReports.get(i).stepHashes());
        }
        assertThat(p.exchange.placedOrders()).isEqualTo(clean.exchange.placedOrders());
        assertThat(p.execution.allFills()).containsExactlyInAnyOrderElementsOf(clean.execution.allFills());
        assertThat(p.execution.ledger(ACCOUNT, RunMode.BACKTEST)).containsExactlyElementsOf(clean.execution.ledger(ACCOUNT, RunMode.BACKTEST));
        assertThat(CashLedger.reconciles(p.execution.ledger(ACCOUNT, RunMode.BACKTEST), p.execution.cashBalance(ACCOUNT, RunMode.BACKTEST))).isTrue();
    }

    private static int firstHourWithNewOrders(List<CycleReport> reports) {
        for (int i = 0; i < reports.size(); i++) {
            HourTs h = FIRST.plusHours(i);
            if (reports.get(i).orders().stream().anyMatch(o -> o.request().hour().equals(h))) {
                return i;
            }
        }
        throw new AssertionError("scenario places no order");
    }
}
