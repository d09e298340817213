package io.tradingcore.adapter.ml;

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
                      MetaModel.Params meta) {

    TrainingConfig {
        if (cost == null || purge == null || embargo == null || minTrain == null || testWindow == null
                || tree == null || deep == null || regime == null || meta == null) {
            throw new IllegalArgumentException("training config: every part except rollingTrain is required");
        }
        if (purge.compareTo(Duration.ofHours(MlHorizon.longestHours())) < 0) {
            throw new IllegalArgumentException("purge " + purge + " is shorter than the longest horizon ("
                    + MlHorizon.longestHours() + "h): training labels would overlap the test window");
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

    static TrainingConfig defaults(long seed) {
        return new TrainingConfig(seed, CostModel.defaults(), Duration.ofHours(24), Duration.ofHours(24),
                Duration.ofDays(365), Duration.ofDays(182), null, 0.5, 500,
                TreeModel.Params.DEFAULT, DeepModel.Params.DEFAULT, RegimeModel.Params.DEFAULT,
                MetaModel.Params.DEFAULT);
    }
}
