package io.tradingcore.adapter.postgres;

import static io.tradingcore.adapter.postgres.PgTestSupport.ACCOUNT;
import static io.tradingcore.adapter.postgres.PgTestSupport.hour;
import static io.tradingcore.adapter.postgres.PgTestSupport.proposed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradingcore.domain.HourTs;
import io.tradingcore.domain.RunMode;
import io.tradingcore.domain.hash.CycleStep;
import io.tradingcore.domain.hash.StepHashes;
import io.tradingcore.domain.run.RunContext;
import io.tradingcore.domain.run.RunStart;
import io.tradingcore.domain.run.RunStatus;
import io.tradingcore.ports.out.RunContextRepository;
import io.tradingcore.ports.out.UnitOfWork;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A backtest commits many hours in one unit of work: all of them or none, and reads inside see the writes. */
class UnitOfWorkIT {
    private static PgTestSupport pg;
    private static RunContextRepository runs;
    private static UnitOfWork unit;

    @BeforeAll
    static void open() {
        pg = PgTestSupport.open("pg_unit");
        runs = pg.adapter.runContexts();
        unit = pg.adapter.unitOfWork();
    }

    @AfterAll
    static void close() {
        pg.close();
    }

    private static void runHour(HourTs h) {
        RunContext p = proposed(RunMode.BACKTEST, h);
        assertThat(runs.start(p)).isInstanceOf(RunStart.Started.class);
        runs.finish(p.runId(), RunStatus.COMPLETED, h.toInstant().plusSeconds(1),
                StepHashes.empty().with(CycleStep.DATA, "a".repeat(64)));
    }

    @Test
    void hoursOfOneUnitAreSeenInsideItAndCommittedTogether() {
        HourTs first = hour("2024-03-01T00:00:00Z");
        Optional<RunContext> seenInside = unit.run(() -> {
            for (int i = 0; i < 3; i++) {
                runHour(first.plusHours(i));
            }
            return runs.find(ACCOUNT, RunMode.BACKTEST, first.plusHours(2));
        });
        assertThat(seenInside).map(RunContext::status).contains(RunStatus.COMPLETED);
        for (int i = 0; i < 3; i++) {
            assertThat(runs.find(ACCOUNT, RunMode.BACKTEST, first.plusHours(i))).map(RunContext::status)
                    .contains(RunStatus.COMPLETED);
        }
    }

    @Test
    void aFailureInsideTheUnitLeavesNoneOfItsHours() {
        HourTs first = hour("2024-04-01T00:00:00Z");
        assertThatThrownBy(() -> unit.run(() -> {
            runHour(first);
            runHour(first.plusHours(1));
            throw new IllegalStateException("the third hour failed");
        })).isInstanceOf(IllegalStateException.class).hasMessage("the third hour failed");
        assertThat(runs.find(ACCOUNT, RunMode.BACKTEST, first)).isEmpty();
        assertThat(runs.find(ACCOUNT, RunMode.BACKTEST, first.plusHours(1))).isEmpty();
        // and the hours can be run again afterwards, as a resumed backtest does
        unit.run(() -> {
            runHour(first);
            return null;
        });
        assertThat(runs.find(ACCOUNT, RunMode.BACKTEST, first)).map(RunContext::status).contains(RunStatus.COMPLETED);
    }

    @Test
    void aDatabaseErrorInsideTheUnitRollsBackTheEarlierHoursToo() {
        HourTs first = hour("2024-05-01T00:00:00Z");
        assertThatThrownBy(() -> unit.run(() -> {
            runHour(first);
            RunContext p = proposed(RunMode.BACKTEST, first.plusHours(1));
            runs.start(p);
            runs.finish(p.runId(), RunStatus.COMPLETED, p.startedAt(), StepHashes.empty());
            // finishing twice breaks the run rule inside the same transaction
            runs.finish(p.runId(), RunStatus.COMPLETED, p.startedAt(), StepHashes.empty());
            return null;
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("only a STARTED run finishes");
        assertThat(runs.find(ACCOUNT, RunMode.BACKTEST, first)).isEmpty();
    }

    @Test
    void decisionRowsWaitForTheUnitAndAreReadableInsideIt() {
        HourTs h = hour("2024-06-01T00:00:00Z");
        RunContext p = proposed(RunMode.BACKTEST, h);
        io.tradingcore.ports.out.DecisionRecordRepository decisions = pg.adapter.decisionRecords();
        java.util.List<io.tradingcore.domain.signal.TradeSignal> signals = signals(p);
        int inside = unit.run(() -> {
            runs.start(p);
            decisions.recordSignals(p.key(), signals);
            decisions.recordSignals(p.key(), signals); // a resumed step repeats itself inside the unit
            return decisions.signals(p.runId()).size();
        });
        assertThat(inside).isEqualTo(2);
        assertThat(decisions.signals(p.runId())).containsExactlyInAnyOrderElementsOf(signals);
    }

    @Test
    void aConflictingDecisionRowFailsTheWholeUnitWithTheRowNamed() {
        HourTs h = hour("2024-07-01T00:00:00Z");
        RunContext p = proposed(RunMode.BACKTEST, h);
        io.tradingcore.ports.out.DecisionRecordRepository decisions = pg.adapter.decisionRecords();
        java.util.List<io.tradingcore.domain.signal.TradeSignal> signals = signals(p);
        var changed = new io.tradingcore.domain.signal.TradeSignal(signals.get(0).signalId(), signals.get(0).runId(),
                signals.get(0).asset(), signals.get(0).hour(), new io.tradingcore.domain.signal.SignalDecision(
                signals.get(0).decision().action(), signals.get(0).decision().targetNotional(), signals.get(0).decision().horizon(),
                0.99, signals.get(0).decision().expectedReturn(), signals.get(0).decision().regime(),
                signals.get(0).decision().roundTripCost(), signals.get(0).decision().reason()));
        assertThatThrownBy(() -> unit.run(() -> {
            runs.start(p);
            decisions.recordSignals(p.key(), signals);
            decisions.recordSignals(p.key(), java.util.List.of(changed));
            return null;
        })).isInstanceOf(io.tradingcore.ports.out.ConflictingWriteException.class).hasMessageContaining("signal " + changed.signalId());
        assertThat(runs.find(ACCOUNT, RunMode.BACKTEST, h)).isEmpty();
    }

    private static java.util.List<io.tradingcore.domain.signal.TradeSignal> signals(RunContext p) {
        return java.util.List.of(PgTestSupport.BTC, PgTestSupport.ETH).stream().map(a -> io.tradingcore.domain.signal.TradeSignal.of(
                p.key(), a.id(), new io.tradingcore.domain.signal.SignalDecision(io.tradingcore.domain.SignalAction.HOLD,
                        io.tradingcore.domain.Decimals.ZERO, io.tradingcore.domain.Horizon.H1, 0.5, 0.0, "calm",
                        new java.math.BigDecimal("0.002"), "hold"))).toList();
    }
}
