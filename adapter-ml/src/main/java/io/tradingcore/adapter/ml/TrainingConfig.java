package io.tradingcore.adapter.ml;

import io.tradingcore.domain.Horizon;

import io.tradingcore.domain.CostModel;
import java.time.Duration;

/**
 * Everything that determines a training run besides the data. Walk-forward: the first test window starts
 * {@code minTrain} after the first row; each fold trains on rows before {@code testStart - purge} (all of them, or
 * the last {@code rollingTrain} when set), tests on {@code testWindow}, and the next test window starts
 * {@code embargo} after the previous one ended, so rows right after a test window are never scored by a model
 * whose meta-learner saw their neighbours.
 */
record TrainingConfig(long seed, CostModel cost, Duration purge, Duration embargo, Duration minTrain,
                      Duration testWindow, Duration rollingTrain, double enterThreshold, int minMetaRows,
                      TreeModel.Params tree, DeepModel.Params deep, RegimeModel.Params regime,
                      MetaModel.Params meta, Options options) {

    /**
     * What a model generation is trained with besides the hyper-parameters: the feature set, the recency weighting of
     * training rows (weight 0.5^(age / half-life), age = end of the training window - row hour; 0 = every row weighs
     * the same) for the tree and the MLP, and the out-of-distribution gate (the quantile of the training rows'
     * distances that becomes the threshold; 0 = no gate). {@link #LEGACY} is what stacks were trained with before
     * these options existed (stored runs replay with it); {@link #DEFAULT} is what new runs use.
     */
    record Options(FeatureSet features, double recencyHalfLifeDays, double oodQuantile) {
        static final Options LEGACY = new Options(FeatureSet.V1, 0.0, 0.0);
        /**
         * Feature set 1 and equal weights, because the evaluation (docs/ml.md) found that feature set 2 and recency
         * weighting improve neither the tree nor META and make the MLP worse; the OOD gate is on.
         */
        static final Options DEFAULT = new Options(FeatureSet.V1, 0.0, 0.999);

        Options {
            if (features == null) {
                throw new IllegalArgumentException("feature set is required");
            }
            if (!(recencyHalfLifeDays >= 0 && recencyHalfLifeDays <= 36500)) {
                throw new IllegalArgumentException("recency half-life must be in [0, 36500] days, was "
                        + recencyHalfLifeDays);
            }
            if (!(oodQuantile == 0 || oodQuantile >= 0.5 && oodQuantile <= 1)) {
                throw new IllegalArgumentException("OOD quantile must be 0 (no gate) or in [0.5, 1], was " + oodQuantile);
            }
        }

        /** Recency weights of {@code rows} (null when there is no weighting), normalised to mean 1. */
        double[] weights(long[] hour, int[] rows) {
            if (recencyHalfLifeDays == 0 || rows.length == 0) {
                return null;
            }
            long end = hour[rows[rows.length - 1]];
            double[] w = new double[hour.length];
            double sum = 0;
            for (int r : rows) {
                w[r] = Math.pow(0.5, (end - hour[r]) / (recencyHalfLifeDays * 86400.0));
                sum += w[r];
            }
            double scale = rows.length / sum;
            for (int r : rows) {
                w[r] *= scale;
            }
            return w;
        }
    }

    TrainingConfig {
        if (cost == null || purge == null || embargo == null || minTrain == null || testWindow == null
                || tree == null || deep == null || regime == null || meta == null || options == null) {
            throw new IllegalArgumentException("training config: every part except rollingTrain is required");
        }
        if (purge.compareTo(Duration.ofHours(Horizon.longest().hours())) < 0) {
            throw new IllegalArgumentException("purge " + purge + " is shorter than the longest horizon ("
                    + Horizon.longest().hours() + "h): training labels would overlap the test window");
        }
        if (embargo.isNegative() || minTrain.isNegative() || minTrain.isZero() || testWindow.isNegative()
                || testWindow.isZero()) {
            throw new IllegalArgumentException("embargo must be >= 0, minTrain and testWindow > 0");
        }
        if (rollingTrain != null && rollingTrain.compareTo(Duration.ofDays(30)) < 0) {
            throw new IllegalArgumentException("rollingTrain must be at least 30 days, was " + rollingTrain);
        }
        if (!(enterThreshold > 0 && enterThreshold < 1)) {
            throw new IllegalArgumentException("enterThreshold must be in (0,1), was " + enterThreshold);
        }
    }

    /** As this configuration with other options. */
    TrainingConfig with(Options o) {
        return new TrainingConfig(seed, cost, purge, embargo, minTrain, testWindow, rollingTrain, enterThreshold,
                minMetaRows, tree, deep, regime, meta, o);
    }

    /** Default hyper-parameters with the {@link Options#LEGACY} options (the tests' and benchmarks' reference). */
    static TrainingConfig defaults(long seed) {
        return new TrainingConfig(seed, CostModel.defaults(), Duration.ofHours(24), Duration.ofHours(24),
                Duration.ofDays(365), Duration.ofDays(182), null, 0.5, 500,
                TreeModel.Params.DEFAULT, DeepModel.Params.DEFAULT, RegimeModel.Params.DEFAULT,
                MetaModel.Params.DEFAULT, Options.LEGACY);
    }
}
