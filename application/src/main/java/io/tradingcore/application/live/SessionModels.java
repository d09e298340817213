package io.tradingcore.application.live;

import io.tradingcore.adapter.ml.MlModels;
import io.tradingcore.application.UseCaseException;
import io.tradingcore.application.config.AppConfig;
import io.tradingcore.domain.Asset;
import io.tradingcore.domain.AssetId;
import io.tradingcore.domain.Candle;
import io.tradingcore.domain.HourTs;
import io.tradingcore.domain.ModelRole;
import io.tradingcore.ports.out.FeatureEngine;
import io.tradingcore.ports.out.MarketDataRepository;
import io.tradingcore.ports.out.ModelRegistry;
import io.tradingcore.ports.out.ModelStack;
import io.tradingcore.ports.out.ModelTrainer;
import java.io.PrintWriter;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/** The models a PAPER or LIVE session decides with: the registry's active stack, or one trained once on request. */
public final class SessionModels {

    public static final String NO_ACTIVE_MODELS = "no active models: run a backtest first or pass --train-if-missing";

    /** A usable stack and how it was obtained (printed). */
    public record Loaded(FeatureEngine features, ModelStack stack, String origin) {
    }

    private SessionModels() {
    }

    /**
     * The active versions of {@link MlModels#DEFAULT_MODEL_NAME} (artifacts sha256-checked on load). When none is
     * active and {@code trainIfMissing}, trains once on the stored candles of the {@code walkForward.trainHours}
     * before {@code firstHour} (ending {@code purgeHours} before it, so no label reaches into the session), then
     * registers and activates the versions; otherwise refuses with a {@link UseCaseException} (the CLI: exit code 2).
     */
    public static Loaded activeOrTrain(ModelRegistry registry, MarketDataRepository marketData, ModelTrainer trainer,
                                       AppConfig cfg, List<Asset> assets, HourTs firstHour, long seed,
                                       boolean trainIfMissing, PrintWriter out) {
        if (registry.active(MlModels.DEFAULT_MODEL_NAME, ModelRole.REGIME).isPresent()) {
            try {
                ModelStack active = MlModels.loadActive(registry, MlModels.DEFAULT_MODEL_NAME);
                return new Loaded(MlModels.featureEngine(active), active,
                        "active registry models '" + MlModels.DEFAULT_MODEL_NAME + "'");
            } catch (IllegalStateException e) {
                if (!trainIfMissing) {
                    throw new UseCaseException("the active models cannot be loaded (" + e.getMessage()
                            + "): run a backtest first or pass --train-if-missing", e);
                }
                out.println("warning: the active models cannot be loaded (" + e.getMessage() + "); training new ones");
            }
        } else if (!trainIfMissing) {
            throw new UseCaseException(NO_ACTIVE_MODELS);
        }
        HourTs trainTo = firstHour.minusHours(cfg.walkForward().purgeHours());
        HourTs trainFrom = trainTo.minusHours(cfg.walkForward().trainHours());
        SortedMap<AssetId, List<Candle>> candles = new TreeMap<>();
        for (Asset a : assets) {
            candles.put(a.id(), marketData.candles(a.id(), cfg.trading().venue(), trainFrom, trainTo));
        }
        out.println("training models on " + trainFrom + " .. " + trainTo + " ("
                + candles.values().stream().mapToInt(List::size).sum() + " stored candles)");
        out.flush();
        ModelTrainer.TrainedStack trained;
        try {
            trained = trainer.train(candles, trainFrom, trainTo, seed);
        } catch (IllegalArgumentException e) {
            throw new UseCaseException("cannot train models on " + trainFrom + " .. " + trainTo + ": "
                    + e.getMessage() + " (ingest older candles or lower walkForward.trainHours)", e);
        }
        for (ModelTrainer.TrainedArtifact a : trained.artifacts()) {
            registry.register(a.version(), a.artifact());
            registry.activate(a.version().id());
        }
        return new Loaded(trained.featureEngine(), trained.modelStack(),
                trained.artifacts().size() + " model version(s) trained on " + trainFrom + " .. " + trainTo + " and activated");
    }
}
