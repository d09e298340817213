package io.tradingcore.application.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.time.Month;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The tables that explain a run: its round trips, each asset's share, the months, the risk events with reasons, and
 * the models (diagnostics, calibration, feature importance) when their metrics were stored with the folds.
 */
final class Explanation {
    /** Longer lists are cut (the export has every row: `runs export ID --what trades,risk_events`). */
    static final int MAX_ROWS = 500;

    private Explanation() {
    }

    static List<Table> tables(ReportInput in, Report report) {
        Instant end = in.equity().get(in.equity().size() - 1).hour();
        List<RoundTrips.Trip> trips = RoundTrips.of(in.trades());
        List<Table> out = new ArrayList<>(List.of(tradeList(trips, end, in.signals()), perAsset(in, trips, end), monthly(in),
                drawdowns(in), riskEvents(in.riskEvents())));
        if (!report.models().isEmpty()) {
            out.add(ModelDiagnostics.table(report.models()));
        }
        ModelDetails.calibration(in.foldMetrics()).ifPresent(out::add);
        ModelDetails.importance(in.foldMetrics()).ifPresent(out::add);
        return out;
    }

    static Table tradeList(List<RoundTrips.Trip> trips, Instant end, List<SignalNote> signals) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < Math.min(trips.size(), MAX_ROWS); i++) {
            RoundTrips.Trip t = trips.get(i);
            SignalNote enter = latest(signals, t.asset(), "ENTER", t.entry());
            SignalNote exit = t.open() ? null : latest(signals, t.asset(), "EXIT", t.exit());
            rows.add(List.of(Integer.toString(i + 1), t.asset(), Fmt.time(t.entry()), plain(t.entryPrice()),
                    t.open() ? "open" : Fmt.time(t.exit()), t.open() ? "-" : plain(t.exitPrice()), plain(t.quantity()),
                    Fmt.money(t.fees()), t.open() ? "-" : Fmt.money(t.realisedPnl()), Long.toString(t.holdingHours(end)),
                    Integer.toString(t.fills()), enter == null ? "-" : enter.horizon(),
                    enter == null ? "-" : String.format(Locale.ROOT, "%.3f", enter.probability()),
                    enter == null ? "-" : String.format(Locale.ROOT, "%.4f%%", enter.expectedReturn() * 100),
                    enter == null ? "-" : enter.reason(), exit == null ? "-" : exit.reason()));
        }
        String caption = "Trades (round trips" + (trips.size() > MAX_ROWS ? ", first " + MAX_ROWS + " of " + trips.size() : "")
                + "; an open trip is marked at the end)";
        return new Table(caption, List.of("#", "Asset", "Entry (UTC)", "Entry price", "Exit (UTC)", "Exit price", "Quantity", "Fees",
                "Realised PnL", "Held (h)", "Fills", "Horizon", "Probability", "Expected return", "Entry reason", "Exit reason"), rows);
    }

    /** The asset's last {@code action} signal at or before {@code t} (the cycle that sent the order fills at or after it). */
    private static SignalNote latest(List<SignalNote> signals, String asset, String action, Instant t) {
        SignalNote best = null;
        for (SignalNote s : signals) {
            if (s.asset().equals(asset) && s.action().equals(action) && !s.hour().isAfter(t)
                    && (best == null || s.hour().isAfter(best.hour()))) {
                best = s;
            }
        }
        return best;
    }

    static Table perAsset(ReportInput in, List<RoundTrips.Trip> trips, Instant end) {
        SortedMap<String, List<TradeRecord>> trades = new TreeMap<>();
        in.closePrices().keySet().forEach(a -> trades.put(a, new ArrayList<>()));
        in.trades().forEach(t -> trades.computeIfAbsent(t.asset(), a -> new ArrayList<>()).add(t));
        List<List<String>> rows = new ArrayList<>();
        for (Map.Entry<String, List<TradeRecord>> e : trades.entrySet()) {
            String asset = e.getKey();
            List<RoundTrips.Trip> mine = trips.stream().filter(t -> t.asset().equals(asset)).toList();
            List<RoundTrips.Trip> closed = mine.stream().filter(t -> !t.open()).toList();
            BigDecimal notional = BigDecimal.ZERO;
            BigDecimal fees = BigDecimal.ZERO;
            BigDecimal pnl = BigDecimal.ZERO;
            for (TradeRecord t : e.getValue()) {
                notional = notional.add(t.notional());
                fees = fees.add(t.fee());
                pnl = t.realisedPnl() == null ? pnl : pnl.add(t.realisedPnl());
            }
            long wins = closed.stream().filter(t -> t.realisedPnl().signum() > 0).count();
            OptionalDouble winRate = closed.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of((double) wins / closed.size());
            OptionalDouble avgHeld = mine.isEmpty() ? OptionalDouble.empty()
                    : OptionalDouble.of(mine.stream().mapToLong(t -> t.holdingHours(end)).average().orElse(0));
            rows.add(List.of(asset, Integer.toString(e.getValue().size()), closed.size() + " / " + (mine.size() - closed.size()),
                    Fmt.money(notional), Fmt.money(fees), Fmt.money(pnl), Fmt.pct(winRate), Fmt.num(avgHeld),
                    Fmt.pct(buyAndHold(in.closePrices().get(asset), in.equity().get(0).hour(), end))));
        }
        return new Table("Per asset", List.of("Asset", "Trades", "Trips closed / open", "Traded notional", "Fees", "Realised PnL",
                "Win rate", "Avg held (h)", "Asset return"), rows);
    }

    /** The asset's own price change over the report's hours (last close at or before each end), n/a without prices. */
    private static OptionalDouble buyAndHold(SortedMap<Instant, BigDecimal> closes, Instant first, Instant end) {
        if (closes == null) {
            return OptionalDouble.empty();
        }
        SortedMap<Instant, BigDecimal> upToFirst = closes.headMap(first.plusSeconds(1));
        SortedMap<Instant, BigDecimal> upToEnd = closes.headMap(end.plusSeconds(1));
        if (upToFirst.isEmpty() || upToEnd.isEmpty()) {
            return OptionalDouble.empty();
        }
        BigDecimal a = upToFirst.get(upToFirst.lastKey());
        BigDecimal b = upToEnd.get(upToEnd.lastKey());
        return OptionalDouble.of(b.divide(a, MathContext.DECIMAL64).subtract(BigDecimal.ONE).doubleValue());
    }

    static Table monthly(ReportInput in) {
        Map<YearMonth, Double> months = MonthlyReturns.of(in.initialCapital(), in.equity());
        Map<Integer, Double> years = MonthlyReturns.yearly(months);
        List<String> header = new ArrayList<>(List.of("Year"));
        for (Month m : Month.values()) {
            header.add(m.getDisplayName(TextStyle.SHORT, Locale.ROOT));
        }
        header.add("Year");
        List<List<String>> rows = new ArrayList<>();
        for (Map.Entry<Integer, Double> y : years.entrySet()) {
            List<String> row = new ArrayList<>(List.of(Integer.toString(y.getKey())));
            for (Month m : Month.values()) {
                Double r = months.get(YearMonth.of(y.getKey(), m));
                row.add(r == null ? "" : Fmt.pct(r));
            }
            row.add(Fmt.pct(y.getValue()));
            rows.add(row);
        }
        return new Table("Monthly returns (UTC months; a partial month is what its hours added)", header, rows);
    }

    static Table drawdowns(ReportInput in) {
        Instant start = in.equity().get(0).hour().minusSeconds(3600);
        List<List<String>> rows = new ArrayList<>();
        int i = 1;
        for (DrawdownPeriods.Period p : DrawdownPeriods.deepest(in.initialCapital(), start, in.equity(), 5)) {
            rows.add(List.of(Integer.toString(i++), Fmt.pct(p.depth()), Fmt.time(p.peak()), Fmt.time(p.trough()),
                    p.recovery() == null ? "not recovered" : Fmt.time(p.recovery()), Long.toString(p.hours())));
        }
        return new Table("Top 5 drawdowns", List.of("#", "Depth", "Peak (UTC)", "Trough (UTC)", "Recovery (UTC)", "Hours"), rows);
    }

    static Table riskEvents(List<RiskEventRecord> events) {
        List<RiskEventRecord> sorted = events.stream().sorted(Comparator.comparing(RiskEventRecord::hour)
                .thenComparing(RiskEventRecord::type).thenComparing(e -> e.asset() == null ? "" : e.asset())).toList();
        List<List<String>> rows = new ArrayList<>();
        for (RiskEventRecord e : sorted.subList(0, Math.min(sorted.size(), MAX_ROWS))) {
            rows.add(List.of(Fmt.time(e.hour()), e.type(), e.asset() == null ? "-" : e.asset(),
                    e.fromTier() == null && e.toTier() == null ? "-" : e.fromTier() + " -> " + e.toTier(), e.reason()));
        }
        String caption = "Risk events (" + (sorted.isEmpty() ? "none" : sorted.size() + (sorted.size() > MAX_ROWS ? ", first " + MAX_ROWS : ""))
                + ")";
        return new Table(caption, List.of("Hour (UTC)", "Event", "Asset", "Tier", "Reason"), rows);
    }

    private static String plain(BigDecimal v) {
        return v == null ? "-" : v.stripTrailingZeros().toPlainString();
    }
}
