package io.tradingcore.ports.out;

import io.tradingcore.domain.BacktestRunId;
import io.tradingcore.domain.Horizon;
import io.tradingcore.domain.ModelRole;
import io.tradingcore.domain.ModelVersionId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One walk-forward fold of one model (backtest_fold_result), keyed by (backtest run, fold index, role,
 * horizon). {@code horizon} is null only for REGIME; {@code modelVersion} may be null when the fold's
 * model was not registered. The four standard metrics are nullable (not every role has them); any
 * other metric, including the fold's trading metrics, goes to {@code metrics} by name.
 */
public record BacktestFoldResult(BacktestRunId backtestRunId, int foldIndex, ModelRole role, Horizon horizon,
                                 ModelVersionId modelVersion, Instant trainFrom, Instant trainTo, Instant testFrom,
                                 Instant testTo, int purgeHours, int embargoHours, int sampleCount, BigDecimal accuracy,
                                 BigDecimal rocAuc, BigDecimal logLoss, BigDecimal brierScore,
                                 SortedMap<String, BigDecimal> metrics) {
    public BacktestFoldResult {
        Objects.requireNonNull(backtestRunId, "fold.backtestRunId");
        Objects.requireNonNull(role, "fold.role");
        Objects.requireNonNull(trainFrom, "fold.trainFrom");
        Objects.requireNonNull(trainTo, "fold.trainTo");
        Objects.requireNonNull(testFrom, "fold.testFrom");
        Objects.requireNonNull(testTo, "fold.testTo");
        if (foldIndex < 0 || purgeHours < 0 || embargoHours < 0 || sampleCount < 0) {
            throw new IllegalArgumentException("fold index, purge, embargo and sample count must be >= 0");
        }
        if (role != ModelRole.REGIME && horizon == null) {
            throw new IllegalArgumentException("fold of a " + role + " model needs a horizon");
        }
        if (!trainFrom.isBefore(trainTo) || !testFrom.isBefore(testTo) || testFrom.isBefore(trainTo)) {
            throw new IllegalArgumentException("fold windows must be ordered: trainFrom < trainTo <= testFrom < testTo");
        }
        metrics = Collections.unmodifiableSortedMap(new TreeMap<>(metrics));
    }
}
