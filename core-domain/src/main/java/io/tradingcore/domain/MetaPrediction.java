package io.tradingcore.domain;

import java.util.List;
import java.util.Objects;

/** The META model's probability and expected return for one horizon, with its components. */
public record MetaPrediction(Horizon horizon, ModelVersionId modelVersion, double probability,
                             double expectedReturn, List<MetaComponent> components) {
    public MetaPrediction {
        Objects.requireNonNull(horizon, "meta.horizon");
        Objects.requireNonNull(modelVersion, "meta.modelVersion");
        Probabilities.check(probability, "meta.probability");
        Probabilities.finite(expectedReturn, "meta.expectedReturn");
        components = List.copyOf(components);
    }
}
