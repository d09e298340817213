package io.tradingcore.application.backtest;

import io.tradingcore.application.Persistence;
import io.tradingcore.application.config.AppConfig;
import io.tradingcore.domain.AccountId;
import io.tradingcore.domain.Asset;
import io.tradingcore.domain.AssetId;
import io.tradingcore.domain.Candle;
import io.tradingcore.domain.HourTs;
import io.tradingcore.domain.RunMode;
import io.tradingcore.ports.out.HourlyState;
import io.tradingcore.ports.out.ModelTrainer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The model side of a walk-forward fold: trains the stack on the fold's (purged) training window with the fold's
 * seed, registers and activates its models, explains a training window with too few samples, and scores the fold
 * (model metrics on its test window plus the trading return over it).
 */
final class FoldModels {

    private final Persistence ports;
    private final ModelTrainer trainer;

    FoldModels(Persistence ports, ModelTrainer trainer) {
        this.ports = ports;
        this.trainer = trainer;
    }

    /** Trains {@code fold}'s stack and registers and activates its models. */
    ModelTrainer.TrainedStack trainAndActivate(FoldPlan.Fold fold, WalkForwardBacktest.Request r,
                                               SortedMap<AssetId, List<Candle>> candles) {
        ModelTrainer.TrainedStack trained;
        try {
            trained = trainer.train(candles, fold.trainFrom(), fold.trainTo(), foldSeed(r.seed(), fold.index()));
        } catch (ModelTrainer.TooFewSamplesException e) {
            throw new IllegalArgumentException(tooFewSamples(e, fold, r, r.config().config().walkForward(), candles), e);
        }
        for (ModelTrainer.TrainedArtifact a : trained.artifacts()) {
            ports.registry().register(a.version(), a.artifact());
            ports.registry().activate(a.version().id());
        }
        return trained;
    }

    static long foldSeed(int seed, int foldIndex) {
        return seed * 1_000_003L + foldIndex;
    }

    /**
     * The trainer's "only N training samples ..." with the remedy: the minimum, which window it was, and the earliest
     * {@code --from} (a whole UTC day) whose first fold trains on enough samples of the candles already loaded (the
     * stored data), or that none up to {@code --to} does.
     */
    private String tooFewSamples(ModelTrainer.TooFewSamplesException e, FoldPlan.Fold fold, WalkForwardBacktest.Request r,
                                 AppConfig.WalkForward wf, SortedMap<AssetId, List<Candle>> candles) {
        String head = e.getMessage() + " (fold " + fold.index() + " trains on the " + wf.trainHours() + " hours (walkForward.trainHours)"
                + " ending " + wf.purgeHours() + " hours before its test window; the trainer needs at least " + e.minimum()
                + " samples, one per asset-hour with a full feature lookback and a known label): ";
        if (trainer.trainingSamples(candles, fold.trainFrom(), fold.trainTo()).isEmpty()) {
            return head + "start later (--from) or ingest or download earlier data";
        }
        Optional<HourTs> from = EarliestFrom.search(r.from(), r.to(), e.minimum(),
                f -> trainer.trainingSamples(candles, f.minusHours(wf.purgeHours() + wf.trainHours()), f.minusHours(wf.purgeHours())));
        if (from.isEmpty()) {
            return head + "no --from up to --to " + r.to() + " gives that many with the stored candles of " + r.assets().stream()
                    .map(Asset::symbol).toList() + "; ingest or download earlier data, add assets, or raise walkForward.trainHours";
        }
        return head + "the earliest --from that works with the stored candles is --from " + from.get().toInstant().toString().substring(0, 10)
                + " (or ingest or download earlier data)";
    }

    /** The fold's stored metrics: the stack's evaluation on the test window, the trading return and the purge/embargo. */
    SortedMap<String, BigDecimal> foldMetrics(ModelTrainer.TrainedStack trained,
                                              SortedMap<AssetId, List<Candle>> candles, FoldPlan.Fold fold,
                                              AccountId account) {
        SortedMap<String, BigDecimal> metrics = new TreeMap<>(trained.evaluate(candles, fold.testFrom(), fold.testTo()));
        Optional<HourlyState> start = ports.states().latestBefore(account, RunMode.BACKTEST, fold.testFrom());
        Optional<HourlyState> end = ports.states().latestBefore(account, RunMode.BACKTEST, fold.testTo());
        if (start.isPresent() && end.isPresent() && start.get().portfolio().equity().signum() > 0) {
            BigDecimal ret = end.get().portfolio().equity().divide(start.get().portfolio().equity(), 18,
                    RoundingMode.HALF_EVEN).subtract(BigDecimal.ONE);
            metrics.put("trading.return", ret);
        }
        end.ifPresent(s -> {
            metrics.put("trading.end_equity", s.portfolio().equity());
            metrics.put("trading.end_drawdown", s.portfolio().drawdown());
        });
        metrics.put("walk_forward.purge_hours", BigDecimal.valueOf(fold.purgeHours()));
        metrics.put("walk_forward.embargo_hours", BigDecimal.valueOf(fold.embargoHours()));
        return metrics;
    }
}
