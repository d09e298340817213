package io.tradingcore.domain.hash;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** The step hashes of one cycle, in step order. Immutable. */
public record StepHashes(Map<CycleStep, String> hashes) {
    public StepHashes {
        if (hashes instanceof Checked checked) {
            // made by with(): its entries were checked one by one as they were added
            hashes = Collections.unmodifiableMap(checked.map);
        } else {
            EnumMap<CycleStep, String> copy = new EnumMap<>(CycleStep.class);
            hashes.forEach((k, v) -> copy.put(k, checked(k, v)));
            hashes = Collections.unmodifiableMap(copy);
        }
    }

    private static String checked(CycleStep step, String hash) {
        Objects.requireNonNull(step, "step");
        if (!isSha64(hash)) {
            throw new IllegalArgumentException("step hash of " + step + " must be 64 lower-case hex, was " + hash);
        }
        return hash;
    }

    /** Hashes already checked, on their way from {@link #with} to the constructor (never handed out). */
    private static final class Checked extends AbstractMap<CycleStep, String> {
        private final EnumMap<CycleStep, String> map;

        Checked(EnumMap<CycleStep, String> map) {
            this.map = map;
        }

        @Override
        public Set<Entry<CycleStep, String>> entrySet() {
            return map.entrySet();
        }
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

    /** These hashes plus one more step (only the new hash is checked: the others were when they were added). */
    public StepHashes with(CycleStep step, String sha256) {
        EnumMap<CycleStep, String> copy = new EnumMap<>(CycleStep.class);
        copy.putAll(hashes);
        copy.put(step, checked(step, sha256));
        return new StepHashes(new Checked(copy));
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
