package io.tradingcore.application.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A deterministic synthetic run for writer tests and for looking at the chart: two random-walk assets over
 * {@code days}, a strategy that holds half its equity in the first asset on alternate two-day blocks.
 */
final class SyntheticRun {

    private SyntheticRun() {
    }

    static ReportInput input(int days, long seed) {
        Random rnd = new Random(seed);
        int hours = days * 24;
        Instant t0 = Instant.parse("2024-03-01T00:00:00Z");
        TreeMap<Instant, BigDecimal> btc = new TreeMap<>();
        TreeMap<Instant, BigDecimal> eth = new TreeMap<>();
        double pb = 60000;
        double pe = 3200;
        BigDecimal cap = new BigDecimal("10000");
        double equity = cap.doubleValue();
        double peak = equity;
        double qty = 0;
        double entry = 0;
        List<EquityPoint> curve = new ArrayList<>();
        List<TradeRecord> trades = new ArrayList<>();
        for (int i = 1; i <= hours; i++) {
            Instant h = t0.plusSeconds(3600L * i);
            double prev = pb;
            pb *= 1 + rnd.nextGaussian() * 0.006 + 0.00005;
            pe *= 1 + rnd.nextGaussian() * 0.008 + 0.00003;
            btc.put(h, bd(pb));
            eth.put(h, bd(pe));
            equity += qty * (pb - prev);
            boolean invest = (i / 48) % 2 == 0;
            if (invest && qty == 0) {
                qty = equity * 0.5 / pb;
                entry = pb;
                double fee = qty * pb * 0.001;
                equity -= fee;
                trades.add(new TradeRecord(h, "BTC/USDT", "BUY", bd(qty), bd(pb), bd(fee), null));
            } else if (!invest && qty > 0) {
                double fee = qty * pb * 0.001;
                equity -= fee;
                trades.add(new TradeRecord(h, "BTC/USDT", "SELL", bd(qty), bd(pb), bd(fee), bd(qty * (pb - entry) - fee)));
                qty = 0;
            }
            peak = Math.max(peak, equity);
            double dd = 1 - equity / peak;
            String tier = dd >= 0.2 ? "HALT20" : dd >= 0.15 ? "DD15" : dd >= 0.10 ? "DD10" : "NORMAL";
            curve.add(new EquityPoint(h, bd(equity), bd(equity - qty * pb), bd(qty * pb), tier));
        }
        SortedMap<String, SortedMap<Instant, BigDecimal>> closes = new TreeMap<>();
        closes.put("BTC/USDT", btc);
        closes.put("ETH/USDT", eth);
        List<FoldWindow> folds = new ArrayList<>();
        int foldHours = hours / 3;
        for (int f = 0; f < 3; f++) {
            folds.add(new FoldWindow(f + 1, t0.plusSeconds(3600L * (1 + f * foldHours)),
                    t0.plusSeconds(3600L * (1 + (f + 1) * foldHours))));
        }
        return new ReportInput("Synthetic backtest <BTC/USDT & ETH/USDT>", cap, curve, trades, folds, closes);
    }

    private static BigDecimal bd(double x) {
        return BigDecimal.valueOf(x).setScale(18, RoundingMode.HALF_EVEN);
    }
}
