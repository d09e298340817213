package io.tradingcore.domain.hash;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The step hashes of one cycle, in step order. Immutable. */
public record StepHashes(Map<CycleStep, String> hashes) {
    public StepHashes {
        EnumMap<CycleStep, String> copy = new EnumMap<>(CycleStep.class);
        hashes.forEach((k, v) -> {
            Objects.requireNonNull(k, "step");
            if (!isSha64(v)) {
                throw new IllegalArgumentException("step hash of " + k + " must be 64 lower-case hex, was " + v);
            }
            copy.put(k, v);
        });
        hashes = Collections.unmodifiableMap(copy);
    }

    /** 64 lower-case hex digits (what the pattern [0-9a-f]{64} accepts; a loop, as this runs for every step of every hour). */
    private static boolean isSha64(String v) {
        if (v == null || v.length() != 64) {
            return false;
        }
        for (int i = 0; i < 64; i++) {
            char c = v.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
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
