package io.tradingcore.application.report;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The report's tables as cells: the single place that decides labels and formats of every figure. */
final class Tables {

    private record Row(String label, Function<PerformanceMetrics, String> cell) {
    }

    private static final List<Row> SUMMARY = List.of(
            new Row("Period start (UTC)", m -> Fmt.time(m.start())),
            new Row("Period end (UTC)", m -> Fmt.time(m.end())),
            new Row("Hours", m -> Integer.toString(m.hours())),
            new Row("Start equity", m -> Fmt.money(m.startEquity())),
            new Row("End equity", m -> Fmt.money(m.endEquity())),
            new Row("PnL", m -> Fmt.money(m.pnl())),
            new Row("Total return", m -> Fmt.pct(m.totalReturn())),
            new Row("CAGR", m -> Fmt.pct(m.cagr())),
            new Row("Annualised volatility", m -> Fmt.pct(m.annualisedVolatility())),
            new Row("Sharpe", m -> Fmt.num(m.sharpe())),
            new Row("Sortino", m -> Fmt.num(m.sortino())),
            new Row("Calmar", m -> Fmt.num(m.calmar())),
            new Row("Max drawdown", m -> Fmt.pct(m.maxDrawdown())),
            new Row("Max drawdown duration (h)", m -> Long.toString(m.maxDrawdownDurationHours())),
            new Row("Max drawdown peak (UTC)", m -> Fmt.time(m.maxDrawdownPeak())),
            new Row("Max drawdown recovery (UTC)", m -> m.maxDrawdownPeak() == null ? "-"
                    : m.maxDrawdownRecovery() == null ? "not recovered" : Fmt.time(m.maxDrawdownRecovery())),
            new Row("Trades", m -> Integer.toString(m.trades())),
            new Row("Closed trades", m -> Integer.toString(m.closedTrades())),
            new Row("Win rate", m -> Fmt.pct(m.winRate())),
            new Row("Profit factor", m -> Fmt.num(m.profitFactor())),
            new Row("Exposure", m -> Fmt.pct(m.exposure())),
            new Row("Turnover (x avg equity)", m -> Fmt.num(m.turnover())),
            new Row("Fees paid", m -> Fmt.money(m.fees())));

    private Tables() {
    }

    static Table summary(String caption, Report.Comparison c) {
        List<List<String>> rows = new ArrayList<>();
        for (Row r : SUMMARY) {
            rows.add(List.of(r.label(), r.cell().apply(c.strategy()), r.cell().apply(c.buyAndHold())));
        }
        return new Table(caption, List.of("Metric", "Strategy", "Buy & hold"), rows);
    }

    static Table tiers(String caption, Report.Comparison c) {
        List<String> names = new ArrayList<>();
        for (PerformanceMetrics m : List.of(c.strategy(), c.buyAndHold())) {
            m.tiers().stream().map(TierTime::tier).filter(t -> !names.contains(t)).forEach(names::add);
        }
        List<List<String>> rows = new ArrayList<>();
        for (String tier : names) {
            rows.add(List.of(tier, Long.toString(c.strategy().hoursIn(tier)), Fmt.pct(share(c.strategy(), tier)),
                    Long.toString(c.buyAndHold().hoursIn(tier)), Fmt.pct(share(c.buyAndHold(), tier))));
        }
        return new Table(caption, List.of("Tier", "Strategy (h)", "Strategy share", "Buy & hold (h)",
                "Buy & hold share"), rows);
    }

    private static double share(PerformanceMetrics m, String tier) {
        return (double) m.hoursIn(tier) / m.hours();
    }

    static Table folds(String caption, List<Report.FoldReport> folds) {
        List<List<String>> rows = new ArrayList<>();
        for (Report.FoldReport f : folds) {
            PerformanceMetrics s = f.metrics().strategy();
            PerformanceMetrics b = f.metrics().buyAndHold();
            rows.add(List.of(Integer.toString(f.fold().index()), Fmt.time(f.fold().from()), Fmt.time(f.fold().to()),
                    Integer.toString(s.hours()), Fmt.pct(s.totalReturn()), Fmt.pct(b.totalReturn()),
                    Fmt.num(s.sharpe()), Fmt.num(b.sharpe()), Fmt.num(s.sortino()),
                    Fmt.pct(s.maxDrawdown()), Fmt.pct(b.maxDrawdown()), Long.toString(s.maxDrawdownDurationHours()),
                    Fmt.pct(s.winRate()), Fmt.num(s.profitFactor()), Fmt.pct(s.exposure()), Fmt.num(s.turnover()),
                    Integer.toString(s.trades()), Fmt.money(s.fees()), tierHours(s)));
        }
        return new Table(caption, List.of("Fold", "From (UTC)", "To (UTC)", "Hours", "Return", "B&H return",
                "Sharpe", "B&H Sharpe", "Sortino", "Max DD", "B&H max DD", "DD hours", "Win rate", "Profit factor",
                "Exposure", "Turnover", "Trades", "Fees", "Tier hours N/10/15/20"), rows);
    }

    private static String tierHours(PerformanceMetrics m) {
        StringBuilder sb = new StringBuilder();
        for (String tier : MetricsCalculator.KNOWN_TIERS) {
            sb.append(sb.length() == 0 ? "" : "/").append(m.hoursIn(tier));
        }
        return sb.toString();
    }
}
