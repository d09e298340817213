package io.tradingcore.application.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradingcore.adapter.ml.MlModels;
import io.tradingcore.application.Persistence;
import io.tradingcore.application.config.ConfigLoader;
import io.tradingcore.domain.Asset;
import io.tradingcore.domain.HourTs;
import io.tradingcore.domain.hash.DataHashFormat;
import io.tradingcore.domain.run.RunContext;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A backtest stored with the DATA hash format V1 (before 2026-12-06) replays identically with today's code, which
 * hashes new hours in V2: the replay recomputes each stored hour's DATA hash in the format it was stored in. Real
 * models on real candles (BTC, one 24-hour fold), everything in memory.
 */
class ReplayDataHashFormatTest {
    private static final List<Asset> ASSETS = List.of(Asset.of(1, "BTC/USDT"));
    private static final HourTs FROM = HourTs.parse("2024-02-01T00:00:00Z");
    private static final HourTs TO = FROM.plusHours(24);

    @Test
    void aBacktestStoredInV1ReplaysIdenticallyAndDiffersFromV2OnlyInData() throws Exception {
        ConfigLoader.Loaded cfg = ConfigLoader.parse("""
                trading: {signal: {decisionHorizon: H24}}
                walkForward: {trainHours: 2400, testHours: 24}
                """, "test");
        WalkForwardBacktest.Request request = new WalkForwardBacktest.Request(ASSETS, FROM, TO, cfg, 42, "0".repeat(40));

        Persistence v1 = store(cfg);
        new WalkForwardBacktest(v1, MlModels.trainer()).hashingData(DataHashFormat.V1, h -> Optional.empty())
                .run(request, WalkForwardBacktest.Progress.NONE);
        Persistence v2 = store(cfg);
        new WalkForwardBacktest(v2, MlModels.trainer()).run(request, WalkForwardBacktest.Progress.NONE);

        List<RunContext> a = v1.runs().runsOfBacktest(request.backtestRunId());
        List<RunContext> b = v2.runs().runsOfBacktest(request.backtestRunId());
        assertThat(a).hasSize(24).hasSameSizeAs(b);
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.get(i).dataSnapshotHash()).isNotEqualTo(b.get(i).dataSnapshotHash());
            var sa = v1.runs().stepHashes(a.get(i).runId()).orElseThrow().hashes();
            var sb = v2.runs().stepHashes(b.get(i).runId()).orElseThrow().hashes();
            for (var step : sa.keySet()) {
                if (step != io.tradingcore.domain.hash.CycleStep.DATA) {
                    assertThat(sb.get(step)).as("hour %d, step %s", i, step).isEqualTo(sa.get(step));
                }
            }
        }

        BacktestReplay.Outcome outcome = new BacktestReplay(v1, store(cfg), MlModels.trainer())
                .replay(request.backtestRunId(), Optional.empty(), WalkForwardBacktest.Progress.NONE);
        assertThat(outcome.firstDifference()).isEmpty();
        assertThat(outcome.hoursCompared()).isEqualTo(24);
    }

    /** An in-memory store holding the bundled BTC/USDT candles (asset 1). */
    static Persistence store(ConfigLoader.Loaded cfg) throws Exception {
        return InMemoryBacktestStore.of(cfg, ASSETS.get(0));
    }
}
