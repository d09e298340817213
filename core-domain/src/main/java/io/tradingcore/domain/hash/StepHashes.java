package io.tradingcore.domain.hash;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/** The step hashes of one cycle, in step order. Immutable. */
public record StepHashes(Map<CycleStep, String> hashes) {
    private static final Pattern SHA64 = Pattern.compile("[0-9a-f]{64}");

    public StepHashes {
        EnumMap<CycleStep, String> copy = new EnumMap<>(CycleStep.class);
        hashes.forEach((k, v) -> {
            Objects.requireNonNull(k, "step");
            if (v == null || !SHA64.matcher(v).matches()) {
                throw new IllegalArgumentException("step hash of " + k + " must be 64 lower-case hex, was " + v);
            }
            copy.put(k, v);
        });
        hashes = Collections.unmodifiableMap(copy);
    }

    public static StepHashes empty() {
        return new StepHashes(new EnumMap<>(CycleStep.class));
    }

    /** These hashes plus one more step. */
    public StepHashes with(CycleStep step, String sha256) {
        EnumMap<CycleStep, String> copy = new EnumMap<>(CycleStep.class);
        copy.putAll(hashes);
        copy.put(step, sha256);
        return new StepHashes(copy);
    }

    public Optional<String> get(CycleStep step) {
        return Optional.ofNullable(hashes.get(step));
    }

    /** The first step (in step order) whose hash differs from {@code other}'s, if any. */
    public Optional<CycleStep> firstDifference(StepHashes other) {
        for (CycleStep s : CycleStep.values()) {
            if (!Objects.equals(hashes.get(s), other.hashes.get(s))) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
