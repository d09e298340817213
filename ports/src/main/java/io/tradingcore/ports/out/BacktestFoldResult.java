package io.tradingcore.ports.out;

import io.tradingcore.domain.BacktestRunId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One walk-forward fold (backtest_fold_result): training and test windows and its metrics by name
 * (e.g. "BASE_TREE.H4.log_loss", "META.H1.auc", "trading.sharpe").
 */
public record BacktestFoldResult(BacktestRunId backtestRunId, int foldIndex, Instant trainFrom, Instant trainTo,
                                 Instant testFrom, Instant testTo, SortedMap<String, BigDecimal> metrics) {
    public BacktestFoldResult {
        Objects.requireNonNull(backtestRunId, "fold.backtestRunId");
        Objects.requireNonNull(trainFrom, "fold.trainFrom");
        Objects.requireNonNull(trainTo, "fold.trainTo");
        Objects.requireNonNull(testFrom, "fold.testFrom");
        Objects.requireNonNull(testTo, "fold.testTo");
        if (foldIndex < 0) {
            throw new IllegalArgumentException("fold index must be >= 0");
        }
        if (!trainFrom.isBefore(trainTo) || !testFrom.isBefore(testTo) || testFrom.isBefore(trainTo)) {
            throw new IllegalArgumentException("fold windows must be ordered: trainFrom < trainTo <= testFrom < testTo");
        }
        metrics = Collections.unmodifiableSortedMap(new TreeMap<>(metrics));
    }
}
