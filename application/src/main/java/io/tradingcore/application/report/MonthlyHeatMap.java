package io.tradingcore.application.report;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.time.Month;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The monthly returns table as a heat map: one row per year, one column per month and the year's compounded return;
 * green for gains and red for losses, the deeper the larger against the largest month; each cell also prints its value.
 */
final class MonthlyHeatMap {
    private static final int LABEL = 60;
    private static final int CELL_W = 72;
    private static final int CELL_H = 30;
    private static final int TOP = 56;

    private MonthlyHeatMap() {
    }

    static byte[] png(Map<YearMonth, Double> months, Map<Integer, Double> years) {
        List<Integer> rows = new ArrayList<>(years.keySet());
        int width = LABEL + 13 * CELL_W + 20;
        int height = TOP + Math.max(1, rows.size()) * CELL_H + 20;
        double scale = months.values().stream().mapToDouble(Math::abs).max().orElse(0);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = Images.canvas(image);
        try {
            g.setColor(Color.DARK_GRAY);
            g.setFont(Images.BOLD);
            g.drawString("Monthly returns (UTC months); last column: the year, compounded", 10, 20);
            g.setFont(Images.FONT);
            for (int c = 0; c < 13; c++) {
                String h = c < 12 ? Month.of(c + 1).getDisplayName(TextStyle.SHORT, Locale.ROOT) : "Year";
                centred(g, h, LABEL + c * CELL_W, TOP - 8, CELL_W);
            }
            for (int r = 0; r < rows.size(); r++) {
                int year = rows.get(r);
                int y = TOP + r * CELL_H;
                g.setColor(Color.DARK_GRAY);
                g.drawString(Integer.toString(year), 10, y + CELL_H / 2 + 5);
                for (int c = 0; c < 13; c++) {
                    Double v = c < 12 ? months.get(YearMonth.of(year, c + 1)) : years.get(year);
                    int x = LABEL + c * CELL_W;
                    if (v != null) {
                        g.setColor(colour(v, c < 12 ? scale : Math.max(scale, Math.abs(v))));
                        g.fillRect(x, y, CELL_W, CELL_H);
                        g.setColor(Color.BLACK);
                        centred(g, Fmt.pct(v), x, y + CELL_H / 2 + 5, CELL_W);
                    }
                    g.setColor(Color.LIGHT_GRAY);
                    g.drawRect(x, y, CELL_W, CELL_H);
                }
            }
        } finally {
            g.dispose();
        }
        return Images.png(image, "the monthly returns heat map");
    }

    /** White at 0, towards green (gain) or red (loss) with |v| / scale; at most 80% saturated so the text stays legible. */
    static Color colour(double v, double scale) {
        double t = scale > 0 ? Math.min(1, Math.abs(v) / scale) * 0.8 : 0;
        Color end = v >= 0 ? new Color(26, 152, 80) : new Color(215, 48, 39);
        return new Color(mix(255, end.getRed(), t), mix(255, end.getGreen(), t), mix(255, end.getBlue(), t));
    }

    private static int mix(int a, int b, double t) {
        return (int) Math.round(a + (b - a) * t);
    }

    private static void centred(Graphics2D g, String text, int x, int baseline, int width) {
        FontMetrics fm = g.getFontMetrics();
        g.drawString(text, x + (width - fm.stringWidth(text)) / 2, baseline);
    }
}
