package io.tradingcore.adapter.ml;

/** A trained base classifier: probability that the horizon's forward return beats the round-trip cost. */
interface BinaryModel {

    double probability(double[] features);

    /** Deterministic serialised form; see {@link Artifact}. */
    byte[] artifact();
}
