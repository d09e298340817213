package io.tradingcore.domain;

import java.util.Objects;
import java.util.UUID;

/** Typed id (UUID). Deterministic instances come from {@link DeterministicIds}, never from randomUUID. */
public record ModelVersionId(UUID value) implements Comparable<ModelVersionId> {
    public ModelVersionId {
        Objects.requireNonNull(value, "ModelVersionId.value");
    }

    public static ModelVersionId of(String uuid) {
        return new ModelVersionId(UUID.fromString(uuid));
    }

    @Override
    public int compareTo(ModelVersionId o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
