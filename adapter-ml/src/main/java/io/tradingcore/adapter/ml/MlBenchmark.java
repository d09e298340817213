package io.tradingcore.adapter.ml;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Prints walk-forward training time per fold for every role and horizon, and inference microseconds per
 * asset-hour for the whole stack (features + regime + base + meta), on 4 years x 5 assets of real candles.
 *
 * <p>Usage: {@code MlBenchmark [dataDir] [fromIso] [toIso]}; defaults: /work/shared/data, 2022-07-01, 2026-07-01.
 * The four full Binance files are used as they are; the fifth asset is the ETH/BTC cross computed candle by candle
 * from the two real files (SHIB covers only 2021-05..2023-12).
 */
public final class MlBenchmark {

    private MlBenchmark() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args.length > 0 ? args[0] : "/work/shared/data");
        Instant from = Instant.parse(args.length > 1 ? args[1] : "2022-07-01T00:00:00Z");
        Instant to = Instant.parse(args.length > 2 ? args[2] : "2026-07-01T00:00:00Z");
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("data directory not found: " + dir);
        }
        long t0 = System.nanoTime();
        SortedMap<String, List<Bar>> bars = new TreeMap<>();
        for (String a : List.of("BTC", "ETH", "SOL", "DOGE")) {
            bars.put(a, CandleCsv.read(dir.resolve(a + "_USDT_1h.csv")));
        }
        bars.put("ETHBTC", cross(bars.get("ETH"), bars.get("BTC")));
        long loaded = System.nanoTime();
        Samples s = Samples.build(bars, from, to, LabelCost.DEFAULT);
        long featured = System.nanoTime();
        System.out.printf(Locale.ROOT, "data: %d assets, %d rows (asset-hours) from %s to %s%n", bars.size(), s.size(),
                from, to);
        System.out.printf(Locale.ROOT, "load csv: %d ms, features+labels for all rows: %d ms (%.1f us/row, 2 threads)%n",
                ms(t0, loaded), ms(loaded, featured), (featured - loaded) / 1e3 / s.size());

        TrainingConfig c = new TrainingConfig(42L, LabelCost.DEFAULT, Duration.ofHours(24), Duration.ofHours(24),
                Duration.ofDays(730), Duration.ofDays(182), null, 0.5, 500, TreeModel.Params.DEFAULT,
                DeepModel.Params.DEFAULT, RegimeModel.Params.DEFAULT, MetaModel.Params.DEFAULT);
        long w0 = System.nanoTime();
        WalkForward.Result r = WalkForward.run(s, c, "bench");
        long w1 = System.nanoTime();
        System.out.println();
        System.out.println("fold | test window | role | horizon | train rows | train ms | log loss | baseline | AUC | acc | enters | hit | mean net ret");
        for (FoldResult f : r.folds()) {
            System.out.printf(Locale.ROOT, "%d | %s..%s | REGIME | - | - | %d | | | | | | |%n", f.fold(),
                    f.testFrom().toString().substring(0, 10), f.testTo().toString().substring(0, 10),
                    f.regimeTrainMillis());
            for (FoldResult.Row row : f.rows()) {
                System.out.printf(Locale.ROOT, "%d | %s..%s | %s | %s | %d | %d | %.4f | %.4f | %.3f | %.3f | %d | %.3f | %.5f%n",
                        f.fold(), f.testFrom().toString().substring(0, 10), f.testTo().toString().substring(0, 10),
                        row.role(), row.horizon(), row.trainRows(), row.trainMillis(), row.logLoss(),
                        row.baselineLogLoss(), row.auc(), row.accuracy(), row.enterCount(), row.hitRate(),
                        row.meanNetReturn());
            }
        }
        System.out.printf(Locale.ROOT, "%nwalk-forward total (all folds + final stack): %d ms; final stack alone: %d ms%n",
                ms(w0, w1), r.finalTrainMillis());
        System.out.printf(Locale.ROOT, "end-to-end incl. csv load and features: %d ms%n", ms(t0, w1));

        inference(bars, r.stack(), to);
    }

    private static void inference(SortedMap<String, List<Bar>> bars, Stack stack, Instant to) {
        List<List<Bar>> prefixes = new ArrayList<>();
        List<Instant> hours = new ArrayList<>();
        for (List<Bar> series : bars.values()) {
            int end = series.size();
            while (end > 0 && !series.get(end - 1).openTime().isBefore(to)) {
                end--;
            }
            for (int i = end - 2000; i < end; i++) {
                prefixes.add(series.subList(i - Features.LOOKBACK, i));
                hours.add(series.get(i).openTime());
            }
        }
        int n = prefixes.size();
        double sink = 0;
        for (int round = 0; round < 3; round++) { // warm-up, then two measured rounds
            long a = System.nanoTime();
            long featNanos = 0;
            for (int i = 0; i < n; i++) {
                long f0 = System.nanoTime();
                double[] x = Features.compute(prefixes.get(i), hours.get(i), OptionalDouble.of(1.0)).values();
                featNanos += System.nanoTime() - f0;
                Stack.Output o = stack.predict(x);
                sink += o.meta()[0].probability();
            }
            long b = System.nanoTime();
            if (round > 0) {
                System.out.printf(Locale.ROOT,
                        "inference round %d: %d asset-hours, %.1f us per asset-hour (features %.1f us + models %.1f us)%n",
                        round, n, (b - a) / 1e3 / n, featNanos / 1e3 / n, (b - a - featNanos) / 1e3 / n);
            }
        }
        System.out.println("(checksum " + (sink > 0) + ")");
    }

    /** ETH/BTC candles where both exist; high/low widened to contain open and close. */
    static List<Bar> cross(List<Bar> num, List<Bar> den) {
        List<Bar> out = new ArrayList<>(num.size());
        int j = 0;
        for (Bar a : num) {
            while (j < den.size() && den.get(j).openTime().isBefore(a.openTime())) {
                j++;
            }
            if (j < den.size() && den.get(j).openTime().equals(a.openTime())) {
                Bar b = den.get(j);
                double o = a.open() / b.open();
                double c = a.close() / b.close();
                double h = Math.max(Math.max(o, c), a.high() / b.high());
                double l = Math.min(Math.min(o, c), a.low() / b.low());
                out.add(new Bar(a.openTime(), o, h, l, c, a.volume()));
            }
        }
        return out;
    }

    private static long ms(long a, long b) {
        return (b - a) / 1_000_000;
    }
}
