package io.tradingcore.app;

import java.util.ArrayList;
import java.util.List;

/** Aligned plain-text tables for the CLI: text left-aligned, numbers (and n/a) right-aligned. */
final class TextTable {
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    TextTable(List<String> header) {
        this.header = List.copyOf(header);
    }

    TextTable row(String... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException("row has " + cells.length + " cells, header has " + header.size());
        }
        rows.add(List.of(cells));
        return this;
    }

    String render() {
        int[] width = new int[header.size()];
        boolean[] numeric = new boolean[header.size()];
        for (int c = 0; c < width.length; c++) {
            width[c] = header.get(c).length();
            numeric[c] = !rows.isEmpty();
            for (List<String> r : rows) {
                width[c] = Math.max(width[c], r.get(c).length());
                numeric[c] &= r.get(c).matches("[-+]?[0-9.,]+%?|n/a|");
            }
        }
        StringBuilder sb = new StringBuilder();
        line(sb, header, width, numeric);
        int total = 0;
        for (int w : width) {
            total += w + 2;
        }
        sb.append("-".repeat(Math.max(0, total - 2))).append('\n');
        rows.forEach(r -> line(sb, r, width, numeric));
        return sb.toString();
    }

    private static void line(StringBuilder sb, List<String> cells, int[] width, boolean[] numeric) {
        StringBuilder l = new StringBuilder();
        for (int c = 0; c < width.length; c++) {
            String pad = " ".repeat(width[c] - cells.get(c).length());
            l.append(c == 0 ? "" : "  ").append(numeric[c] ? pad + cells.get(c) : cells.get(c) + pad);
        }
        sb.append(l.toString().stripTrailing()).append('\n');
    }
}
