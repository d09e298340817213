package io.tradingcore.application.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The benchmark: the initial capital split equally across the assets at the first hour's price, held
 * unchanged to the end, no fees. Marked at each hour of the strategy's curve so both are compared hour by hour.
 */
public final class BuyAndHold {

    /** The benchmark's hourly curve and its entry buys (one per asset, at the first hour). */
    public record Run(List<EquityPoint> curve, List<TradeRecord> trades) {
        public Run {
            curve = List.copyOf(curve);
            trades = List.copyOf(trades);
        }
    }

    private BuyAndHold() {
    }

    /**
     * @param initialCapital capital to split, positive
     * @param closePrices    asset to (hour to close price); an hour without a price for an asset carries the
     *                       asset's previous price forward
     * @param hours          the hours to mark at, strictly increasing, at least one; the first is the entry hour
     * @throws IllegalArgumentException when an asset has no price at or before the entry hour, or a price is
     *                                  not positive
     */
    public static Run simulate(BigDecimal initialCapital, SortedMap<String, SortedMap<Instant, BigDecimal>> closePrices,
                               List<Instant> hours) {
        if (hours.isEmpty() || closePrices.isEmpty()) {
            throw new IllegalArgumentException("buy-and-hold needs at least one hour and one asset");
        }
        Instant entry = hours.get(0);
        BigDecimal perAsset = initialCapital.divide(BigDecimal.valueOf(closePrices.size()), MetricsCalculator.SCALE,
                RoundingMode.DOWN);
        Map<String, TreeMap<Instant, BigDecimal>> prices = new TreeMap<>();
        Map<String, BigDecimal> quantities = new TreeMap<>();
        List<TradeRecord> buys = new ArrayList<>();
        BigDecimal cash = initialCapital;
        for (Map.Entry<String, SortedMap<Instant, BigDecimal>> e : closePrices.entrySet()) {
            String asset = e.getKey();
            TreeMap<Instant, BigDecimal> series = new TreeMap<>(e.getValue());
            series.forEach((h, p) -> {
                if (p == null || p.signum() <= 0) {
                    throw new IllegalArgumentException("close price of " + asset + " at " + h + " is not positive: " + p);
                }
            });
            prices.put(asset, series);
            BigDecimal price = priceAt(asset, series, entry);
            // rounded down so the buys never spend more than the capital; the dust stays as cash
            BigDecimal qty = perAsset.divide(price, MetricsCalculator.SCALE, RoundingMode.DOWN);
            quantities.put(asset, qty);
            cash = cash.subtract(qty.multiply(price));
            buys.add(new TradeRecord(entry, asset, "BUY", qty, price, BigDecimal.ZERO, null));
        }

        List<BigDecimal> equity = new ArrayList<>();
        List<BigDecimal> exposure = new ArrayList<>();
        for (Instant h : hours) {
            BigDecimal held = BigDecimal.ZERO;
            for (Map.Entry<String, BigDecimal> q : quantities.entrySet()) {
                held = held.add(q.getValue().multiply(priceAt(q.getKey(), prices.get(q.getKey()), h)));
            }
            exposure.add(held.setScale(MetricsCalculator.SCALE, RoundingMode.HALF_EVEN));
            equity.add(cash.add(held).setScale(MetricsCalculator.SCALE, RoundingMode.HALF_EVEN));
        }

        List<EquityPoint> curve = new ArrayList<>();
        BigDecimal peak = initialCapital;
        for (int i = 0; i < hours.size(); i++) {
            BigDecimal e = equity.get(i);
            peak = peak.max(e);
            double fall = peak.subtract(e).divide(peak, MetricsCalculator.MC).doubleValue();
            curve.add(new EquityPoint(hours.get(i), e, cash.setScale(MetricsCalculator.SCALE, RoundingMode.HALF_EVEN),
                    exposure.get(i), hypotheticalTier(fall)));
        }
        return new Run(curve, buys);
    }

    /**
     * The tier the benchmark would be in by its own drawdown from its running peak, so that time-in-tier can
     * be compared; thresholds 10%, 15%, 20% as in the tier names.
     */
    static String hypotheticalTier(double drawdown) {
        if (drawdown >= 0.20) {
            return "HALT20";
        }
        if (drawdown >= 0.15) {
            return "DD15";
        }
        return drawdown >= 0.10 ? "DD10" : "NORMAL";
    }

    private static BigDecimal priceAt(String asset, TreeMap<Instant, BigDecimal> series, Instant hour) {
        Map.Entry<Instant, BigDecimal> e = series.floorEntry(hour);
        if (e == null) {
            throw new IllegalArgumentException("no close price for " + asset + " at or before " + hour);
        }
        return e.getValue();
    }
}
