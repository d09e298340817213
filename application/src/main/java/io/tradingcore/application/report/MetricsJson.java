package io.tradingcore.application.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.OptionalDouble;

/**
 * metrics.json: the same figures as the HTML page, unrounded, keys in a fixed order. Ratios that are not
 * defined are {@code null}; money is an exact decimal number; times are ISO-8601 UTC strings.
 */
final class MetricsJson {

    private MetricsJson() {
    }

    static String of(Report report) {
        StringBuilder sb = new StringBuilder("{\n");
        field(sb, 1, "title", quote(report.title()));
        sb.append("  \"assets\": [");
        for (int i = 0; i < report.assets().size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(quote(report.assets().get(i)));
        }
        sb.append("],\n");
        field(sb, 1, "initialCapital", report.initialCapital().toPlainString());
        field(sb, 1, "periodsPerYear", Integer.toString(MetricsCalculator.PERIODS_PER_YEAR));
        sb.append("  \"overall\": ");
        comparison(sb, report.overall(), 1);
        sb.append(",\n  \"folds\": [");
        for (int i = 0; i < report.folds().size(); i++) {
            Report.FoldReport f = report.folds().get(i);
            sb.append(i == 0 ? "\n" : ",\n").append("    {\n");
            field(sb, 3, "index", Integer.toString(f.fold().index()));
            field(sb, 3, "from", time(f.fold().from()));
            field(sb, 3, "to", time(f.fold().to()));
            sb.append("      \"metrics\": ");
            comparison(sb, f.metrics(), 3);
            sb.append("\n    }");
        }
        sb.append(report.folds().isEmpty() ? "]\n" : "\n  ]\n");
        return sb.append("}\n").toString();
    }

    private static void comparison(StringBuilder sb, Report.Comparison c, int depth) {
        String pad = "  ".repeat(depth);
        sb.append("{\n").append(pad).append("  \"strategy\": ");
        metrics(sb, c.strategy(), depth + 1);
        sb.append(",\n").append(pad).append("  \"buyAndHold\": ");
        metrics(sb, c.buyAndHold(), depth + 1);
        sb.append('\n').append(pad).append('}');
    }

    private static void metrics(StringBuilder sb, PerformanceMetrics m, int depth) {
        sb.append("{\n");
        int d = depth + 1;
        field(sb, d, "start", time(m.start()));
        field(sb, d, "end", time(m.end()));
        field(sb, d, "hours", Integer.toString(m.hours()));
        field(sb, d, "startEquity", money(m.startEquity()));
        field(sb, d, "endEquity", money(m.endEquity()));
        field(sb, d, "pnl", money(m.pnl()));
        field(sb, d, "totalReturn", number(m.totalReturn()));
        field(sb, d, "cagr", number(m.cagr()));
        field(sb, d, "annualisedVolatility", number(m.annualisedVolatility()));
        field(sb, d, "sharpe", number(m.sharpe()));
        field(sb, d, "sortino", number(m.sortino()));
        field(sb, d, "calmar", number(m.calmar()));
        field(sb, d, "maxDrawdown", number(m.maxDrawdown()));
        field(sb, d, "maxDrawdownPeak", time(m.maxDrawdownPeak()));
        field(sb, d, "maxDrawdownTrough", time(m.maxDrawdownTrough()));
        field(sb, d, "maxDrawdownRecovery", time(m.maxDrawdownRecovery()));
        field(sb, d, "maxDrawdownDurationHours", Long.toString(m.maxDrawdownDurationHours()));
        field(sb, d, "trades", Integer.toString(m.trades()));
        field(sb, d, "closedTrades", Integer.toString(m.closedTrades()));
        field(sb, d, "winningTrades", Integer.toString(m.winningTrades()));
        field(sb, d, "winRate", number(m.winRate()));
        field(sb, d, "grossProfit", money(m.grossProfit()));
        field(sb, d, "grossLoss", money(m.grossLoss()));
        field(sb, d, "profitFactor", number(m.profitFactor()));
        field(sb, d, "exposure", number(m.exposure()));
        field(sb, d, "tradedNotional", money(m.tradedNotional()));
        field(sb, d, "averageEquity", money(m.averageEquity()));
        field(sb, d, "turnover", number(m.turnover()));
        field(sb, d, "fees", money(m.fees()));
        String pad = "  ".repeat(d);
        sb.append(pad).append("\"tiers\": [");
        for (int i = 0; i < m.tiers().size(); i++) {
            TierTime t = m.tiers().get(i);
            sb.append(i == 0 ? "" : ", ").append("{\"tier\": ").append(quote(t.tier())).append(", \"hours\": ")
                    .append(t.hours()).append(", \"share\": ").append(number(t.share())).append('}');
        }
        sb.append("]\n").append("  ".repeat(depth)).append('}');
    }

    private static void field(StringBuilder sb, int depth, String key, String jsonValue) {
        sb.append("  ".repeat(depth)).append('"').append(key).append("\": ").append(jsonValue).append(",\n");
    }

    private static String money(BigDecimal x) {
        return x.stripTrailingZeros().toPlainString();
    }

    private static String number(double x) {
        return Double.isFinite(x) ? Double.toString(x) : "null";
    }

    private static String number(OptionalDouble x) {
        return x.isPresent() ? number(x.getAsDouble()) : "null";
    }

    private static String time(Instant t) {
        return t == null ? "null" : quote(t.toString());
    }

    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            if (ch == '"' || ch == '\\') {
                sb.append('\\').append(ch);
            } else if (ch < 0x20) {
                sb.append(String.format("\\u%04x", (int) ch));
            } else {
                sb.append(ch);
            }
        }
        return sb.append('"').toString();
    }
}
