package io.tradingcore.application.report;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Rolling Sharpe ratio of strategy and buy-and-hold on top, the strategy's exposure (positions at the hour's mark over
 * equity) below; drawn by XChart like the equity chart.
 */
final class RollingCharts {
    /** The rolling window: 30 days, shortened to a quarter of the run (at least a day) for short runs. */
    static final int MAX_WINDOW_HOURS = 720;
    private static final int SHARPE_HEIGHT = 300;
    private static final int EXPOSURE_HEIGHT = 240;
    private static final Color STRATEGY = new Color(31, 119, 180);
    private static final Color BENCHMARK = new Color(255, 127, 14);

    private RollingCharts() {
    }

    static int window(int hours) {
        return Math.max(24, Math.min(MAX_WINDOW_HOURS, hours / 4));
    }

    /**
     * Annualised Sharpe of the hourly returns in the {@code window} hours ending at each hour (NaN before the first full
     * window and where the window's returns do not vary), the same definition as the overall Sharpe.
     */
    static double[] rollingSharpe(double[] returns, int window) {
        double[] out = new double[returns.length];
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < returns.length; i++) {
            sum += returns[i];
            sumSq += returns[i] * returns[i];
            if (i >= window) {
                sum -= returns[i - window];
                sumSq -= returns[i - window] * returns[i - window];
            }
            if (i < window - 1) {
                out[i] = Double.NaN;
                continue;
            }
            double mean = sum / window;
            double var = (sumSq - window * mean * mean) / (window - 1);
            out[i] = var > 1e-18 ? mean / Math.sqrt(var) * Math.sqrt(MetricsCalculator.PERIODS_PER_YEAR) : Double.NaN;
        }
        return out;
    }

    /** Gross exposure of each hour as a fraction of equity (0 when equity is 0). */
    static double[] exposure(List<EquityPoint> curve) {
        double[] out = new double[curve.size()];
        for (int i = 0; i < out.length; i++) {
            EquityPoint p = curve.get(i);
            out[i] = p.equity().signum() == 0 ? 0 : p.exposureNotional().doubleValue() / p.equity().doubleValue();
        }
        return out;
    }

    static byte[] png(Report report) {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        List<EquityPoint> curve = report.strategyCurve();
        int window = window(curve.size());
        List<Date> times = curve.stream().map(p -> Date.from(p.hour())).toList();
        XYChart sharpe = chart("Rolling Sharpe ratio (" + window + "-hour window, annualised)", "Sharpe", SHARPE_HEIGHT);
        add(sharpe, "Strategy", times, rollingSharpe(MetricsCalculator.hourlyReturns(report.initialCapital(), curve), window), STRATEGY);
        add(sharpe, "Buy & hold", times,
                rollingSharpe(MetricsCalculator.hourlyReturns(report.initialCapital(), report.benchmarkCurve()), window), BENCHMARK);
        sharpe.getStyler().setYAxisDecimalPattern("0.0");
        XYChart exposure = chart("Exposure: positions at the hour's mark / equity", "Exposure %", EXPOSURE_HEIGHT);
        double[] e = exposure(curve);
        for (int i = 0; i < e.length; i++) {
            e[i] *= 100;
        }
        add(exposure, "Strategy", times, e, STRATEGY).setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
        exposure.getStyler().setYAxisMin(0.0).setYAxisDecimalPattern("0").setLegendVisible(false);
        return stack(List.of(sharpe, exposure), "the rolling Sharpe and exposure chart");
    }

    static XYChart chart(String title, String yTitle, int height) {
        XYChart c = new XYChartBuilder().width(EquityChart.WIDTH).height(height).title(title).yAxisTitle(yTitle).build();
        c.getStyler().setTimezone(TimeZone.getTimeZone("UTC")).setDatePattern("yyyy-MM-dd").setPlotGridVerticalLinesVisible(false)
                .setXAxisTitleVisible(false).setChartBackgroundColor(Color.WHITE).setPlotBackgroundColor(Color.WHITE)
                .setLegendPosition(Styler.LegendPosition.InsideNW).setMarkerSize(0);
        return c;
    }

    /**
     * Adds the finite points of {@code y} (decimated like the equity chart); a series with no finite point is drawn as
     * one point at 0 so that the panel still renders.
     */
    static XYSeries add(XYChart chart, String name, List<Date> x, double[] y, Color color) {
        List<Date> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (int i = 0; i < y.length; i++) {
            if (Double.isFinite(y[i])) {
                xs.add(x.get(i));
                ys.add(y[i]);
            }
        }
        if (xs.isEmpty()) {
            xs.add(x.get(0));
            ys.add(0.0);
        }
        List<Integer> keep = EquityChart.decimate(ys, EquityChart.WIDTH);
        XYSeries s = chart.addSeries(name, keep.stream().map(xs::get).toList(), keep.stream().map(ys::get).toList());
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(color);
        s.setFillColor(new Color(color.getRed(), color.getGreen(), color.getBlue(), 60));
        s.setLineWidth(1.2f);
        return s;
    }

    /** The charts one under the other in one PNG. */
    static byte[] stack(List<XYChart> charts, String what) {
        int height = charts.stream().mapToInt(XYChart::getHeight).sum();
        BufferedImage image = new BufferedImage(EquityChart.WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            int y = 0;
            for (XYChart c : charts) {
                g.drawImage(BitmapEncoder.getBufferedImage(c), 0, y, null);
                y += c.getHeight();
            }
        } finally {
            g.dispose();
        }
        return Images.png(image, what);
    }
}
