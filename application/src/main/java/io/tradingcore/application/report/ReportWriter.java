package io.tradingcore.application.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/** Writes a report's files into a directory. */
public final class ReportWriter {

    /** The files written and the figures they show. */
    public record Written(Report report, Path equityPng, Path html, Path metricsJson) {
    }

    private ReportWriter() {
    }

    /**
     * Computes the report and writes {@code equity.png} (equity of strategy and buy-and-hold with a drawdown
     * panel), {@code report.html} (one self-contained page: tables and every chart as a data URI, no external
     * resource) and {@code metrics.json}. Creates {@code outDir} if needed; overwrites those three files.
     *
     * @throws IllegalArgumentException when the input cannot be reported (see {@link BuyAndHold#simulate})
     * @throws IOException              when a file cannot be written
     */
    public static Written write(Path outDir, ReportInput input) throws IOException {
        Report report = ReportBuilder.build(input);
        Files.createDirectories(outDir);
        byte[] png = EquityChart.png(report);
        Path equityPng = Files.write(outDir.resolve("equity.png"), png);
        Path html = Files.writeString(outDir.resolve("report.html"), Html.page(report, png, Explanation.tables(input, report),
                figures(input, report)), StandardCharsets.UTF_8);
        Path json = Files.writeString(outDir.resolve("metrics.json"), MetricsJson.of(report), StandardCharsets.UTF_8);
        return new Written(report, equityPng, html, json);
    }

    /**
     * The charts after the tables: rolling Sharpe and exposure, the monthly returns heat map, the regime timeline (when
     * the run stored regimes) and one price chart per asset with its fills and, beneath, its META probability and signals.
     */
    static List<Html.Figure> figures(ReportInput in, Report report) {
        List<Html.Figure> out = new ArrayList<>();
        Instant from = in.equity().get(0).hour().minusSeconds(3600);
        Instant to = in.equity().get(in.equity().size() - 1).hour();
        out.add(new Html.Figure("Rolling Sharpe and exposure", "Rolling Sharpe ratio of strategy and buy-and-hold, and the"
                + " strategy's exposure over time", RollingCharts.png(report)));
        Map<YearMonth, Double> months = MonthlyReturns.of(in.initialCapital(), in.equity());
        out.add(new Html.Figure("Monthly returns heat map", "Monthly returns by year and month, green gains and red losses",
                MonthlyHeatMap.png(months, MonthlyReturns.yearly(months))));
        SortedMap<String, SortedMap<Instant, String>> regimes = RegimeTimeline.regimes(in.signals());
        if (!regimes.isEmpty()) {
            out.add(new Html.Figure("Regime timeline", "The regime of each asset-hour's decision over time",
                    RegimeTimeline.png(regimes, from, to)));
        }
        in.closePrices().forEach((asset, closes) -> out.add(new Html.Figure("Price and trades: " + asset, "Close price of " + asset
                + " with entries and exits, and its META probability with ENTER and EXIT signals beneath",
                AssetChart.png(asset, closes, from, to, in.trades(), in.signals()))));
        return out;
    }
}
