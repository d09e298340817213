package io.tradingcore.domain.run;

import java.util.Objects;

/**
 * Outcome of opening the run context of an hour. A second start of the same (account, mode, hour)
 * never creates a second row: it is {@link AlreadyFinished} (the caller reports SKIPPED) or
 * {@link Resumed} (a STARTED or FAILED row is picked up again and the cycle re-runs idempotently),
 * or {@link Busy} (another live process is running it right now: do not run).
 */
public sealed interface RunStart {
    RunContext context();

    /** A new run_context row was written with status STARTED. */
    record Started(RunContext context) implements RunStart {
        public Started {
            Objects.requireNonNull(context, "context");
        }
    }

    /** An existing unfinished run (STARTED after a crash, or FAILED) is STARTED again. */
    record Resumed(RunContext context) implements RunStart {
        public Resumed {
            Objects.requireNonNull(context, "context");
        }
    }

    /** The hour already has a COMPLETED or SKIPPED run; nothing was written. */
    record AlreadyFinished(RunContext context) implements RunStart {
        public AlreadyFinished {
            Objects.requireNonNull(context, "context");
        }
    }

    /** Another live cycle owns this STARTED run; nothing was written and the caller must not run it. */
    record Busy(RunContext context) implements RunStart {
        public Busy {
            Objects.requireNonNull(context, "context");
        }
    }
}
