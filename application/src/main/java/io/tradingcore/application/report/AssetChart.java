package io.tradingcore.application.report;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TimeZone;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * One asset's close price over the report's hours with its BUY (entries) and SELL (exits) fills marked and, beneath it
 * when the run stored signals, the META probability of each hour's decision horizon with the ENTER and EXIT signals
 * marked; XChart.
 */
final class AssetChart {
    private static final int HEIGHT = 360;
    private static final int PROBABILITY_HEIGHT = 220;
    private static final Color PROBABILITY = new Color(31, 119, 180);
    private static final Color PRICE = new Color(90, 90, 90);
    private static final Color BUY = new Color(44, 160, 44);
    private static final Color SELL = new Color(214, 39, 40);

    private AssetChart() {
    }

    static byte[] png(String asset, SortedMap<Instant, BigDecimal> closes, Instant from, Instant to, List<TradeRecord> trades) {
        return png(asset, closes, from, to, trades, List.of());
    }

    /** As above with the asset's signals ({@code signals} may hold other assets' too) charted beneath. */
    static byte[] png(String asset, SortedMap<Instant, BigDecimal> closes, Instant from, Instant to, List<TradeRecord> trades,
                      List<SignalNote> signals) {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        XYChart c = new XYChartBuilder().width(EquityChart.WIDTH).height(HEIGHT).title(asset + ": close price, entries and exits")
                .yAxisTitle("Price").build();
        c.getStyler().setTimezone(TimeZone.getTimeZone("UTC")).setDatePattern("yyyy-MM-dd").setPlotGridVerticalLinesVisible(false)
                .setXAxisTitleVisible(false).setChartBackgroundColor(Color.WHITE).setPlotBackgroundColor(Color.WHITE)
                .setLegendPosition(Styler.LegendPosition.InsideNW);
        c.getStyler().setYAxisDecimalPattern("#,##0.####");
        List<Date> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (Map.Entry<Instant, BigDecimal> e : closes.subMap(from, to.plusSeconds(1)).entrySet()) {
            x.add(Date.from(e.getKey()));
            y.add(e.getValue().doubleValue());
        }
        if (x.isEmpty()) {
            x.add(Date.from(from));
            y.add(0.0);
        }
        List<Integer> keep = EquityChart.decimate(y, EquityChart.WIDTH);
        XYSeries price = c.addSeries("Close", keep.stream().map(x::get).toList(), keep.stream().map(y::get).toList());
        price.setMarker(SeriesMarkers.NONE);
        price.setLineColor(PRICE);
        price.setLineWidth(1.2f);
        marks(c, "Buy", trades, asset, "BUY", BUY);
        marks(c, "Sell", trades, asset, "SELL", SELL);
        List<SignalNote> mine = signals.stream().filter(n -> n.asset().equals(asset) && !n.hour().isBefore(from) && !n.hour().isAfter(to))
                .sorted(java.util.Comparator.comparing(SignalNote::hour)).toList();
        if (!mine.isEmpty()) {
            return RollingCharts.stack(List.of(c, probability(asset, mine)), "the price chart of " + asset);
        }
        try {
            return BitmapEncoder.getBitmapBytes(c, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode the price chart of " + asset + " as PNG", e);
        }
    }

    private static XYChart probability(String asset, List<SignalNote> signals) {
        XYChart p = RollingCharts.chart(asset + ": META probability of the decision horizon, ENTER and EXIT signals", "META p",
                PROBABILITY_HEIGHT);
        p.getStyler().setYAxisMin(0.0).setYAxisMax(1.0).setYAxisDecimalPattern("0.00").setMarkerSize(8);
        RollingCharts.add(p, "META probability", signals.stream().map(n -> Date.from(n.hour())).toList(),
                signals.stream().mapToDouble(SignalNote::probability).toArray(), PROBABILITY);
        signalMarks(p, "ENTER", signals, BUY);
        signalMarks(p, "EXIT", signals, SELL);
        return p;
    }

    private static void signalMarks(XYChart c, String action, List<SignalNote> signals, Color color) {
        List<SignalNote> mine = signals.stream().filter(n -> n.action().equals(action)).toList();
        scatter(c, action, mine.stream().map(n -> Date.from(n.hour())).toList(), mine.stream().map(SignalNote::probability).toList(),
                "ENTER".equals(action), color);
    }

    private static void marks(XYChart c, String name, List<TradeRecord> trades, String asset, String side, Color color) {
        List<TradeRecord> mine = trades.stream().filter(t -> t.asset().equals(asset) && t.side().equals(side)).toList();
        scatter(c, name, mine.stream().map(t -> Date.from(t.time())).toList(), mine.stream().map(t -> t.price().doubleValue()).toList(),
                "BUY".equals(side), color);
    }

    /** Triangles up (entries) or down (exits); nothing when there is no point. */
    private static void scatter(XYChart c, String name, List<Date> x, List<Double> y, boolean up, Color color) {
        if (x.isEmpty()) {
            return;
        }
        XYSeries s = c.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(up ? SeriesMarkers.TRIANGLE_UP : SeriesMarkers.TRIANGLE_DOWN);
        s.setMarkerColor(color);
    }
}
