package io.tradingcore.application.report;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import java.util.TreeSet;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Equity curve of strategy and buy-and-hold on top, their drawdowns in a panel below; drawn by XChart. */
final class EquityChart {

    static final int WIDTH = 1100;
    private static final int EQUITY_HEIGHT = 480;
    private static final int DRAWDOWN_HEIGHT = 240;
    private static final Color STRATEGY = new Color(31, 119, 180);
    private static final Color BENCHMARK = new Color(255, 127, 14);

    private EquityChart() {
    }

    static byte[] png(Report report) {
        // charts render off-screen; a server or CI has no display
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        List<Date> times = new ArrayList<>();
        times.add(Date.from(report.start()));
        report.strategyCurve().forEach(p -> times.add(Date.from(p.hour())));

        XYChart equity = chart("Equity: strategy vs buy-and-hold", "Equity", EQUITY_HEIGHT);
        add(equity, "Strategy", times, equitySeries(report.initialCapital(), report.strategyCurve()), STRATEGY);
        add(equity, "Buy & hold", times, equitySeries(report.initialCapital(), report.benchmarkCurve()), BENCHMARK);
        equity.getStyler().setYAxisDecimalPattern("#,##0");

        XYChart drawdown = chart("Drawdown from running peak", "Drawdown %", DRAWDOWN_HEIGHT);
        add(drawdown, "Strategy", times, drawdownSeries(report.initialCapital(), report.strategyCurve()), STRATEGY)
                .setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
        add(drawdown, "Buy & hold", times, drawdownSeries(report.initialCapital(), report.benchmarkCurve()), BENCHMARK);
        drawdown.getStyler().setYAxisDecimalPattern("0.0");
        drawdown.getStyler().setYAxisMax(0.0);
        // same colours as the panel above; a legend here would cover the shallow end where most hours sit
        drawdown.getStyler().setLegendVisible(false);

        BufferedImage image = new BufferedImage(WIDTH, EQUITY_HEIGHT + DRAWDOWN_HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.drawImage(BitmapEncoder.getBufferedImage(equity), 0, 0, null);
            g.drawImage(BitmapEncoder.getBufferedImage(drawdown), 0, EQUITY_HEIGHT, null);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode the equity chart as PNG", e);
        }
        return out.toByteArray();
    }

    private static XYChart chart(String title, String yTitle, int height) {
        XYChart c = new XYChartBuilder().width(WIDTH).height(height).title(title).xAxisTitle("UTC").yAxisTitle(yTitle)
                .build();
        c.getStyler().setTimezone(TimeZone.getTimeZone("UTC"))
                .setDatePattern("yyyy-MM-dd")
                .setPlotGridVerticalLinesVisible(false)
                .setXAxisTitleVisible(false)
                .setChartBackgroundColor(Color.WHITE)
                .setPlotBackgroundColor(Color.WHITE)
                .setLegendPosition(Styler.LegendPosition.InsideNW)
                .setMarkerSize(0);
        return c;
    }

    private static XYSeries add(XYChart chart, String name, List<Date> x, List<Double> y, Color color) {
        List<Integer> keep = decimate(y, WIDTH);
        XYSeries s = chart.addSeries(name, keep.stream().map(x::get).toList(), keep.stream().map(y::get).toList());
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(color);
        s.setFillColor(new Color(color.getRed(), color.getGreen(), color.getBlue(), 60));
        s.setLineWidth(1.4f);
        return s;
    }

    /**
     * Indexes to plot: all of them for short curves; for long ones the first, the lowest and the highest point
     * of each of {@code buckets} equal slices, in time order. A pixel column cannot show more than its minimum
     * and maximum, so the picture keeps every peak and trough while XChart draws a few thousand points
     * instead of tens of thousands.
     */
    static List<Integer> decimate(List<Double> y, int buckets) {
        int n = y.size();
        List<Integer> keep = new ArrayList<>();
        if (n <= 3 * buckets) {
            for (int i = 0; i < n; i++) {
                keep.add(i);
            }
            return keep;
        }
        for (int b = 0; b < buckets; b++) {
            int from = (int) ((long) b * n / buckets);
            int to = (int) ((long) (b + 1) * n / buckets);
            int lo = from;
            int hi = from;
            for (int i = from + 1; i < to; i++) {
                lo = y.get(i) < y.get(lo) ? i : lo;
                hi = y.get(i) > y.get(hi) ? i : hi;
            }
            new TreeSet<>(List.of(from, lo, hi)).forEach(keep::add);
        }
        if (keep.get(keep.size() - 1) != n - 1) {
            keep.add(n - 1);
        }
        return keep;
    }

    private static List<Double> equitySeries(BigDecimal initialCapital, List<EquityPoint> curve) {
        List<Double> y = new ArrayList<>();
        y.add(initialCapital.doubleValue());
        curve.forEach(p -> y.add(p.equity().doubleValue()));
        return y;
    }

    private static List<Double> drawdownSeries(BigDecimal initialCapital, List<EquityPoint> curve) {
        List<Double> y = new ArrayList<>();
        y.add(0.0);
        for (double dd : MetricsCalculator.drawdowns(initialCapital, curve)) {
            y.add(-100 * dd);
        }
        return y;
    }
}
