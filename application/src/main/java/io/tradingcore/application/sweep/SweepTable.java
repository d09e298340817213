package io.tradingcore.application.sweep;

import io.tradingcore.ports.out.BacktestQueryRepository.RunSummary;
import java.io.IOException;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/** The comparison of a sweep as cells, and as sweep.csv and sweep.html (one self-contained file). */
public final class SweepTable {
    public static final List<String> HEADER = List.of("point", "settings", "backtest_run_id", "status", "hours", "return", "sharpe",
            "max_drawdown", "trades", "error");

    private SweepTable() {
    }

    public static List<List<String>> cells(ParameterSweep.Outcome o) {
        List<List<String>> out = new ArrayList<>();
        for (ParameterSweep.Row r : o.rows()) {
            String best = o.bestIndex().isPresent() && o.bestIndex().get() == r.point().index() ? " *" : "";
            if (r.run().isPresent()) {
                RunSummary s = r.run().get();
                out.add(List.of(r.point().index() + 1 + best, r.point().label(), s.id().value().toString(), s.status(),
                        Long.toString(s.hoursDone()), pct(s.totalReturn()), num(s.sharpe()),
                        s.maxDrawdown().movePointRight(2).setScale(2, RoundingMode.HALF_EVEN).toPlainString() + "%",
                        Long.toString(s.trades()), s.failureReason() == null ? "" : s.failureReason()));
            } else {
                out.add(List.of(r.point().index() + 1 + best, r.point().label(), "", "FAILED", "", "n/a", "n/a", "n/a", "",
                        r.error().orElse("")));
            }
        }
        return out;
    }

    /** The lines under the table: the best Sharpe and how much of it the number of trials explains. */
    public static String verdict(ParameterSweep.Outcome o) {
        if (o.deflated().isEmpty()) {
            return "no point has a Sharpe ratio (fewer than 2 hours, or a flat equity curve): nothing to deflate";
        }
        DeflatedSharpe.Result d = o.deflated().get();
        return String.format(Locale.ROOT, "best Sharpe %.2f (point %d, annualised; %.4f per hour over %d hours)%n"
                        + "deflated Sharpe ratio %.3f over %d trials: the probability that the best point's true Sharpe beats %.2f,"
                        + " the best that %d trials without any edge would show (Bailey & Lopez de Prado 2014;"
                        + " skewness %.2f, kurtosis %.2f, variance of the trials' hourly Sharpe %.3g)",
                ParameterSweep.annualised(d.bestSharpe()), o.bestIndex().orElseThrow() + 1, d.bestSharpe(), d.observations(),
                d.deflatedSharpe(), d.trials(), ParameterSweep.annualised(d.expectedMaxSharpe()), d.trials(), d.skewness(),
                d.kurtosis(), d.trialSharpeVariance());
    }

    public static void writeCsv(ParameterSweep.Outcome o, Path file) throws IOException {
        StringBuilder b = new StringBuilder(io.tradingcore.application.runs.ExportFiles.line(HEADER));
        cells(o).forEach(r -> b.append(io.tradingcore.application.runs.ExportFiles.line(r)));
        Files.writeString(file, b.toString(), StandardCharsets.UTF_8);
    }

    public static void writeHtml(ParameterSweep.Outcome o, String title, Path file) throws IOException {
        StringBuilder b = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>").append(esc(title))
                .append("</title>\n<style>body{font-family:sans-serif}table{border-collapse:collapse}td,th{border:1px solid #ccc;"
                        + "padding:2px 6px;text-align:right}td:nth-child(2),td:nth-child(3),td:nth-child(10){text-align:left}</style>"
                        + "</head><body>\n<h1>").append(esc(title)).append("</h1>\n<table id=\"sweep\">\n<tr>");
        HEADER.forEach(h -> b.append("<th>").append(esc(h)).append("</th>"));
        b.append("</tr>\n");
        for (List<String> r : cells(o)) {
            b.append("<tr>");
            r.forEach(c -> b.append("<td>").append(esc(c)).append("</td>"));
            b.append("</tr>\n");
        }
        b.append("</table>\n<p id=\"deflated-sharpe\">").append(esc(verdict(o)).replace("\n", "<br>\n")).append("</p>\n</body></html>\n");
        Files.writeString(file, b.toString(), StandardCharsets.UTF_8);
    }

    static String pct(OptionalDouble v) {
        return v.isPresent() ? String.format(Locale.ROOT, "%.2f%%", v.getAsDouble() * 100) : "n/a";
    }

    static String num(OptionalDouble v) {
        return v.isPresent() ? String.format(Locale.ROOT, "%.2f", v.getAsDouble()) : "n/a";
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
