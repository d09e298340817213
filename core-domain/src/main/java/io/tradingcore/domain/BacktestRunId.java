package io.tradingcore.domain;

import java.util.Objects;
import java.util.UUID;

/** Typed id (UUID). Deterministic instances come from {@link DeterministicIds}, never from randomUUID. */
public record BacktestRunId(UUID value) implements Comparable<BacktestRunId> {
    public BacktestRunId {
        Objects.requireNonNull(value, "BacktestRunId.value");
    }

    public static BacktestRunId of(String uuid) {
        return new BacktestRunId(UUID.fromString(uuid));
    }

    @Override
    public int compareTo(BacktestRunId o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
