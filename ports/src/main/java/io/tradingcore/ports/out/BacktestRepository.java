package io.tradingcore.ports.out;

import io.tradingcore.domain.BacktestRunId;
import java.util.List;

/** backtest_fold_result (append-only). */
public interface BacktestRepository {
    /**
     * Stores a fold result in one transaction; idempotent per (backtest run, fold index, role, horizon):
     * an identical row is a no-op, a different one throws {@link ConflictingWriteException}.
     */
    void recordFoldResult(BacktestFoldResult result);

    /** The fold results of a backtest ordered by fold index, role, horizon (REGIME's null horizon first). */
    List<BacktestFoldResult> foldResults(BacktestRunId backtestRunId);
}
