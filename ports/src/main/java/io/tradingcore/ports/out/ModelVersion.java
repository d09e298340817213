package io.tradingcore.ports.out;

import io.tradingcore.domain.Horizon;
import io.tradingcore.domain.ModelRole;
import io.tradingcore.domain.ModelVersionId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One trained model (model_version): name, role, horizon (null for REGIME and for a META model that
 * covers all horizons), training window [trainFrom, trainTo), hyper-parameters, seed, metrics and the
 * SHA-256 of its serialized artifact.
 */
public record ModelVersion(ModelVersionId id, String name, ModelRole role, Horizon horizon, Instant trainFrom,
                           Instant trainTo, SortedMap<String, String> hyperParams, long seed,
                           SortedMap<String, BigDecimal> metrics, String artifactSha256, boolean active) {
    private static final Pattern SHA64 = Pattern.compile("[0-9a-f]{64}");

    public ModelVersion {
        Objects.requireNonNull(id, "model.id");
        Objects.requireNonNull(name, "model.name");
        Objects.requireNonNull(role, "model.role");
        Objects.requireNonNull(trainFrom, "model.trainFrom");
        Objects.requireNonNull(trainTo, "model.trainTo");
        Objects.requireNonNull(artifactSha256, "model.artifactSha256");
        if (name.isBlank()) {
            throw new IllegalArgumentException("model name must not be blank");
        }
        if (!trainFrom.isBefore(trainTo)) {
            throw new IllegalArgumentException("model trainFrom " + trainFrom + " must be before trainTo " + trainTo);
        }
        if (!SHA64.matcher(artifactSha256).matches()) {
            throw new IllegalArgumentException("model artifactSha256 must be 64 lower-case hex, was '" + artifactSha256 + "'");
        }
        hyperParams = Collections.unmodifiableSortedMap(new TreeMap<>(hyperParams));
        metrics = Collections.unmodifiableSortedMap(new TreeMap<>(metrics));
    }

    /** The same version with another active flag. */
    public ModelVersion withActive(boolean a) {
        return new ModelVersion(id, name, role, horizon, trainFrom, trainTo, hyperParams, seed, metrics, artifactSha256, a);
    }
}
