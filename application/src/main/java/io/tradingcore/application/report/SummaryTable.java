package io.tradingcore.application.report;

import java.util.List;

/** Plain-text tables for the CLI, columns lined up with spaces (monospace output). */
public final class SummaryTable {

    private SummaryTable() {
    }

    /** Overall strategy vs buy-and-hold, time in tiers, and one line per fold (when there are folds). */
    public static String render(Report report) {
        StringBuilder sb = new StringBuilder(report.title()).append('\n')
                .append("Assets: ").append(String.join(", ", report.assets()))
                .append("; initial capital ").append(Fmt.money(report.initialCapital())).append("\n\n");
        for (Table t : tables(report)) {
            sb.append(t.toText()).append('\n');
        }
        for (String w : report.modelWarnings()) {
            sb.append("WARNING: ").append(w).append('\n');
        }
        return sb.toString();
    }

    static List<Table> tables(Report report) {
        Table summary = Tables.summary("Overall", report.overall());
        Table tiers = Tables.tiers("Time in drawdown tier", report.overall());
        return report.folds().isEmpty() ? List.of(summary, tiers)
                : List.of(summary, tiers, Tables.folds("Walk-forward folds", report.folds()));
    }
}
