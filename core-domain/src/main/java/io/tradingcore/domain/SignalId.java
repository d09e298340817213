package io.tradingcore.domain;

import java.util.Objects;
import java.util.UUID;

/** Typed id (UUID). Deterministic instances come from {@link DeterministicIds}, never from randomUUID. */
public record SignalId(UUID value) implements Comparable<SignalId> {
    public SignalId {
        Objects.requireNonNull(value, "SignalId.value");
    }

    public static SignalId of(String uuid) {
        return new SignalId(UUID.fromString(uuid));
    }

    @Override
    public int compareTo(SignalId o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
