package io.tradingcore.application.report;

import java.util.ArrayList;
import java.util.List;

/** A table as text cells, rendered both as aligned plain text and as HTML. First column is a label. */
record Table(String caption, List<String> header, List<List<String>> rows) {

    Table {
        header = List.copyOf(header);
        List<List<String>> copy = new ArrayList<>();
        for (List<String> row : rows) {
            if (row.size() != header.size()) {
                throw new IllegalArgumentException("row " + row + " has " + row.size() + " cells, header has "
                        + header.size());
            }
            copy.add(List.copyOf(row));
        }
        rows = List.copyOf(copy);
    }

    /** Columns padded to their widest cell; the label column left-aligned, figures right-aligned. */
    String toText() {
        int[] width = new int[header.size()];
        for (int c = 0; c < width.length; c++) {
            width[c] = header.get(c).length();
            for (List<String> row : rows) {
                width[c] = Math.max(width[c], row.get(c).length());
            }
        }
        StringBuilder sb = new StringBuilder(caption).append('\n');
        appendLine(sb, header, width);
        int total = (width.length - 1) * 2;
        for (int w : width) {
            total += w;
        }
        sb.append("-".repeat(total)).append('\n');
        for (List<String> row : rows) {
            appendLine(sb, row, width);
        }
        return sb.toString();
    }

    private static void appendLine(StringBuilder sb, List<String> cells, int[] width) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < width.length; c++) {
            String cell = cells.get(c);
            String pad = " ".repeat(width[c] - cell.length());
            if (c > 0) {
                line.append("  ");
            }
            line.append(c == 0 ? cell + pad : pad + cell);
        }
        sb.append(line.toString().stripTrailing()).append('\n');
    }

    String toHtml() {
        StringBuilder sb = new StringBuilder("<table>\n<caption>").append(Html.escape(caption)).append("</caption>\n<tr>");
        for (String h : header) {
            sb.append("<th>").append(Html.escape(h)).append("</th>");
        }
        sb.append("</tr>\n");
        for (List<String> row : rows) {
            sb.append("<tr>");
            for (int c = 0; c < row.size(); c++) {
                sb.append(c == 0 ? "<td class=\"label\">" : "<td>").append(Html.escape(row.get(c))).append("</td>");
            }
            sb.append("</tr>\n");
        }
        return sb.append("</table>\n").toString();
    }
}
