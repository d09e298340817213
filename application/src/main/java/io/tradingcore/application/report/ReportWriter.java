package io.tradingcore.application.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a report's files into a directory. */
public final class ReportWriter {

    /** The files written and the figures they show. */
    public record Written(Report report, Path equityPng, Path html, Path metricsJson) {
    }

    private ReportWriter() {
    }

    /**
     * Computes the report and writes {@code equity.png} (equity of strategy and buy-and-hold with a drawdown
     * panel), {@code report.html} (one self-contained page: tables and the chart as a data URI, no external
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
        Path html = Files.writeString(outDir.resolve("report.html"), Html.page(report, png, Explanation.tables(input), assetCharts(input)), StandardCharsets.UTF_8);
        Path json = Files.writeString(outDir.resolve("metrics.json"), MetricsJson.of(report), StandardCharsets.UTF_8);
        return new Written(report, equityPng, html, json);
    }

    /** One price chart per asset with its fills marked, over the report's hours. */
    static java.util.SortedMap<String, byte[]> assetCharts(ReportInput in) {
        java.util.SortedMap<String, byte[]> out = new java.util.TreeMap<>();
        java.time.Instant from = in.equity().get(0).hour().minusSeconds(3600);
        java.time.Instant to = in.equity().get(in.equity().size() - 1).hour();
        in.closePrices().forEach((asset, closes) -> out.put(asset, AssetChart.png(asset, closes, from, to, in.trades())));
        return out;
    }
}
