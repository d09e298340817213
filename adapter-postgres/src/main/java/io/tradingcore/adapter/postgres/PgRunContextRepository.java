package io.tradingcore.adapter.postgres;

import static io.tradingcore.adapter.postgres.jooq.Tables.RUN_CONTEXT;
import static io.tradingcore.adapter.postgres.jooq.Tables.RUN_STEP_HASH;

import io.tradingcore.adapter.postgres.jooq.tables.records.RunContextRecord;
import io.tradingcore.adapter.postgres.jooq.tables.records.RunStepHashRecord;
import io.tradingcore.domain.AccountId;
import io.tradingcore.domain.BacktestRunId;
import io.tradingcore.domain.HourTs;
import io.tradingcore.domain.RunId;
import io.tradingcore.domain.RunMode;
import io.tradingcore.domain.hash.CycleStep;
import io.tradingcore.domain.hash.StepHashes;
import io.tradingcore.domain.run.RunContext;
import io.tradingcore.domain.run.RunStart;
import io.tradingcore.domain.run.RunStatus;
import io.tradingcore.ports.out.RunContextRepository;
import io.tradingcore.ports.out.StoreUnavailableException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.Condition;

/**
 * run_context with cross-process ownership. A live cycle owns its (account, mode, hour) through a
 * session-level advisory lock held on a connection of its own from {@link #start} to {@link #finish};
 * when the owning process dies, PostgreSQL drops the lock with the connection and the STARTED row
 * becomes resumable. The row itself is created with INSERT ... ON CONFLICT DO NOTHING under that lock,
 * so two starters can never both write or both resume.
 */
final class PgRunContextRepository implements RunContextRepository {
    private static final int LOCK_NAMESPACE = 0x2A << 24;
    private static final int LOCK_ATTEMPTS = 300;

    private final Db db;
    private final ConcurrentHashMap<RunId, Connection> owned = new ConcurrentHashMap<>();

    PgRunContextRepository(Db db) {
        this.db = db;
    }

    @Override
    public RunStart start(RunContext proposed) {
        if (proposed.status() != RunStatus.STARTED) {
            throw new IllegalArgumentException("a run starts as STARTED, not " + proposed.status());
        }
        Db.UnitMemory unit = db.unitMemory();
        if (unit != null && proposed.mode() == RunMode.BACKTEST) {
            Optional<RunStart> inUnit = startInUnit(unit, proposed);
            if (inUnit.isPresent()) {
                return inUnit.get();
            }
            // the hour may be stored already (a resumed backtest): the unit's rows go the idempotent way
            unit.resumed();
        }
        Connection lock = ownershipConnection();
        boolean keep = false;
        try {
            for (int attempt = 0; !tryLock(lock, proposed, true); attempt++) {
                // someone else owns the hour: report its row; a row not visible yet means the owner is
                // between taking the lock and committing its insert, so look again shortly
                Optional<RunContext> other = find(proposed.account(), proposed.mode(), proposed.hour());
                if (other.isPresent()) {
                    return other.get().status().isFinal() ? new RunStart.AlreadyFinished(other.get())
                            : new RunStart.Busy(other.get());
                }
                if (attempt >= LOCK_ATTEMPTS) {
                    return new RunStart.Busy(proposed);
                }
                pause();
            }
            RunStart result = db.txBeside("starting run " + proposed.runId() + " of " + describe(proposed), tx -> {
                int inserted = tx.insertInto(RUN_CONTEXT)
                        .set(toRecord(proposed))
                        .onConflictDoNothing()
                        .execute();
                if (inserted == 1) {
                    return new RunStart.Started(proposed);
                }
                RunContextRecord row = tx.selectFrom(RUN_CONTEXT).where(triple(proposed.account(), proposed.mode(),
                        proposed.hour())).forUpdate().fetchOne();
                if (row == null) {
                    throw new IllegalStateException("run id " + proposed.runId() + " is already used for another "
                            + "(account, mode, hour) than " + describe(proposed));
                }
                RunContext stored = toDomain(row);
                if (stored.status().isFinal()) {
                    return new RunStart.AlreadyFinished(stored);
                }
                // FAILED, or STARTED by an owner that is gone (we hold its lock now): pick it up again
                Instant at = Conv.ts(proposed.startedAt());
                tx.update(RUN_CONTEXT)
                        .set(RUN_CONTEXT.STATUS, RunStatus.STARTED.name())
                        .set(RUN_CONTEXT.STARTED_AT_UTC, at)
                        .setNull(RUN_CONTEXT.COMPLETED_AT_UTC)
                        .where(RUN_CONTEXT.RUN_ID.eq(stored.runId().value()))
                        .execute();
                return new RunStart.Resumed(new RunContext(stored.runId(), stored.account(), stored.mode(), stored.hour(),
                        stored.cycleSeq(), stored.codeVersionSha(), stored.configHash(), stored.dataSnapshotHash(),
                        stored.randomSeed(), stored.backtestRunId(), RunStatus.STARTED, at, null));
            });
            if (result instanceof RunStart.Started || result instanceof RunStart.Resumed) {
                Connection previous = owned.put(result.context().runId(), lock);
                if (previous != null) {
                    release(previous, result.context());
                }
                keep = true;
            }
            return result;
        } finally {
            if (!keep) {
                release(lock, proposed);
            }
        }
    }

    @Override
    public void finish(RunId runId, RunStatus terminal, Instant at, StepHashes hashes) {
        if (terminal == RunStatus.STARTED) {
            throw new IllegalStateException("finish needs a terminal status (COMPLETED, FAILED or SKIPPED), not STARTED");
        }
        if (finishInUnit(runId, terminal, at, hashes)) {
            return;
        }
        RunContext finished = db.txBeside("finishing run " + runId, tx -> {
            RunContextRecord row = tx.selectFrom(RUN_CONTEXT).where(RUN_CONTEXT.RUN_ID.eq(runId.value())).forUpdate().fetchOne();
            if (row == null) {
                throw new NoSuchElementException("unknown run " + runId);
            }
            RunContext cur = toDomain(row);
            if (cur.status() != RunStatus.STARTED) {
                throw new IllegalStateException("run " + runId + " cannot finish " + cur.status() + " -> " + terminal
                        + ": only a STARTED run finishes");
            }
            // while the run is STARTED: trg_run_step_hash_append_only freezes the hashes of a finished run
            tx.deleteFrom(RUN_STEP_HASH).where(RUN_STEP_HASH.RUN_ID.eq(runId.value())).execute();
            tx.update(RUN_CONTEXT)
                    .set(RUN_CONTEXT.STATUS, terminal.name())
                    .set(RUN_CONTEXT.COMPLETED_AT_UTC, Conv.ts(at))
                    .where(RUN_CONTEXT.RUN_ID.eq(runId.value()))
                    .execute();
            List<RunStepHashRecord> rows = stepHashRows(runId, hashes);
            if (!rows.isEmpty()) {
                tx.batchInsert(rows).execute();
            }
            return cur;
        });
        Connection lock = owned.remove(runId);
        if (lock != null) {
            release(lock, finished);
        }
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
    private Optional<RunStart> startInUnit(Db.UnitMemory unit, RunContext proposed) {
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
                    tx.select(org.jooq.impl.DSL.max(RUN_CONTEXT.HOUR_TS_UTC)).from(RUN_CONTEXT)
                            .where(RUN_CONTEXT.ACCOUNT_ID.eq(key.account()), RUN_CONTEXT.RUN_MODE.eq(key.mode()))
                            .fetchOne(0, Instant.class));
        }
        Instant hour = Conv.hour(proposed.hour());
        if (runs.latestStored != null && !hour.isAfter(runs.latestStored)) {
            return Optional.empty();
        }
        java.util.Map<java.util.UUID, Deferred> deferred = unit.object(DEFERRED, java.util.HashMap::new);
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

    /** Finishes a run that {@link #startInUnit} deferred; false if {@code runId} is not one. */
    private boolean finishInUnit(RunId runId, RunStatus terminal, Instant at, StepHashes hashes) {
        Db.UnitMemory unit = db.unitMemory();
        if (unit == null) {
            return false;
        }
        java.util.Map<java.util.UUID, Deferred> deferred = unit.object(DEFERRED, java.util.HashMap::new);
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

    /** The unit's deferred runs by run id. */
    private static final Object DEFERRED = new Object();
    /** Flush ranks (ascending = FK order): run contexts before everything that references them. */
    static final int RANK_RUN_CONTEXT = 0;
    static final int RANK_STEP_HASH = 1;
    /** The second key of the unit lock: no real hour maps to it. */
    private static final int UNIT_LOCK_HOUR = Integer.MIN_VALUE;

    private static int unitLockKey(RunContext run) {
        return LOCK_NAMESPACE | (run.account().value() << 2) | run.mode().ordinal();
    }

    private static List<RunStepHashRecord> stepHashRows(RunId runId, StepHashes hashes) {
        List<RunStepHashRecord> rows = new ArrayList<>();
        hashes.hashes().forEach((step, sha) -> {
            RunStepHashRecord r = new RunStepHashRecord();
            r.setRunId(runId.value());
            r.setStep(step.name());
            r.setStepOrder((short) step.ordinal());
            r.setSha256(sha);
            rows.add(r);
        });
        return rows;
    }

    @Override
    public Optional<RunContext> find(AccountId account, RunMode mode, HourTs hour) {
        return db.read("reading the run of account " + account + " " + mode + " " + hour,
                ctx -> ctx.selectFrom(RUN_CONTEXT).where(triple(account, mode, hour)).fetchOptional())
                .map(PgRunContextRepository::toDomain);
    }

    @Override
    public Optional<StepHashes> stepHashes(RunId runId) {
        List<RunStepHashRecord> rows = db.read("reading step hashes of run " + runId,
                ctx -> ctx.selectFrom(RUN_STEP_HASH).where(RUN_STEP_HASH.RUN_ID.eq(runId.value()))
                        .orderBy(RUN_STEP_HASH.STEP_ORDER).fetch());
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        EnumMap<CycleStep, String> m = new EnumMap<>(CycleStep.class);
        for (RunStepHashRecord r : rows) {
            m.put(CycleStep.valueOf(r.getStep()), r.getSha256());
        }
        return Optional.of(new StepHashes(m));
    }

    @Override
    public List<RunContext> runsOfBacktest(BacktestRunId backtestRunId) {
        return db.read("reading the runs of backtest " + backtestRunId,
                ctx -> ctx.selectFrom(RUN_CONTEXT).where(RUN_CONTEXT.BACKTEST_RUN_ID.eq(backtestRunId.value()))
                        .orderBy(RUN_CONTEXT.HOUR_TS_UTC, RUN_CONTEXT.ACCOUNT_ID).fetch())
                .map(PgRunContextRepository::toDomain);
    }

    @Override
    public List<RunContext> runsOfAccount(AccountId account, RunMode mode) {
        return db.read("reading the runs of account " + account,
                ctx -> ctx.selectFrom(RUN_CONTEXT).where(RUN_CONTEXT.ACCOUNT_ID.eq(Conv.id(account)))
                        .and(RUN_CONTEXT.RUN_MODE.eq(mode))
                        .orderBy(RUN_CONTEXT.HOUR_TS_UTC).fetch())
                .map(PgRunContextRepository::toDomain);
    }

    static Condition triple(AccountId account, RunMode mode, HourTs hour) {
        return RUN_CONTEXT.ACCOUNT_ID.eq(Conv.id(account))
                .and(RUN_CONTEXT.RUN_MODE.eq(mode))
                .and(RUN_CONTEXT.HOUR_TS_UTC.eq(Conv.hour(hour)));
    }

    static RunContext toDomain(RunContextRecord r) {
        return new RunContext(new RunId(r.getRunId()), new AccountId(r.getAccountId()), r.getRunMode(),
                Conv.hour(r.getHourTsUtc()), r.getCycleSeq(), r.getCodeVersionSha(), r.getConfigHash(),
                r.getDataSnapshotHash(), r.getRandomSeed(),
                r.getBacktestRunId() == null ? null : new BacktestRunId(r.getBacktestRunId()),
                RunStatus.valueOf(r.getStatus()), r.getStartedAtUtc(), r.getCompletedAtUtc());
    }

    private static RunContextRecord toRecord(RunContext c) {
        RunContextRecord r = new RunContextRecord();
        r.setRunId(c.runId().value());
        r.setAccountId(Conv.id(c.account()));
        r.setRunMode(c.mode());
        r.setHourTsUtc(Conv.hour(c.hour()));
        r.setCycleSeq(c.cycleSeq());
        r.setCodeVersionSha(c.codeVersionSha());
        r.setConfigHash(c.configHash());
        r.setDataSnapshotHash(c.dataSnapshotHash());
        r.setRandomSeed(c.randomSeed());
        r.setBacktestRunId(c.backtestRunId() == null ? null : c.backtestRunId().value());
        r.setStatus(RunStatus.STARTED.name());
        r.setStartedAtUtc(Conv.ts(c.startedAt()));
        return r;
    }

    private static String describe(RunContext c) {
        return "account " + c.account() + " " + c.mode() + " " + c.hour();
    }

    private Connection ownershipConnection() {
        try {
            Connection c = db.dataSource().getConnection();
            c.setAutoCommit(true);
            return c;
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot open a connection to own a run: " + SchemaMigrator.rootMessage(e), e);
        }
    }

    private static boolean tryLock(Connection c, RunContext run, boolean lock) {
        String sql = lock ? "SELECT pg_try_advisory_lock(?, ?)" : "SELECT pg_advisory_unlock(?, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, LOCK_NAMESPACE | (run.account().value() << 2) | run.mode().ordinal());
            ps.setInt(2, (int) (run.hour().toInstant().getEpochSecond() / 3600));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot take or release the ownership lock of " + describe(run) + ": "
                    + SchemaMigrator.rootMessage(e), e);
        }
    }

    private static void release(Connection c, RunContext run) {
        try (c) {
            // a pooled connection must not go back to the pool still holding the lock
            tryLock(c, run, false);
        } catch (SQLException | RuntimeException e) {
            // closing the physical connection would drop the lock anyway; nothing else to do
        }
    }

    private static void pause() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while waiting for a run's owner", e);
        }
    }
}
