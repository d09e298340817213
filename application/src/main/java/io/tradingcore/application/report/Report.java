package io.tradingcore.application.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A computed report: overall and per-fold metrics of the strategy next to buy-and-hold, plus both curves
 * for the charts.
 *
 * @param start          instant of the initial capital (one hour before the first equity hour)
 * @param strategyCurve  the strategy's hourly points as given
 * @param benchmarkCurve buy-and-hold marked at the same hours
 * @param models         each fold's models against their baselines (empty when no model metrics were stored)
 */
public record Report(String title, BigDecimal initialCapital, Instant start, List<String> assets,
                     List<EquityPoint> strategyCurve, List<EquityPoint> benchmarkCurve,
                     Comparison overall, List<FoldReport> folds, List<ModelDiagnostics.Row> models) {

    public Report {
        assets = List.copyOf(assets);
        strategyCurve = List.copyOf(strategyCurve);
        benchmarkCurve = List.copyOf(benchmarkCurve);
        folds = List.copyOf(folds);
        models = List.copyOf(models);
    }

    /** One line per model worse than its baseline ("fold 0 H24 META log loss 1.170 vs baseline 0.735"), capped. */
    public List<String> modelWarnings() {
        return ModelDiagnostics.warnings(models);
    }

    /** The strategy and the buy-and-hold benchmark over the same period. */
    public record Comparison(PerformanceMetrics strategy, PerformanceMetrics buyAndHold) {
    }

    /** One walk-forward fold's comparison. */
    public record FoldReport(FoldWindow fold, Comparison metrics) {
    }
}
