package io.tradingcore.adapter.ml;

import io.tradingcore.domain.Horizon;
import io.tradingcore.domain.CostModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;
import java.util.SortedMap;
import java.util.stream.IntStream;

/**
 * Training rows: one per (asset, decision hour H) with features from the candles closed by H and, per horizon, the
 * forward return from the open of candle H to the open of candle H+h and its label (return beats the round-trip
 * cost). Rows are ordered by (hour, asset) so that every time split is a contiguous range.
 */
final class Samples {

    final List<String> assets;
    final int[] asset;
    final long[] hour; // epoch seconds of the decision hour
    final double[][] x;
    /** [horizon.ordinal][row]; NaN when candle H+h is missing (outage or end of data). */
    final double[][] forwardReturn;
    /** [horizon.ordinal][row]; -1 when the forward return is unknown. */
    final byte[][] label;
    final CostModel cost;
    final FeatureSet features;
    /** Column names of {@link #x}: the feature set's, unless an evaluation appended columns. */
    final List<String> names;

    private Samples(List<String> assets, int[] asset, long[] hour, double[][] x, double[][] forwardReturn,
                    byte[][] label, CostModel cost, FeatureSet features) {
        this.assets = assets;
        this.asset = asset;
        this.hour = hour;
        this.x = x;
        this.forwardReturn = forwardReturn;
        this.label = label;
        this.cost = cost;
        this.features = features;
        this.names = features.names();
    }

    private Samples(Samples s, List<String> names, double[][] x) {
        this.assets = s.assets;
        this.asset = s.asset;
        this.hour = s.hour;
        this.x = x;
        this.forwardReturn = s.forwardReturn;
        this.label = s.label;
        this.cost = s.cost;
        this.features = s.features;
        this.names = List.copyOf(names);
    }

    /**
     * Evaluation only (MlEvaluation): these rows with BTC's context appended to every asset's row, BTC's own values
     * at the same decision hour (from BTC's candles closed by that hour, so no lookahead): its 1 h, 4 h and 24 h
     * returns, 24 h volatility and close vs EMA(24); 0 where BTC has no row at that hour. The result's stack cannot
     * serve the FeatureEngine port, which computes one asset from its own candles.
     */
    Samples withBtcContext() {
        int btc = assets.indexOf("BTC");
        if (btc < 0) {
            throw new IllegalArgumentException("no BTC among " + assets);
        }
        int[] from = {0, 1, 3, 6, 16};
        List<String> extra = List.of("f28_btc_ret_1h", "f29_btc_ret_4h", "f30_btc_ret_24h", "f31_btc_rv_24h",
                "f32_btc_close_vs_ema_24");
        java.util.Map<Long, Integer> btcRow = new java.util.HashMap<>();
        for (int r = 0; r < size(); r++) {
            if (asset[r] == btc) {
                btcRow.put(hour[r], r);
            }
        }
        double[][] wide = new double[size()][];
        for (int r = 0; r < size(); r++) {
            wide[r] = Arrays.copyOf(x[r], x[r].length + from.length);
            Integer b = btcRow.get(hour[r]);
            for (int j = 0; j < from.length; j++) {
                wide[r][x[r].length + j] = b == null ? 0.0 : x[b][from[j]];
            }
        }
        List<String> all = new ArrayList<>(names);
        all.addAll(extra);
        return new Samples(this, all, wide);
    }

    int size() {
        return hour.length;
    }

    /**
     * Builds rows for decision hours in [from, to) of every asset (the lookback may reach before {@code from}).
     * Assets are processed in parallel but each writes only its own rows, so the result does not depend on scheduling.
     */
    static Samples build(SortedMap<String, List<Bar>> barsByAsset, Instant from, Instant to, CostModel cost) {
        return build(barsByAsset, from, to, cost, FeatureSet.V1);
    }

    /** As {@link #build(SortedMap, Instant, Instant, CostModel)} with the given feature set. */
    static Samples build(SortedMap<String, List<Bar>> barsByAsset, Instant from, Instant to, CostModel cost,
                         FeatureSet features) {
        List<String> assets = List.copyOf(barsByAsset.keySet());
        List<List<Bar>> series = new ArrayList<>(barsByAsset.values());
        PerAsset[] parts = new PerAsset[assets.size()];
        IntStream.range(0, assets.size()).parallel()
                .forEach(a -> parts[a] = perAsset(a, series.get(a), from, to, cost, features));
        int total = Arrays.stream(parts).mapToInt(p -> p.hour.length).sum();
        Integer[] order = new Integer[total];
        int[] assetOf = new int[total];
        int[] localOf = new int[total];
        int k = 0;
        for (PerAsset p : parts) {
            for (int i = 0; i < p.hour.length; i++) {
                order[k] = k;
                assetOf[k] = p.asset;
                localOf[k] = i;
                k++;
            }
        }
        Arrays.sort(order, Comparator.<Integer>comparingLong(r -> parts[assetOf[r]].hour[localOf[r]])
                .thenComparingInt(r -> assetOf[r]));
        int horizons = Horizon.values().length;
        int[] asset = new int[total];
        long[] hour = new long[total];
        double[][] x = new double[total][];
        double[][] fwd = new double[horizons][total];
        byte[][] label = new byte[horizons][total];
        for (int i = 0; i < total; i++) {
            int r = order[i];
            PerAsset p = parts[assetOf[r]];
            int j = localOf[r];
            asset[i] = p.asset;
            hour[i] = p.hour[j];
            x[i] = p.x[j];
            for (int h = 0; h < horizons; h++) {
                fwd[h][i] = p.fwd[h][j];
                label[h][i] = p.label[h][j];
            }
        }
        return new Samples(assets, asset, hour, x, fwd, label, cost, features);
    }

    private record PerAsset(int asset, long[] hour, double[][] x, double[][] fwd, byte[][] label) {
    }

    private static PerAsset perAsset(int assetIndex, List<Bar> bars, Instant from, Instant to, CostModel cost,
                                     FeatureSet features) {
        int horizons = Horizon.values().length;
        List<long[]> hours = new ArrayList<>();
        List<double[]> xs = new ArrayList<>();
        List<double[]> fwds = new ArrayList<>();
        long[] openTimes = bars.stream().mapToLong(b -> b.openTime().getEpochSecond()).toArray();
        double threshold = cost.roundTripFraction();
        for (int i = Features.LOOKBACK; i < bars.size(); i++) {
            Instant decision = bars.get(i).openTime();
            if (decision.isBefore(from) || !decision.isBefore(to)) {
                continue;
            }
            // only candles that closed by H: indices < i
            Features.Row row = Features.compute(bars.subList(0, i), decision, OptionalDouble.empty(), features);
            double entry = bars.get(i).open();
            double[] f = new double[horizons];
            for (Horizon hz : Horizon.values()) {
                long exitTime = openTimes[i] + hz.hours() * 3600L;
                int j = Arrays.binarySearch(openTimes, i, Math.min(openTimes.length, i + hz.hours() + 1), exitTime);
                f[hz.ordinal()] = j >= 0 ? bars.get(j).open() / entry - 1.0 : Double.NaN;
            }
            hours.add(new long[] {decision.getEpochSecond()});
            xs.add(row.values());
            fwds.add(f);
        }
        int n = hours.size();
        long[] hour = new long[n];
        double[][] x = new double[n][];
        double[][] fwd = new double[horizons][n];
        byte[][] label = new byte[horizons][n];
        for (int i = 0; i < n; i++) {
            hour[i] = hours.get(i)[0];
            x[i] = xs.get(i);
            for (int h = 0; h < horizons; h++) {
                double r = fwds.get(i)[h];
                fwd[h][i] = r;
                label[h][i] = Double.isNaN(r) ? (byte) -1 : (r > threshold ? (byte) 1 : (byte) 0);
            }
        }
        return new PerAsset(assetIndex, hour, x, fwd, label);
    }

    /** The rows among {@code rows} whose label for the horizon is known. */
    int[] labelled(Horizon h, int[] rows) {
        return Arrays.stream(rows).filter(r -> label[h.ordinal()][r] >= 0).toArray();
    }

    /** First row index whose hour is >= epochSecond (rows are sorted by hour). */
    int firstRowAtOrAfter(long epochSecond) {
        int lo = 0;
        int hi = hour.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (hour[mid] < epochSecond) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    static int[] range(int fromInclusive, int toExclusive) {
        return IntStream.range(fromInclusive, Math.max(fromInclusive, toExclusive)).toArray();
    }
}
