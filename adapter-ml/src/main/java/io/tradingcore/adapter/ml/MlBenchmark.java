package io.tradingcore.adapter.ml;

import io.tradingcore.domain.CostModel;
import io.tradingcore.domain.AssetId;
import io.tradingcore.domain.Candle;
import io.tradingcore.domain.FeatureVector;
import io.tradingcore.domain.HourTs;
import io.tradingcore.domain.StackPrediction;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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
        Samples s = Samples.build(bars, from, to, CostModel.defaults(), TrainingConfig.Options.DEFAULT.features());
        long featured = System.nanoTime();
        System.out.printf(Locale.ROOT, "data: %d assets, %d rows (asset-hours) from %s to %s%n", bars.size(), s.size(),
                from, to);
        System.out.printf(Locale.ROOT, "load csv: %d ms, features+labels for all rows: %d ms (%.1f us/row, 2 threads)%n",
                ms(t0, loaded), ms(loaded, featured), (featured - loaded) / 1e3 / s.size());

        TrainingConfig c = new TrainingConfig(42L, CostModel.defaults(), Duration.ofHours(24), Duration.ofHours(24),
                Duration.ofDays(730), Duration.ofDays(182), null, 0.5, 500, TreeModel.Params.DEFAULT,
                DeepModel.Params.DEFAULT, RegimeModel.Params.DEFAULT, MetaModel.Params.DEFAULT, TrainingConfig.Options.DEFAULT);
        long w0 = System.nanoTime();
        long cpu0 = processCpuNanos();
        WalkForward.Result r = WalkForward.run(s, c, "bench");
        long w1 = System.nanoTime();
        long cpu1 = processCpuNanos();
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
        System.out.printf(Locale.ROOT, "%nwalk-forward total (all folds + final stack): %d ms wall, %d ms process CPU; "
                + "final stack alone: %d ms wall%n", ms(w0, w1), (cpu1 - cpu0) / 1_000_000, r.finalTrainMillis());
        System.out.printf(Locale.ROOT, "load average during the run (other processes share these 2 cores): %.2f%n",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf(Locale.ROOT, "end-to-end incl. csv load and features: %d ms%n", ms(t0, w1));

        inference(bars, r, to);
    }

    /** Whole stack through the ports: domain candles -> FeatureEngine -> ModelStack (regime, base, meta). */
    private static void inference(SortedMap<String, List<Bar>> bars, WalkForward.Result trained, Instant to) {
        MlFeatureEngine engine = new MlFeatureEngine(TrainingConfig.Options.DEFAULT.features());
        MlModelStack stack = MlModelTrainer.modelStack(trained.stack(), trained.models());
        List<List<Candle>> windows = new ArrayList<>();
        List<HourTs> hours = new ArrayList<>();
        List<AssetId> ids = new ArrayList<>();
        int assetNo = 0;
        for (List<Bar> series : bars.values()) {
            AssetId id = AssetId.of(++assetNo);
            int end = series.size();
            while (end > 0 && !series.get(end - 1).openTime().isBefore(to)) {
                end--;
            }
            List<Candle> candles = new ArrayList<>();
            for (Bar b : series.subList(end - 2000 - Features.LOOKBACK, end)) {
                candles.add(new Candle(id, HourTs.of(b.openTime()), dec(b.open()), dec(b.high()), dec(b.low()),
                        dec(b.close()), dec(b.volume())));
            }
            for (int i = Features.LOOKBACK; i < candles.size(); i++) {
                windows.add(candles.subList(i - Features.LOOKBACK, i));
                hours.add(candles.get(i).openTime());
                ids.add(id);
            }
        }
        int n = windows.size();
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        double sink = 0;
        for (int round = 0; round < 4; round++) { // two warm-up rounds, then two measured ones
            long a = System.nanoTime();
            long cpuA = threads.getCurrentThreadCpuTime();
            long featNanos = 0;
            for (int i = 0; i < n; i++) {
                long f0 = System.nanoTime();
                FeatureVector v = engine.compute(ids.get(i), hours.get(i), windows.get(i), Optional.empty());
                featNanos += System.nanoTime() - f0;
                StackPrediction p = stack.predict(v);
                sink += p.meta().get(0).probability();
            }
            long b = System.nanoTime();
            long cpuB = threads.getCurrentThreadCpuTime();
            if (round > 1) {
                System.out.printf(Locale.ROOT, "inference round %d: %d asset-hours, %.1f us wall per asset-hour "
                                + "(features %.1f us + regime/base/meta %.1f us), %.1f us CPU per asset-hour%n",
                        round - 1, n, (b - a) / 1e3 / n, featNanos / 1e3 / n, (b - a - featNanos) / 1e3 / n,
                        (cpuB - cpuA) / 1e3 / n);
            }
        }
        System.out.println("(checksum " + (sink > 0) + ")");
    }

    private static BigDecimal dec(double v) {
        return BigDecimal.valueOf(v).setScale(18, RoundingMode.HALF_EVEN);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
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
