package io.tradingcore.adapter.postgres;

import static io.tradingcore.adapter.postgres.PgRunContextRepository.LOCK_NAMESPACE;
import static io.tradingcore.adapter.postgres.PgRunContextRepository.RANK_RUN_CONTEXT;
import static io.tradingcore.adapter.postgres.PgRunContextRepository.RANK_STEP_HASH;
import static io.tradingcore.adapter.postgres.PgRunContextRepository.describe;
import static io.tradingcore.adapter.postgres.PgRunContextRepository.stepHashRows;
import static io.tradingcore.adapter.postgres.PgRunContextRepository.toDomain;
import static io.tradingcore.adapter.postgres.PgRunContextRepository.toRecord;
import static io.tradingcore.adapter.postgres.jooq.Tables.RUN_CONTEXT;
import static io.tradingcore.adapter.postgres.jooq.Tables.RUN_STEP_HASH;

import io.tradingcore.adapter.postgres.jooq.tables.records.RunContextRecord;
import io.tradingcore.domain.RunId;
import io.tradingcore.domain.RunMode;
import io.tradingcore.domain.hash.StepHashes;
import io.tradingcore.domain.run.RunContext;
import io.tradingcore.domain.run.RunStart;
import io.tradingcore.domain.run.RunStatus;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.impl.DSL;

/**
 * The BACKTEST runs started and finished inside a unit of work ({@link Db#unitOfWork}): their run_context rows
 * wait in the unit and are COPYed once, in their final state, with their step hashes
 * ({@link PgRunContextRepository} takes the per-hour path for everything else).
 */
final class UnitRunContexts {
    /** The unit's deferred runs by run id. */
    private static final Object DEFERRED = new Object();

    private final Db db;

    UnitRunContexts(Db db) {
        this.db = db;
    }

    /** A BACKTEST run started inside a unit of work whose row waits for the unit's COPY. */
    private static final class Deferred {
        final RunContextRecord row;
        /** The unit's flush count when the row was appended: once it moves on, the row is stored. */
        final long appendedAt;
        RunStatus status = RunStatus.STARTED;

        Deferred(RunContextRecord row, long appendedAt) {
            this.row = row;
            this.appendedAt = appendedAt;
        }
    }

    /** What a unit of work knows about the runs of one (account, mode). */
    private static final class UnitRuns {
        boolean locked;
        /** The latest hour stored for the (account, mode) when the unit took its lock, or null. */
        Instant latestStored;
    }

    private record UnitKey(short account, RunMode mode) {
    }

    /**
     * Inside a unit of work (BACKTEST): the first start takes a transaction-level advisory lock on the
     * (account, mode) for the whole unit (released by its commit or rollback; another process gets
     * {@code Busy}; an overlapped chain of units takes it as a session lock for the whole chain) and reads the
     * latest stored hour once. A later hour cannot be stored by anyone else,
     * so its run_context is not inserted now: it waits in the unit and is COPYed once, in its final
     * state, with its step hashes. An hour at or before the latest stored one returns empty: the caller
     * takes the per-hour path (resume).
     */
    Optional<RunStart> start(UnitMemory unit, RunContext proposed) {
        UnitKey key = new UnitKey(Conv.id(proposed.account()), proposed.mode());
        // an overlapped chain of units keeps both for its life: it holds the lock until its last unit has
        // committed, and no hour after the latest stored one can be stored by anyone else meanwhile
        UnitRuns runs = unit.carried(key, UnitRuns::new);
        if (!runs.locked) {
            Boolean locked = unit.chain() != null ? unit.chain().lock(unitLockKey(proposed), UNIT_LOCK_HOUR)
                    : db.txBeside("locking " + describe(proposed) + " for a unit of work", tx ->
                    tx.resultQuery("SELECT pg_try_advisory_xact_lock(?, ?)", unitLockKey(proposed), UNIT_LOCK_HOUR)
                            .fetchOne(0, Boolean.class));
            if (!Boolean.TRUE.equals(locked)) {
                return Optional.of(new RunStart.Busy(proposed));
            }
            runs.locked = true;
            runs.latestStored = db.txBeside("reading the latest run of " + describe(proposed), tx ->
                    tx.select(DSL.max(RUN_CONTEXT.HOUR_TS_UTC)).from(RUN_CONTEXT)
                            .where(RUN_CONTEXT.ACCOUNT_ID.eq(key.account()), RUN_CONTEXT.RUN_MODE.eq(key.mode()))
                            .fetchOne(0, Instant.class));
        }
        Instant hour = Conv.hour(proposed.hour());
        if (runs.latestStored != null && !hour.isAfter(runs.latestStored)) {
            return Optional.empty();
        }
        Map<UUID, Deferred> deferred = unit.object(DEFERRED, HashMap::new);
        Deferred already = deferred.get(proposed.runId().value());
        if (already != null) {
            RunContext stored = toDomain(already.row);
            return Optional.of(stored.status().isFinal() ? new RunStart.AlreadyFinished(stored) : new RunStart.Busy(stored));
        }
        RunContextRecord row = toRecord(proposed);
        // every column set, so that the unit's run contexts share one column list whatever their status
        row.setCompletedAtUtc(null);
        deferred.put(proposed.runId().value(), new Deferred(row, unit.flushes()));
        unit.fresh(proposed.runId().value());
        db.append("starting run " + proposed.runId() + " of " + describe(proposed), RANK_RUN_CONTEXT, RUN_CONTEXT, List.of(row),
                "run_context", r -> "run " + r.getRunId());
        return Optional.of(new RunStart.Started(proposed));
    }

    /** Finishes a run that {@link #start} deferred; false if {@code runId} is not one. */
    boolean finish(RunId runId, RunStatus terminal, Instant at, StepHashes hashes) {
        UnitMemory unit = db.unitMemory();
        if (unit == null) {
            return false;
        }
        Map<UUID, Deferred> deferred = unit.object(DEFERRED, HashMap::new);
        Deferred d = deferred.get(runId.value());
        if (d == null) {
            return false;
        }
        if (d.status != RunStatus.STARTED) {
            throw new IllegalStateException("run " + runId + " cannot finish " + d.status + " -> " + terminal
                    + ": only a STARTED run finishes");
        }
        d.row.setStatus(terminal.name());
        d.row.setCompletedAtUtc(Conv.ts(at));
        d.status = terminal;
        if (unit.flushes() != d.appendedAt) {
            // a call inside the unit needed the row and wrote it as STARTED: one UPDATE, still no step hash to replace
            db.txBeside("finishing run " + runId, tx -> tx.update(RUN_CONTEXT)
                    .set(RUN_CONTEXT.STATUS, terminal.name())
                    .set(RUN_CONTEXT.COMPLETED_AT_UTC, Conv.ts(at))
                    .where(RUN_CONTEXT.RUN_ID.eq(runId.value()))
                    .execute());
        }
        db.append("finishing run " + runId, RANK_STEP_HASH, RUN_STEP_HASH, stepHashRows(runId, hashes), "run_step_hash",
                r -> "step " + r.getStep() + " of run " + r.getRunId());
        return true;
    }

    /** The second key of the unit lock: no real hour maps to it. */
    private static final int UNIT_LOCK_HOUR = Integer.MIN_VALUE;

    private static int unitLockKey(RunContext run) {
        return LOCK_NAMESPACE | (run.account().value() << 2) | run.mode().ordinal();
    }
}
