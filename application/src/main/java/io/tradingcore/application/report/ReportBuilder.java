package io.tradingcore.application.report;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Turns a {@link ReportInput} into a {@link Report}: pure computation, no I/O. */
public final class ReportBuilder {

    private ReportBuilder() {
    }

    public static Report build(ReportInput in) {
        List<EquityPoint> curve = in.equity();
        Instant start = curve.get(0).hour().minus(Duration.ofHours(1));
        BuyAndHold.Run bench = BuyAndHold.simulate(in.initialCapital(), in.closePrices(),
                curve.stream().map(EquityPoint::hour).toList());

        Report.Comparison overall = new Report.Comparison(
                MetricsCalculator.compute(in.initialCapital(), start, curve, in.trades()),
                MetricsCalculator.compute(in.initialCapital(), start, bench.curve(), bench.trades()));

        List<FoldWindow> folds = new ArrayList<>(in.folds());
        folds.sort(Comparator.comparingInt(FoldWindow::index));
        List<Report.FoldReport> foldReports = new ArrayList<>();
        for (FoldWindow fold : folds) {
            foldReports.add(new Report.FoldReport(fold, new Report.Comparison(
                    window(in.initialCapital(), start, curve, in.trades(), fold),
                    window(in.initialCapital(), start, bench.curve(), bench.trades(), fold))));
        }
        return new Report(in.title(), in.initialCapital(), start, List.copyOf(in.closePrices().keySet()),
                curve, bench.curve(), overall, foldReports, ModelDiagnostics.rows(in.foldMetrics()));
    }

    /**
     * Metrics of the points and trades inside {@code fold}; the start value is the equity of the last point
     * before the fold (or the initial capital when there is none), so a fold's return is what it added.
     */
    static PerformanceMetrics window(BigDecimal initialCapital, Instant runStart, List<EquityPoint> curve,
                                     List<TradeRecord> trades, FoldWindow fold) {
        BigDecimal startEquity = initialCapital;
        Instant startTime = runStart;
        List<EquityPoint> inside = new ArrayList<>();
        for (EquityPoint p : curve) {
            if (p.hour().isBefore(fold.from())) {
                startEquity = p.equity();
                startTime = p.hour();
            } else if (fold.contains(p.hour())) {
                inside.add(p);
            }
        }
        List<TradeRecord> foldTrades = trades.stream().filter(t -> fold.contains(t.time())).toList();
        return MetricsCalculator.compute(startEquity, startTime, inside, foldTrades);
    }
}
