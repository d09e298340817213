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

/** One asset's close price over the report's hours with its BUY (entries) and SELL (exits) fills marked; XChart. */
final class AssetChart {
    private static final int HEIGHT = 360;
    private static final Color PRICE = new Color(90, 90, 90);
    private static final Color BUY = new Color(44, 160, 44);
    private static final Color SELL = new Color(214, 39, 40);

    private AssetChart() {
    }

    static byte[] png(String asset, SortedMap<Instant, BigDecimal> closes, Instant from, Instant to, List<TradeRecord> trades) {
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
        try {
            return BitmapEncoder.getBitmapBytes(c, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode the price chart of " + asset + " as PNG", e);
        }
    }

    private static void marks(XYChart c, String name, List<TradeRecord> trades, String asset, String side, Color color) {
        List<Date> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (TradeRecord t : trades) {
            if (t.asset().equals(asset) && t.side().equals(side)) {
                x.add(Date.from(t.time()));
                y.add(t.price().doubleValue());
            }
        }
        if (x.isEmpty()) {
            return;
        }
        XYSeries s = c.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker("BUY".equals(side) ? SeriesMarkers.TRIANGLE_UP : SeriesMarkers.TRIANGLE_DOWN);
        s.setMarkerColor(color);
    }
}
