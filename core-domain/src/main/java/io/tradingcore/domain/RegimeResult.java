package io.tradingcore.domain;

import java.util.Objects;

/** Output of the REGIME model for one asset-hour. */
public record RegimeResult(String regime, double confidence, ModelVersionId modelVersion) {
    public RegimeResult {
        Objects.requireNonNull(regime, "regime");
        Objects.requireNonNull(modelVersion, "regime.modelVersion");
        if (regime.isBlank()) {
            throw new IllegalArgumentException("regime must not be blank");
        }
        Probabilities.check(confidence, "regime.confidence");
    }
}
