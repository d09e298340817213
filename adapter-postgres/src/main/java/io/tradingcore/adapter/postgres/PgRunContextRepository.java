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
    static final int LOCK_NAMESPACE = 0x2A << 24;
    private static final int LOCK_ATTEMPTS = 300;

    private final Db db;
    private final UnitRunContexts inUnit;
    private final ConcurrentHashMap<RunId, Connection> owned = new ConcurrentHashMap<>();

    PgRunContextRepository(Db db) {
        this.db = db;
        this.inUnit = new UnitRunContexts(db);
    }

    @Override
    public RunStart start(RunContext proposed) {
        if (proposed.status() != RunStatus.STARTED) {
            throw new IllegalArgumentException("a run starts as STARTED, not " + proposed.status());
        }
        UnitMemory unit = db.unitMemory();
        if (unit != null && proposed.mode() == RunMode.BACKTEST) {
            Optional<RunStart> started = inUnit.start(unit, proposed);
            if (started.isPresent()) {
                return started.get();
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
        if (inUnit.finish(runId, terminal, at, hashes)) {
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

    /** Flush ranks (ascending = FK order): run contexts before everything that references them. */
    static final int RANK_RUN_CONTEXT = 0;
    static final int RANK_STEP_HASH = 1;

    static List<RunStepHashRecord> stepHashRows(RunId runId, StepHashes hashes) {
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

    static RunContextRecord toRecord(RunContext c) {
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

    static String describe(RunContext c) {
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
