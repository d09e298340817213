package io.tradingcore.application.report;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** The self-contained HTML page: inline CSS, charts as data URIs, nothing fetched from anywhere. */
final class Html {

    private static final String CSS = """
            body{font-family:"DejaVu Sans",Arial,sans-serif;margin:24px;color:#222;background:#fff}
            h1{font-size:22px;margin:0 0 4px} h2{font-size:17px;margin:28px 0 8px}
            p.meta{color:#555;margin:2px 0}
            table{border-collapse:collapse;margin:8px 0 16px;font-size:13px}
            caption{text-align:left;font-weight:bold;padding:4px 0}
            th,td{border:1px solid #ccc;padding:3px 8px;text-align:right;white-space:nowrap}
            th{background:#eef2f7} td.label{text-align:left} tr:nth-child(even) td{background:#fafafa}
            img{max-width:100%;border:1px solid #ddd}
            .scroll{overflow-x:auto}
            .warnings{border:2px solid #d62728;background:#fff4f4;padding:4px 12px;margin:12px 0}
            .warnings h2{color:#d62728;margin:6px 0} li.warning{font-family:"DejaVu Sans Mono",monospace;font-size:13px}
            """;

    private Html() {
    }

    /** A chart of the page: its heading, its alt text and the PNG bytes (inlined as a data URI). */
    record Figure(String heading, String alt, byte[] png) {
    }

    /**
     * The page: heading, the model warnings (when a model is worse than its baseline), the equity chart, the summary
     * tables and the explaining {@code tables}, then the {@code figures}.
     */
    static String page(Report report, byte[] equityPng, List<Table> tables, List<Figure> figures) {
        StringBuilder sb = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(escape(report.title())).append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n")
                .append("<h1>").append(escape(report.title())).append("</h1>\n")
                .append("<p class=\"meta\">Assets: ").append(escape(String.join(", ", report.assets())))
                .append(" &middot; initial capital ").append(Fmt.money(report.initialCapital()))
                .append(" &middot; ").append(Fmt.time(report.start())).append(" to ")
                .append(Fmt.time(report.overall().strategy().end())).append(" UTC &middot; ")
                .append(report.overall().strategy().hours()).append(" hours</p>\n")
                .append("<p class=\"meta\">Benchmark: buy-and-hold, capital split equally at the first hour's price, no fees."
                        + " Ratios annualised over 8760 hours, risk-free rate 0; n/a = not defined.</p>\n");
        List<String> warnings = report.modelWarnings();
        if (!warnings.isEmpty()) {
            sb.append("<div class=\"warnings\">\n<h2>Model warnings</h2>\n<ul>\n");
            for (String w : warnings) {
                sb.append("<li class=\"warning\">WARNING: ").append(escape(w)).append("</li>\n");
            }
            sb.append("</ul>\n</div>\n");
        }
        figure(sb, new Figure("Equity and drawdown", "Equity curve of the strategy and buy-and-hold with drawdown panel", equityPng));
        List<Table> all = new ArrayList<>(SummaryTable.tables(report));
        all.addAll(tables);
        for (Table t : all) {
            sb.append("<h2>").append(escape(t.caption())).append("</h2>\n<div class=\"scroll\">\n")
                    .append(t.toHtml()).append("</div>\n");
        }
        figures.forEach(f -> figure(sb, f));
        return sb.append("</body>\n</html>\n").toString();
    }

    private static void figure(StringBuilder sb, Figure f) {
        sb.append("<h2>").append(escape(f.heading())).append("</h2>\n<img alt=\"").append(escape(f.alt()))
                .append("\" src=\"data:image/png;base64,").append(Base64.getEncoder().encodeToString(f.png())).append("\">\n");
    }

    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(ch);
            }
        }
        return sb.toString();
    }
}
