package io.tradingcore.ports.out;

import io.tradingcore.domain.FeatureVector;
import io.tradingcore.domain.StackPrediction;

/** Regime, base models per horizon and the meta-learner, as one inference call. */
public interface ModelStack {
    /**
     * Predicts from one feature vector. Deterministic and pure: the same vector gives the same
     * prediction (same model versions). Records each model's version in the result.
     *
     * @throws IllegalArgumentException if the vector's feature names do not match what the models were trained on
     * @throws IllegalStateException    if no active model is loaded for a role the stack needs
     */
    StackPrediction predict(FeatureVector features);
}
