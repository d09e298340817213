package io.tradingcore.ports.out;

import io.tradingcore.domain.AccountId;
import io.tradingcore.domain.BacktestRunId;
import io.tradingcore.domain.HourTs;
import io.tradingcore.domain.RunId;
import io.tradingcore.domain.RunMode;
import io.tradingcore.domain.hash.StepHashes;
import io.tradingcore.domain.run.RunContext;
import io.tradingcore.domain.run.RunStart;
import io.tradingcore.domain.run.RunStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** run_context: one cycle per (account, run mode, hour), opened idempotently. */
public interface RunContextRepository {
    /**
     * Opens the run of {@code proposed}'s (account, mode, hour) in one transaction; never creates a
     * second row for the same triple, even under concurrent calls from several processes.
     * <ul>
     *   <li>no row: inserts {@code proposed} (status STARTED) and returns {@link RunStart.Started};</li>
     *   <li>a COMPLETED or SKIPPED row: writes nothing, returns {@link RunStart.AlreadyFinished};</li>
     *   <li>a FAILED row, or a STARTED row whose owner is gone (crash): marks it STARTED again with
     *       proposed.startedAt and returns {@link RunStart.Resumed} with the stored row;</li>
     *   <li>a STARTED row still owned by a live cycle (e.g. held by a session advisory lock on the run
     *       id, or an unexpired lease): writes nothing, returns {@link RunStart.Busy}.</li>
     * </ul>
     * The run id, config hash and data snapshot hash of an existing row win over {@code proposed}'s.
     *
     * @throws IllegalArgumentException if {@code proposed.status()} is not STARTED
     */
    RunStart start(RunContext proposed);

    /**
     * Moves a STARTED run to {@code terminal} (COMPLETED, FAILED or SKIPPED) at {@code at} and stores the
     * step hashes computed so far, in one transaction; releases the ownership taken by {@link #start}.
     *
     * @throws IllegalStateException            if the run is not STARTED or {@code terminal} is not allowed
     * @throws java.util.NoSuchElementException if the run id is unknown
     */
    void finish(RunId runId, RunStatus terminal, Instant at, StepHashes hashes);

    /** The run of (account, mode, hour), if any. */
    Optional<RunContext> find(AccountId account, RunMode mode, HourTs hour);

    /** The step hashes stored by {@link #finish} (empty if the run never finished). */
    Optional<StepHashes> stepHashes(RunId runId);

    /** The runs of a backtest, ascending by hour (for replay and reports). */
    List<RunContext> runsOfBacktest(BacktestRunId backtestRunId);

    /** Every run of {@code account} in {@code mode}, ascending by hour (replay checks a backtest's account carries only its hours). */
    List<RunContext> runsOfAccount(AccountId account, RunMode mode);
}
