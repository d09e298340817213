package io.tradingcore.ports.out;

import io.tradingcore.domain.FeatureVector;
import io.tradingcore.domain.StackPrediction;
import java.util.OptionalDouble;

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

    /**
     * The threshold of the stack's out-of-distribution gate: a feature vector whose distance from the training
     * distribution exceeds it is labelled {@link io.tradingcore.domain.RegimeResult#OUT_OF_DISTRIBUTION}, and each
     * prediction records distance / threshold as the META component
     * {@link io.tradingcore.domain.MetaComponent#OOD_DISTANCE_RATIO}. Empty for a stack without a gate.
     */
    default OptionalDouble oodThreshold() {
        return OptionalDouble.empty();
    }
}
