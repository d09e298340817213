package io.tradingcore.application.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Everything a report is computed from; no database access happens past this point.
 *
 * @param title          heading of the report, e.g. "Backtest 6f1c... BTC/USDT, ETH/USDT"
 * @param initialCapital equity before the first hour, positive
 * @param equity         hourly states in strictly increasing hour order, at least one
 * @param trades         executed trades in any order
 * @param folds          walk-forward windows; each must contain at least one equity hour
 * @param closePrices    asset to (hour to close price) for the buy-and-hold benchmark, at least one asset;
 *                       each asset needs a price at or before the first equity hour
 * @param riskEvents     the run's risk events in any order (shown with their reasons)
 * @param signals        the run's signals in any order: ENTER and EXIT are shown next to the trips; every asset-hour's
 *                       signal (HOLD too) gives the META probability under the price chart and the regime timeline
 * @param foldMetrics    fold index to its out-of-sample model metrics as stored with the fold (keys like
 *                       "META.H4.log_loss", "baseline.H4.log_loss"; see {@link ModelDiagnostics}); may be empty
 */
public record ReportInput(String title, BigDecimal initialCapital, List<EquityPoint> equity,
                          List<TradeRecord> trades, List<FoldWindow> folds,
                          SortedMap<String, SortedMap<Instant, BigDecimal>> closePrices, List<RiskEventRecord> riskEvents,
                          List<SignalNote> signals, SortedMap<Integer, SortedMap<String, Double>> foldMetrics) {

    /** Without model metrics. */
    public ReportInput(String title, BigDecimal initialCapital, List<EquityPoint> equity, List<TradeRecord> trades,
                       List<FoldWindow> folds, SortedMap<String, SortedMap<Instant, BigDecimal>> closePrices,
                       List<RiskEventRecord> riskEvents, List<SignalNote> signals) {
        this(title, initialCapital, equity, trades, folds, closePrices, riskEvents, signals, new TreeMap<>());
    }

    /** Without risk events. */
    public ReportInput(String title, BigDecimal initialCapital, List<EquityPoint> equity, List<TradeRecord> trades,
                       List<FoldWindow> folds, SortedMap<String, SortedMap<Instant, BigDecimal>> closePrices) {
        this(title, initialCapital, equity, trades, folds, closePrices, List.of(), List.of(), new TreeMap<>());
    }

    public ReportInput {
        title = title == null || title.isBlank() ? "Backtest report" : title;
        Objects.requireNonNull(initialCapital, "initialCapital");
        if (initialCapital.signum() <= 0) {
            throw new IllegalArgumentException("initial capital must be positive, got " + initialCapital.toPlainString());
        }
        equity = List.copyOf(Objects.requireNonNull(equity, "equity"));
        trades = List.copyOf(Objects.requireNonNull(trades, "trades"));
        folds = List.copyOf(Objects.requireNonNull(folds, "folds"));
        riskEvents = List.copyOf(Objects.requireNonNull(riskEvents, "riskEvents"));
        signals = List.copyOf(Objects.requireNonNull(signals, "signals"));
        Objects.requireNonNull(closePrices, "closePrices");
        if (equity.isEmpty()) {
            throw new IllegalArgumentException("the equity curve is empty: nothing to report");
        }
        for (int i = 1; i < equity.size(); i++) {
            if (!equity.get(i - 1).hour().isBefore(equity.get(i).hour())) {
                throw new IllegalArgumentException("equity hours must strictly increase: " + equity.get(i).hour()
                        + " follows " + equity.get(i - 1).hour());
            }
        }
        Set<Integer> indexes = new HashSet<>();
        for (FoldWindow fold : folds) {
            if (!indexes.add(fold.index())) {
                throw new IllegalArgumentException("fold index " + fold.index() + " appears twice");
            }
            if (equity.stream().noneMatch(p -> fold.contains(p.hour()))) {
                throw new IllegalArgumentException("fold " + fold.index() + " [" + fold.from() + ", " + fold.to()
                        + ") contains no equity hour");
            }
        }
        if (closePrices.isEmpty()) {
            throw new IllegalArgumentException("no close prices: the buy-and-hold benchmark needs at least one asset");
        }
        TreeMap<String, SortedMap<Instant, BigDecimal>> prices = new TreeMap<>();
        closePrices.forEach((asset, series) -> prices.put(asset, Collections.unmodifiableSortedMap(new TreeMap<>(series))));
        closePrices = Collections.unmodifiableSortedMap(prices);
        TreeMap<Integer, SortedMap<String, Double>> metrics = new TreeMap<>();
        Objects.requireNonNull(foldMetrics, "foldMetrics").forEach((fold, m) -> metrics.put(fold,
                Collections.unmodifiableSortedMap(new TreeMap<>(m))));
        foldMetrics = Collections.unmodifiableSortedMap(metrics);
    }
}
