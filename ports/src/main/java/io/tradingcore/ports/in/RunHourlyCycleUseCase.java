package io.tradingcore.ports.in;

/** The hourly decision cycle, identical for BACKTEST, PAPER and LIVE. */
public interface RunHourlyCycleUseCase {
    /**
     * Runs (or resumes) the cycle of the command's (account, mode, hour): open the run context, read data
     * as of the hour, features, models, signals, risk, orders, submission, fills, ledger, hourly state,
     * complete. Idempotent: a finished hour returns {@link CycleReport.Outcome#ALREADY_FINISHED}; a
     * crashed one re-runs and writes nothing twice. Expected refusals (risk denials, venue rejections,
     * duplicate fills) are recorded as risk events, not thrown.
     *
     * @throws io.tradingcore.ports.out.PortException if a port fails; the run is marked FAILED (when the
     *                                                store is reachable) and may be resumed later
     */
    CycleReport run(RunHourlyCycleCommand command);
}
