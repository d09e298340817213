package io.tradingcore.domain;

import java.util.Objects;

/** A base model's probability that the forward return over {@code horizon} beats the round-trip cost. */
public record BasePrediction(ModelRole role, Horizon horizon, ModelVersionId modelVersion, double probability) {
    public BasePrediction {
        Objects.requireNonNull(role, "base.role");
        Objects.requireNonNull(horizon, "base.horizon");
        Objects.requireNonNull(modelVersion, "base.modelVersion");
        if (role != ModelRole.BASE_TREE && role != ModelRole.BASE_DEEP) {
            throw new IllegalArgumentException("base prediction role must be BASE_TREE or BASE_DEEP, was " + role);
        }
        Probabilities.check(probability, "base.probability");
    }
}
