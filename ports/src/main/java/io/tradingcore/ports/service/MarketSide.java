package io.tradingcore.ports.service;

import io.tradingcore.domain.Asset;
import io.tradingcore.domain.AssetId;
import io.tradingcore.domain.Candle;
import io.tradingcore.domain.FeatureVector;
import io.tradingcore.domain.HourTs;
import io.tradingcore.domain.StackPrediction;
import io.tradingcore.ports.out.FeatureEngine;
import io.tradingcore.ports.out.ModelStack;
import io.tradingcore.ports.out.TradingConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The market side of one hour of the cycle: the rows read as of the hour and their hash (DATA), the features of the
 * fresh assets (FEATURES) and the stack's predictions (MODELS), with their step hashes. None of it depends on the
 * account's state, only on the market data and the models, so a backtest, whose hours are known in advance, computes
 * it for the next hours on a thread of its own ({@link HourlyCycleService#prepare}) while the cycle does the state
 * side of this hour; PAPER and LIVE compute it in the cycle, FEATURES and MODELS when the decide step asks for them
 * ({@link HourlyCycleService#run(io.tradingcore.ports.in.RunHourlyCycleCommand)}). Either way the same code computes
 * it and the cycle records it, at the same point, and a failure is thrown where the cycle would have failed computing
 * it itself (DATA before the run context opens, FEATURES and MODELS in the decide step).
 *
 * <p>Computed by one thread, then handed over (with a happens-before edge) to the cycle's thread; after that only
 * the DATA, FEATURES and MODELS hashes may still be computed by the first thread ({@link #hashAhead}), under this
 * object's monitor; the cycle computes those not computed yet itself.
 */
public final class MarketSide {
    final HourTs hour;
    final List<Asset> assets;
    final TradingConfig config;
    /** The cycle service whose engine and models computed it (a market side is only run by its own service). */
    final Object owner;
    private final FeatureEngine featureEngine;
    private final ModelStack models;
    private final java.util.function.Function<List<AssetInputs>, String> dataHasher;
    private List<AssetInputs> inputs;
    private String dataHash;
    private Throwable dataFailure;
    private List<FeatureVector> features;
    private String featuresHash;
    private Throwable featuresFailure;
    private SortedMap<AssetId, StackPrediction> predictions;
    private String modelsHash;
    private Throwable modelsFailure;

    /**
     * Reads the hour's data now ({@code read}; hashed by {@code dataHasher} when asked); {@code ahead}: FEATURES and
     * MODELS too, every failure kept for the cycle to throw; otherwise failures propagate, and FEATURES and MODELS wait
     * for the decide step.
     */
    MarketSide(Object owner, HourTs hour, List<Asset> assets, TradingConfig config, FeatureEngine featureEngine,
               ModelStack models, java.util.function.Supplier<List<AssetInputs>> read,
               java.util.function.Function<List<AssetInputs>, String> dataHasher, boolean ahead) {
        this.owner = owner;
        this.hour = hour;
        this.assets = assets;
        this.config = config;
        this.featureEngine = featureEngine;
        this.models = models;
        this.dataHasher = dataHasher;
        if (!ahead) {
            inputs = read.get();
            return;
        }
        try {
            inputs = read.get();
            computeFeatures();
            computePredictions();
        } catch (RuntimeException | Error e) {
            if (inputs == null) {
                dataFailure = e;
            } else if (features == null) {
                featuresFailure = e;
            } else {
                modelsFailure = e;
            }
        }
    }

    List<AssetInputs> inputs() {
        rethrow(dataFailure);
        return inputs;
    }

    /** The DATA hash, computed now unless computed ahead (by whichever thread comes first; the same hash). */
    String dataHash() {
        List<AssetInputs> in = inputs();
        synchronized (this) {
            if (dataHash == null) {
                dataHash = dataHasher.apply(in);
            }
            return dataHash;
        }
    }

    /** FEATURES of every fresh asset, computed now unless computed ahead. */
    List<FeatureVector> features() {
        rethrow(featuresFailure);
        if (features == null) {
            computeFeatures();
        }
        return features;
    }

    /** The FEATURES hash, computed now unless computed ahead (by whichever thread comes first; the same hash). */
    String featuresHash() {
        List<FeatureVector> f = features();
        synchronized (this) {
            if (featuresHash == null) {
                featuresHash = CycleState.hashOf(f);
            }
            return featuresHash;
        }
    }

    /** MODELS: the stack's prediction for every feature vector, computed now unless computed ahead. */
    SortedMap<AssetId, StackPrediction> predictions() {
        rethrow(modelsFailure);
        if (predictions == null) {
            features();
            computePredictions();
        }
        return predictions;
    }

    /** The MODELS hash, computed now unless computed ahead (by whichever thread comes first; the same hash). */
    String modelsHash() {
        SortedMap<AssetId, StackPrediction> p = predictions();
        synchronized (this) {
            if (modelsHash == null) {
                modelsHash = CycleState.hashOf(p);
            }
            return modelsHash;
        }
    }

    /**
     * Computes the DATA, FEATURES and MODELS hashes now, unless the cycle already has: for the thread that prepared this
     * market side ({@link HourlyCycleService#prepare}), when it has nothing else to do, so that the two threads share
     * the hashing as their loads allow. The cycle takes the hashes from whichever thread computed them first (the
     * same hashes); a failure here is left for the cycle, which computes the hash again and fails at its point.
     */
    public void hashAhead() {
        if (inputs == null || features == null || predictions == null) {
            return; // a failure the cycle throws
        }
        try {
            synchronized (this) {
                if (dataHash == null) {
                    dataHash = dataHasher.apply(inputs);
                }
            }
            synchronized (this) {
                if (featuresHash == null) {
                    featuresHash = CycleState.hashOf(features);
                }
            }
            synchronized (this) {
                if (modelsHash == null) {
                    modelsHash = CycleState.hashOf(predictions);
                }
            }
        } catch (RuntimeException e) {
            // left for the cycle, which hashes again and fails at its point
        }
    }

    private void computeFeatures() {
        List<FeatureVector> out = new ArrayList<>();
        for (AssetInputs in : inputs) {
            if (in.fresh()) {
                List<Candle> c = in.candles();
                List<Candle> window = c.subList(Math.max(0, c.size() - featureEngine.lookbackBars()), c.size());
                out.add(featureEngine.compute(in.asset().id(), hour, window, in.book()));
            }
        }
        features = out;
    }

    private void computePredictions() {
        SortedMap<AssetId, StackPrediction> out = new TreeMap<>();
        for (FeatureVector f : features) {
            out.put(f.asset(), models.predict(f));
        }
        predictions = out;
    }

    /** A failure of the thread that computed it ahead, thrown on the cycle's thread as it is (the run fails as before). */
    private static void rethrow(Throwable failure) {
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
    }
}
