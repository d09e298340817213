package io.tradingcore.application.report;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The regime each asset's decision saw, hour by hour: one band per asset, one colour per regime, time left to right,
 * with a legend giving each regime's share of the asset-hours. Hours without a signal stay white.
 */
final class RegimeTimeline {
    private static final int WIDTH = EquityChart.WIDTH;
    private static final int LEFT = 110;
    private static final int RIGHT = 20;
    private static final int TOP = 40;
    private static final int BAND = 28;
    private static final int GAP = 8;
    private static final List<Color> PALETTE = List.of(new Color(148, 103, 189), new Color(140, 86, 75), new Color(227, 119, 194),
            new Color(23, 190, 207), new Color(188, 189, 34), new Color(31, 119, 180));

    private RegimeTimeline() {
    }

    /** Asset to (hour to regime); assets with no hour are left out. */
    static SortedMap<String, SortedMap<Instant, String>> regimes(List<SignalNote> signals) {
        SortedMap<String, SortedMap<Instant, String>> out = new TreeMap<>();
        for (SignalNote s : signals) {
            if (!s.regime().isEmpty()) {
                out.computeIfAbsent(s.asset(), a -> new TreeMap<>()).put(s.hour(), s.regime());
            }
        }
        return out;
    }

    /** The fixed colour of a regime the model names, otherwise the next palette colour in name order. */
    static SortedMap<String, Color> colours(SortedMap<String, SortedMap<Instant, String>> regimes) {
        SortedMap<String, Color> out = new TreeMap<>();
        regimes.values().forEach(m -> m.values().forEach(r -> out.put(r, null)));
        int next = 0;
        for (Map.Entry<String, Color> e : out.entrySet()) {
            Color c = switch (e.getKey()) {
                case "TRENDING_UP" -> new Color(44, 160, 44);
                case "TRENDING_DOWN" -> new Color(214, 39, 40);
                case "HIGH_VOL" -> new Color(255, 127, 14);
                case "RANGING" -> new Color(170, 170, 170);
                default -> PALETTE.get(next++ % PALETTE.size());
            };
            e.setValue(c);
        }
        return out;
    }

    static byte[] png(SortedMap<String, SortedMap<Instant, String>> regimes, Instant from, Instant to) {
        SortedMap<String, Color> colours = colours(regimes);
        int bands = Math.max(1, regimes.size());
        int legendY = TOP + bands * (BAND + GAP) + 24;
        BufferedImage image = new BufferedImage(WIDTH, legendY + 30, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = Images.canvas(image);
        long span = Math.max(1, to.getEpochSecond() - from.getEpochSecond());
        int plot = WIDTH - LEFT - RIGHT;
        try {
            g.setColor(Color.DARK_GRAY);
            g.setFont(Images.BOLD);
            g.drawString("Regime timeline (the regime each hour's decision saw)", 10, 22);
            g.setFont(Images.FONT);
            SortedMap<String, Integer> hours = new TreeMap<>();
            int b = 0;
            for (Map.Entry<String, SortedMap<Instant, String>> asset : regimes.entrySet()) {
                int y = TOP + b++ * (BAND + GAP);
                g.setColor(Color.DARK_GRAY);
                g.drawString(asset.getKey(), 10, y + BAND / 2 + 5);
                SortedMap<Instant, String> series = asset.getValue();
                series.values().forEach(r -> hours.merge(r, 1, Integer::sum));
                for (int px = 0; px < plot; px++) {
                    // the hour at this pixel column's centre: the last signal at or before it, if that is within the hour
                    Instant t = from.plusSeconds(Math.round((px + 0.5) * span / plot));
                    SortedMap<Instant, String> upTo = series.headMap(t.plusSeconds(1));
                    if (!upTo.isEmpty() && t.getEpochSecond() - upTo.lastKey().getEpochSecond() < 3600) {
                        g.setColor(colours.get(upTo.get(upTo.lastKey())));
                        g.fillRect(LEFT + px, y, 1, BAND);
                    }
                }
                g.setColor(Color.LIGHT_GRAY);
                g.drawRect(LEFT, y, plot, BAND);
            }
            g.setColor(Color.DARK_GRAY);
            int axisY = TOP + bands * (BAND + GAP) + 4;
            g.drawString(Fmt.time(from), LEFT, axisY + 8);
            String end = Fmt.time(to);
            g.drawString(end, WIDTH - RIGHT - g.getFontMetrics().stringWidth(end), axisY + 8);
            int total = hours.values().stream().mapToInt(Integer::intValue).sum();
            int x = LEFT;
            for (Map.Entry<String, Color> e : colours.entrySet()) {
                g.setColor(e.getValue());
                g.fillRect(x, legendY, 14, 14);
                g.setColor(Color.DARK_GRAY);
                String label = e.getKey() + " " + Fmt.pct((double) hours.getOrDefault(e.getKey(), 0) / Math.max(1, total));
                g.drawString(label, x + 20, legendY + 12);
                x += 20 + g.getFontMetrics().stringWidth(label) + 24;
            }
        } finally {
            g.dispose();
        }
        return Images.png(image, "the regime timeline");
    }
}
