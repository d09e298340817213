package io.tradingcore.application.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradingcore.adapter.ml.MlModels;
import io.tradingcore.application.Persistence;
import io.tradingcore.application.config.ConfigLoader;
import io.tradingcore.domain.Asset;
import io.tradingcore.domain.HourTs;
import io.tradingcore.domain.RunMode;
import io.tradingcore.domain.hash.CycleStep;
import io.tradingcore.domain.risk.RiskEvent;
import io.tradingcore.domain.risk.RuleId;
import io.tradingcore.domain.run.RunContext;
import io.tradingcore.ports.service.OodHoldEvents;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * A backtest stored before the OOD gate's HOLD was a risk event (2026-12-06; made here with
 * {@link OodHoldEvents#NOT_FILED}) replays identically with today's code, which files the event: the replay matches
 * each hour's stored RISK hash. A backtest made today records the events and replays identically with them. Real
 * models on real candles (ETH, the crash of 3 February 2025, where the default gate fires), everything in memory.
 */
class ReplayOodHoldEventsTest {
    private static final List<Asset> ASSETS = List.of(Asset.of(2, "ETH/USDT"));
    private static final HourTs FROM = HourTs.parse("2025-02-03T00:00:00Z");
    private static final HourTs TO = FROM.plusHours(24);

    @Test
    void aBacktestStoredWithoutTheEventsReplaysIdenticallyAndANewOneReplaysWithThem() throws Exception {
        ConfigLoader.Loaded cfg = ConfigLoader.parse("""
                trading: {signal: {decisionHorizon: H4}}
                walkForward: {trainHours: 2400, testHours: 24}
                """, "test");
        WalkForwardBacktest.Request request = new WalkForwardBacktest.Request(ASSETS, FROM, TO, cfg, 42, "0".repeat(40));

        Persistence today = store(cfg);
        new WalkForwardBacktest(today, MlModels.trainer()).run(request, WalkForwardBacktest.Progress.NONE);
        Persistence before = store(cfg);
        new WalkForwardBacktest(before, MlModels.trainer()).filingOodHolds(OodHoldEvents.NOT_FILED, h -> Optional.empty())
                .run(request, WalkForwardBacktest.Progress.NONE);

        List<RiskEvent> events = oodEvents(today, request);
        assertThat(events).as("the gate holds ETH after the crash").isNotEmpty();
        assertThat(oodEvents(before, request)).isEmpty();
        Set<HourTs> gateHours = new TreeSet<>(events.stream().map(RiskEvent::hour).toList());
        List<RunContext> a = before.runs().runsOfBacktest(request.backtestRunId());
        List<RunContext> b = today.runs().runsOfBacktest(request.backtestRunId());
        assertThat(a).hasSize(24).hasSameSizeAs(b);
        for (int i = 0; i < a.size(); i++) {
            var sa = before.runs().stepHashes(a.get(i).runId()).orElseThrow().hashes();
            var sb = today.runs().stepHashes(b.get(i).runId()).orElseThrow().hashes();
            for (CycleStep step : CycleStep.values()) {
                if (step == CycleStep.RISK && gateHours.contains(a.get(i).hour())) {
                    assertThat(sb.get(step)).as("hour %s, RISK", a.get(i).hour()).isNotEqualTo(sa.get(step));
                } else {
                    assertThat(sb.get(step)).as("hour %s, step %s", a.get(i).hour(), step).isEqualTo(sa.get(step));
                }
            }
        }

        Persistence scratchBefore = store(cfg);
        BacktestReplay.Outcome old = new BacktestReplay(before, scratchBefore, MlModels.trainer())
                .replay(request.backtestRunId(), Optional.empty(), WalkForwardBacktest.Progress.NONE);
        assertThat(old.firstDifference()).isEmpty();
        assertThat(old.hoursCompared()).isEqualTo(24);
        assertThat(oodEvents(scratchBefore, request)).isEmpty();

        Persistence scratchToday = store(cfg);
        BacktestReplay.Outcome now = new BacktestReplay(today, scratchToday, MlModels.trainer())
                .replay(request.backtestRunId(), Optional.empty(), WalkForwardBacktest.Progress.NONE);
        assertThat(now.firstDifference()).isEmpty();
        assertThat(now.hoursCompared()).isEqualTo(24);
        assertThat(oodEvents(scratchToday, request)).isEqualTo(events);
    }

    private static List<RiskEvent> oodEvents(Persistence p, WalkForwardBacktest.Request request) {
        var account = p.runs().runsOfBacktest(request.backtestRunId()).get(0).account();
        return p.decisions().riskEvents(account, RunMode.BACKTEST, FROM, TO).stream()
                .filter(e -> e.rule().equals(RuleId.OUT_OF_DISTRIBUTION.id())).toList();
    }

    private static Persistence store(ConfigLoader.Loaded cfg) throws Exception {
        return InMemoryBacktestStore.of(cfg, ASSETS.get(0));
    }
}
