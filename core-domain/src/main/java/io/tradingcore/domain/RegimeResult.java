package io.tradingcore.domain;

import java.util.Objects;

/** Output of the REGIME model for one asset-hour. */
public record RegimeResult(String regime, double confidence, ModelVersionId modelVersion) {
    /**
     * The label of an asset-hour whose feature vector lies outside the models' training distribution (the model
     * stack's out-of-distribution gate); the signal policy takes no entry on it.
     */
    public static final String OUT_OF_DISTRIBUTION = "OUT_OF_DISTRIBUTION";

    public RegimeResult {
        Objects.requireNonNull(regime, "regime");
        Objects.requireNonNull(modelVersion, "regime.modelVersion");
        if (regime.isBlank()) {
            throw new IllegalArgumentException("regime must not be blank");
        }
        Probabilities.check(confidence, "regime.confidence");
    }
}
