package io.tradingcore.domain;

import java.util.Objects;
import java.util.UUID;

/** Typed id (UUID). Deterministic instances come from {@link DeterministicIds}, never from randomUUID. */
public record RunId(UUID value) implements Comparable<RunId> {
    public RunId {
        Objects.requireNonNull(value, "RunId.value");
    }

    public static RunId of(String uuid) {
        return new RunId(UUID.fromString(uuid));
    }

    @Override
    public int compareTo(RunId o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
