package io.tradingcore.domain.run;

import io.tradingcore.domain.AccountId;
import io.tradingcore.domain.BacktestRunId;
import io.tradingcore.domain.HourTs;
import io.tradingcore.domain.RunId;
import io.tradingcore.domain.RunMode;
import java.time.Instant;
import java.util.Objects;

/**
 * One cycle per (account, run mode, hour), column for column as run_context. BACKTEST runs carry their
 * backtest run id, PAPER and LIVE never do.
 */
public record RunContext(RunId runId, AccountId account, RunMode mode, HourTs hour, long cycleSeq,
                         String codeVersionSha, String configHash, String dataSnapshotHash, int randomSeed,
                         BacktestRunId backtestRunId, RunStatus status, Instant startedAt, Instant completedAt) {
    private static final int SHA40 = 40;
    private static final int SHA64 = 64;

    public RunContext {
        Objects.requireNonNull(runId, "run.runId");
        Objects.requireNonNull(account, "run.account");
        Objects.requireNonNull(mode, "run.mode");
        Objects.requireNonNull(hour, "run.hour");
        Objects.requireNonNull(status, "run.status");
        Objects.requireNonNull(startedAt, "run.startedAt");
        if (cycleSeq < 0) {
            throw new IllegalArgumentException("run cycleSeq must be >= 0, was " + cycleSeq);
        }
        requireHex(codeVersionSha, SHA40, "run.codeVersionSha (40 hex)");
        requireHex(configHash, SHA64, "run.configHash (64 hex)");
        requireHex(dataSnapshotHash, SHA64, "run.dataSnapshotHash (64 hex)");
        if (mode == RunMode.BACKTEST && backtestRunId == null) {
            throw new IllegalArgumentException("a BACKTEST run needs its backtestRunId");
        }
        if (mode != RunMode.BACKTEST && backtestRunId != null) {
            throw new IllegalArgumentException("a " + mode + " run must not carry a backtestRunId");
        }
        if (completedAt != null && completedAt.isBefore(startedAt)) {
            throw new IllegalArgumentException("run completedAt " + completedAt + " is before startedAt " + startedAt);
        }
        if (status == RunStatus.STARTED && completedAt != null) {
            throw new IllegalArgumentException("a STARTED run has no completedAt");
        }
    }

    /** The key every row of this cycle carries. */
    public RunKey key() {
        return new RunKey(runId, account, mode, hour);
    }

    /** This run moved to {@code next} at {@code at}; refuses a transition RunStatus does not allow. */
    public RunContext moveTo(RunStatus next, Instant at) {
        if (!status.canMoveTo(next)) {
            throw new IllegalStateException("run " + runId + " cannot move from " + status + " to " + next);
        }
        Instant completed = next == RunStatus.STARTED ? null : at;
        Instant started = next == RunStatus.STARTED ? at : startedAt;
        return new RunContext(runId, account, mode, hour, cycleSeq, codeVersionSha, configHash, dataSnapshotHash,
                randomSeed, backtestRunId, next, started, completed);
    }

    /** Exactly {@code length} characters of [0-9a-f] (a loop: a run context is built several times per hour). */
    private static void requireHex(String v, int length, String field) {
        Objects.requireNonNull(v, field);
        boolean hex = v.length() == length;
        for (int i = 0; hex && i < length; i++) {
            char c = v.charAt(i);
            hex = c >= '0' && c <= '9' || c >= 'a' && c <= 'f';
        }
        if (!hex) {
            throw new IllegalArgumentException(field + " must be lower-case hex, was '" + v + "'");
        }
    }
}
