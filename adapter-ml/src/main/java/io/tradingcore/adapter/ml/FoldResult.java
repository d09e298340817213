package io.tradingcore.adapter.ml;

import io.tradingcore.domain.ModelRole;
import io.tradingcore.domain.Horizon;
import java.time.Instant;
import java.util.List;

/**
 * One walk-forward fold: its windows and, per (role, horizon), held-out metrics. The lead persists these rows to
 * backtest_fold_result.
 */
record FoldResult(int fold, Instant trainFrom, Instant trainTo, Instant testFrom, Instant testTo,
                  long regimeTrainMillis, List<Row> rows) {

    FoldResult {
        rows = List.copyOf(rows);
    }

    /**
     * Metrics of one model on the fold's test rows. {@code baselineLogLoss} is the log loss of a constant probability
     * equal to the positive rate of the model's own training rows. Trading metrics: ENTER when p >= threshold;
     * hitRate = share of ENTERs whose label was positive, meanNetReturn = mean forward return minus round-trip cost
     * over ENTERs (NaN when there was none).
     */
    record Row(ModelRole role, Horizon horizon, long trainMillis, int trainRows, int testRows, double accuracy,
               double logLoss, double auc, double baselineLogLoss, int enterCount, double hitRate,
               double meanNetReturn) {
    }
}
