package io.tradingcore.adapter.ml;

import io.tradingcore.domain.ModelRole;
import io.tradingcore.domain.Horizon;
import java.time.Instant;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/** A trained model ready for the registry: provenance, metrics and the artifact with its sha256. */
record TrainedModel(String name, ModelRole role, Horizon horizon, Instant trainFrom, Instant trainTo,
                    SortedMap<String, String> hyperParams, long seed, SortedMap<String, Double> metrics,
                    byte[] artifact, String sha256) {

    TrainedModel {
        hyperParams = Collections.unmodifiableSortedMap(new TreeMap<>(hyperParams));
        metrics = Collections.unmodifiableSortedMap(new TreeMap<>(metrics));
        if ((horizon == null) != (role == ModelRole.REGIME)) {
            throw new IllegalArgumentException("REGIME models have no horizon, every other role has one: "
                    + role + "/" + horizon);
        }
        if (!Artifact.sha256(artifact).equals(sha256)) {
            throw new IllegalArgumentException("sha256 does not match the artifact of " + name + "/" + role);
        }
    }

    static TrainedModel of(String name, ModelRole role, Horizon horizon, Instant from, Instant to,
                           SortedMap<String, String> hyperParams, long seed, SortedMap<String, Double> metrics,
                           byte[] artifact) {
        return new TrainedModel(name, role, horizon, from, to, hyperParams, seed, metrics, artifact,
                Artifact.sha256(artifact));
    }
}
