package io.tradingcore.ports.out;

import io.tradingcore.domain.BacktestRunId;
import java.util.List;

/** backtest_fold_result (append-only). */
public interface BacktestRepository {
    /**
     * Stores a fold result in one transaction; idempotent per (backtest run, fold index): an identical
     * row is a no-op, a different one throws {@link ConflictingWriteException}.
     */
    void recordFoldResult(BacktestFoldResult result);

    /** The folds of a backtest ordered by fold index. */
    List<BacktestFoldResult> foldResults(BacktestRunId backtestRunId);
}
