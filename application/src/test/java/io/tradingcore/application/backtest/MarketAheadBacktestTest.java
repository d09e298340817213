package io.tradingcore.application.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradingcore.adapter.ml.MlModels;
import io.tradingcore.application.Persistence;
import io.tradingcore.application.config.ConfigLoader;
import io.tradingcore.domain.Asset;
import io.tradingcore.domain.AssetId;
import io.tradingcore.domain.BookSnapshot;
import io.tradingcore.domain.Candle;
import io.tradingcore.domain.FeatureVector;
import io.tradingcore.domain.HourTs;
import io.tradingcore.domain.RunMode;
import io.tradingcore.domain.hash.CycleStep;
import io.tradingcore.domain.run.RunContext;
import io.tradingcore.ports.out.FeatureEngine;
import io.tradingcore.ports.out.ModelStack;
import io.tradingcore.ports.out.ModelTrainer;
import io.tradingcore.ports.testing.InMemoryAccountStateRepository;
import io.tradingcore.ports.testing.InMemoryExecutionRepository;
import io.tradingcore.ports.testing.InMemoryDecisionRecordRepository;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A walk-forward backtest with the market side of the next hours computed on a second thread ({@link MarketAhead})
 * stores exactly what the sequential one stores: every hour's run context and step hashes, signals, risk events,
 * orders, fills, ledger and states. A failure on that thread fails the run at its hour, as sequentially, and leaves no
 * thread behind; the failed run resumes to the same result. Real models on real candles (BTC and ETH, two folds).
 */
class MarketAheadBacktestTest {
    private static final List<Asset> ASSETS = List.of(Asset.of(1, "BTC/USDT"), Asset.of(2, "ETH/USDT"));
    private static final HourTs FROM = HourTs.parse("2025-02-02T00:00:00Z");
    private static final HourTs TO = FROM.plusHours(48);
    private static final ConfigLoader.Loaded CFG = ConfigLoader.parse("""
            trading: {signal: {decisionHorizon: H4}}
            walkForward: {trainHours: 2400, testHours: 24}
            """, "test");
    private static final WalkForwardBacktest.Request REQUEST = new WalkForwardBacktest.Request(ASSETS, FROM, TO, CFG, 42,
            "0".repeat(40));
    /** Each fold's stack trained once for every run of this class (training is deterministic; the runs compare cycles). */
    private static final Map<String, ModelTrainer.TrainedStack> TRAINED = new TreeMap<>();

    @Test
    void pipelinedStoresExactlyWhatSequentialStores() throws Exception {
        Persistence sequential = store();
        WalkForwardBacktest.Result a = new WalkForwardBacktest(sequential, trainer(Optional.empty()), 7).marketAhead(0)
                .run(REQUEST, WalkForwardBacktest.Progress.NONE);
        assertThat(a.folds()).hasSize(2);
        assertThat(a.ordersPlaced()).as("it trades").isPositive();
        for (int ahead : new int[] {1, 5, WalkForwardBacktest.DEFAULT_MARKET_AHEAD}) {
            Persistence pipelined = store();
            WalkForwardBacktest.Result b = new WalkForwardBacktest(pipelined, trainer(Optional.empty()), 7).marketAhead(ahead)
                    .run(REQUEST, WalkForwardBacktest.Progress.NONE);
            assertThat(b).as("%d hours ahead", ahead).isEqualTo(a);
            assertSameRows(pipelined, sequential);
            assertNoThreadLeft();
        }
    }

    @Test
    void aFailureAheadFailsTheRunAtItsHourLeavesNoThreadAndResumesToTheSameResult() throws Exception {
        HourTs failing = FROM.plusHours(30); // in the second fold
        Persistence sequential = store();
        Throwable expected = catchRun(new WalkForwardBacktest(sequential, trainer(Optional.of(failing))).marketAhead(0));
        Persistence pipelined = store();
        Throwable thrown = catchRun(new WalkForwardBacktest(pipelined, trainer(Optional.of(failing))).marketAhead(8));
        assertThat(thrown).isInstanceOf(IllegalStateException.class).hasMessage(expected.getMessage())
                .hasMessage("features failed at " + failing);
        assertNoThreadLeft();
        assertSameRows(pipelined, sequential);
        List<RunContext> runs = pipelined.runs().runsOfBacktest(REQUEST.backtestRunId());
        assertThat(runs.get(runs.size() - 1).hour()).as("the last hour run is the failing one").isEqualTo(failing);

        // the failed backtest resumes (a new process: no failure now) to what an uninterrupted run stores
        WalkForwardBacktest.Result resumed = new WalkForwardBacktest(pipelined, trainer(Optional.empty())).run(REQUEST,
                WalkForwardBacktest.Progress.NONE);
        assertThat(resumed.complete()).isTrue();
        Persistence whole = store();
        new WalkForwardBacktest(whole, trainer(Optional.empty())).marketAhead(0).run(REQUEST, WalkForwardBacktest.Progress.NONE);
        assertSameRows(pipelined, whole);
        assertNoThreadLeft();
    }

    private static Throwable catchRun(WalkForwardBacktest backtest) {
        Throwable[] caught = new Throwable[1];
        assertThatThrownBy(() -> {
            try {
                backtest.run(REQUEST, WalkForwardBacktest.Progress.NONE);
            } catch (RuntimeException e) {
                caught[0] = e;
                throw e;
            }
        }).isNotNull();
        return caught[0];
    }

    private static void assertSameRows(Persistence actual, Persistence expected) {
        List<RunContext> a = actual.runs().runsOfBacktest(REQUEST.backtestRunId());
        List<RunContext> e = expected.runs().runsOfBacktest(REQUEST.backtestRunId());
        assertThat(a).isNotEmpty().isEqualTo(e);
        for (int i = 0; i < a.size(); i++) {
            var ha = actual.runs().stepHashes(a.get(i).runId()).orElseThrow();
            var he = expected.runs().stepHashes(e.get(i).runId()).orElseThrow();
            for (CycleStep step : CycleStep.values()) {
                assertThat(ha.get(step)).as("hour %s, %s", a.get(i).hour(), step).isEqualTo(he.get(step));
            }
            assertThat(actual.decisions().signals(a.get(i).runId())).isEqualTo(expected.decisions().signals(e.get(i).runId()));
        }
        var account = a.get(0).account();
        assertThat(actual.decisions().riskEvents(account, RunMode.BACKTEST, FROM, TO))
                .isEqualTo(expected.decisions().riskEvents(account, RunMode.BACKTEST, FROM, TO));
        assertThat(((InMemoryDecisionRecordRepository) actual.decisions()).featureRows())
                .isEqualTo(((InMemoryDecisionRecordRepository) expected.decisions()).featureRows());
        var xa = (InMemoryExecutionRepository) actual.execution();
        var xe = (InMemoryExecutionRepository) expected.execution();
        assertThat(xa.allOrders()).isEqualTo(xe.allOrders());
        assertThat(xa.allFills()).isEqualTo(xe.allFills());
        assertThat(xa.ledger(account, RunMode.BACKTEST)).isEqualTo(xe.ledger(account, RunMode.BACKTEST));
        assertThat(((InMemoryAccountStateRepository) actual.states()).all(account, RunMode.BACKTEST))
                .isEqualTo(((InMemoryAccountStateRepository) expected.states()).all(account, RunMode.BACKTEST));
    }

    private static void assertNoThreadLeft() {
        assertThat(Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName))
                .noneMatch(n -> n.startsWith("market-ahead-"));
    }

    private static Persistence store() throws Exception {
        return InMemoryBacktestStore.of(CFG, ASSETS.toArray(Asset[]::new));
    }

    /** The real trainer (each fold trained once per class), its feature engine failing at {@code failing}, if given. */
    private static ModelTrainer trainer(Optional<HourTs> failing) {
        ModelTrainer real = MlModels.trainer();
        return (candles, trainFrom, trainTo, seed) -> {
            ModelTrainer.TrainedStack t;
            synchronized (TRAINED) {
                t = TRAINED.computeIfAbsent(trainFrom + " " + trainTo + " " + seed, k -> real.train(candles, trainFrom, trainTo, seed));
            }
            return failing.isEmpty() ? t : failingAt(t, failing.get());
        };
    }

    private static ModelTrainer.TrainedStack failingAt(ModelTrainer.TrainedStack t, HourTs failing) {
        FeatureEngine engine = new FeatureEngine() {
            @Override
            public int lookbackBars() {
                return t.featureEngine().lookbackBars();
            }

            @Override
            public FeatureVector compute(AssetId asset, HourTs hour, List<Candle> closedCandles, Optional<BookSnapshot> book) {
                if (hour.equals(failing)) {
                    throw new IllegalStateException("features failed at " + hour);
                }
                return t.featureEngine().compute(asset, hour, closedCandles, book);
            }
        };
        return new ModelTrainer.TrainedStack() {
            @Override
            public FeatureEngine featureEngine() {
                return engine;
            }

            @Override
            public ModelStack modelStack() {
                return t.modelStack();
            }

            @Override
            public List<ModelTrainer.TrainedArtifact> artifacts() {
                return t.artifacts();
            }

            @Override
            public SortedMap<String, BigDecimal> evaluate(SortedMap<AssetId, List<Candle>> candles, HourTs testFrom, HourTs testTo) {
                return t.evaluate(candles, testFrom, testTo);
            }
        };
    }
}
