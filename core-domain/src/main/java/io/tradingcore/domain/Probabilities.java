package io.tradingcore.domain;

/** Validation shared by the model-output records. */
final class Probabilities {
    private Probabilities() {
    }

    static void check(double p, String field) {
        if (!(p >= 0.0 && p <= 1.0)) {
            throw new IllegalArgumentException(field + " must be a probability in [0, 1], was " + p);
        }
    }

    static void finite(double v, String field) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(field + " must be finite, was " + v);
        }
    }
}
