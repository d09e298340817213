package io.tradingcore.domain.run;

import java.util.EnumSet;
import java.util.Set;

/**
 * Status of a run_context row. STARTED -&gt; COMPLETED | FAILED | SKIPPED; a FAILED run may be started
 * again (resume after a fault), nothing else moves.
 */
public enum RunStatus {
    STARTED, COMPLETED, FAILED, SKIPPED;

    /** Whether {@code next} may follow this status. */
    public boolean canMoveTo(RunStatus next) {
        return allowedNext().contains(next);
    }

    /** Statuses that may follow this one. */
    public Set<RunStatus> allowedNext() {
        return switch (this) {
            case STARTED -> EnumSet.of(COMPLETED, FAILED, SKIPPED);
            case FAILED -> EnumSet.of(STARTED);
            case COMPLETED, SKIPPED -> EnumSet.noneOf(RunStatus.class);
        };
    }

    /** True once a cycle for the hour has finished for good (a new start is SKIPPED). */
    public boolean isFinal() {
        return this == COMPLETED || this == SKIPPED;
    }
}
