package io.tradingcore.adapter.ml;

import io.tradingcore.domain.CostModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Honest walk-forward evaluation, printed as markdown tables: per fold and pooled log loss and AUC of the tree, the
 * MLP and META against two baselines (a constant = the training positive rate, and a volatility-only logistic
 * regression: log rv24, log rv168, log range 1h, log range 24h, hour of day; no direction), with 95% block-bootstrap
 * confidence intervals (blocks of 7 days, all assets of a block together), and the net return after the cost
 * model's round trip of the DEPLOYED entry rule (META's learned edge &gt; 0) per horizon.
 *
 * <p>Usage: {@code MlEvaluation [dataDir] [fromIso] [toIso] [testDays] [featureSet halfLifeDays oodQuantile]
 * [compare]}; defaults: data/market (the bundled candles), 2022-01-01, 2026-01-01, 182 (first test window after 365
 * days: 6 folds of 182 days, BTC ETH SOL DOGE) and the production defaults of {@link TrainingConfig.Options#DEFAULT}.
 * With {@code compare} the legacy options (feature set 1, no weighting, no gate) run on the same rows too and the
 * paired differences are printed with block-bootstrap CIs. The out-of-distribution gate is evaluated as deployed:
 * fitted on each fold's training rows, it blocks the deployed rule's entries on test rows beyond its threshold.
 * A direction-aware target (forward return &gt; 0, no cost) is evaluated beside it: a tree with the production
 * hyper-parameters against the constant and the volatility-only baseline on that target. With {@code btc} every
 * asset's row gets BTC's context appended (returns, volatility, close vs EMA at the same hour; evaluation only, see
 * {@link Samples#withBtcContext()}), and {@code compare} then compares with the same options without it.
 */
public final class MlEvaluation {

    private MlEvaluation() {
    }

    public static void main(String[] argv) {
        List<String> flags = java.util.Arrays.stream(argv).filter(x -> x.equals("compare") || x.equals("btc")).toList();
        String[] args = java.util.Arrays.stream(argv).filter(x -> !flags.contains(x)).toArray(String[]::new);
        Path dir = Path.of(args.length > 0 ? args[0] : "data/market");
        Instant from = Instant.parse(args.length > 1 ? args[1] : "2022-01-01T00:00:00Z");
        Instant to = Instant.parse(args.length > 2 ? args[2] : "2026-01-01T00:00:00Z");
        int testDays = args.length > 3 ? Integer.parseInt(args[3]) : 182;
        SortedMap<String, List<Bar>> bars = new TreeMap<>();
        for (String a : List.of("BTC", "ETH", "SOL", "DOGE")) {
            Path gz = dir.resolve(a + "_USDT_1h.csv.gz");
            bars.put(a, CandleCsv.read(Files.exists(gz) ? gz : dir.resolve(a + "_USDT_1h.csv")));
        }
        TrainingConfig.Options options = args.length > 6 ? new TrainingConfig.Options(
                FeatureSet.of(Integer.parseInt(args[4])), Double.parseDouble(args[5]), Double.parseDouble(args[6]))
                : TrainingConfig.Options.DEFAULT;
        boolean btc = flags.contains("btc");
        CostModel costs = CostModel.defaults();
        TrainingConfig c = new TrainingConfig(42L, costs, Duration.ofHours(24), Duration.ofHours(24),
                Duration.ofDays(365), Duration.ofDays(testDays), null, 0.5, 500, TreeModel.Params.DEFAULT,
                DeepModel.Params.DEFAULT, RegimeModel.Params.DEFAULT, MetaModel.Params.DEFAULT, options);
        EvaluationReport report = run(bars, from, to, c, dir, testDays, btc);
        report.print();
        if (flags.contains("compare")) {
            // with btc: the same options without BTC's context; else the legacy options
            TrainingConfig other = btc ? c : c.with(TrainingConfig.Options.LEGACY);
            System.out.println(btc ? "## The same options without BTC's context, same rows"
                    : "## Legacy options on the same rows (feature set 1, no recency weighting, no gate)");
            System.out.println();
            report.compare(run(bars, from, to, other, dir, testDays, false));
        }
    }

    private static EvaluationReport run(SortedMap<String, List<Bar>> bars, Instant from, Instant to, TrainingConfig c, Path dir,
                              int testDays, boolean btc) {
        long t0 = System.nanoTime();
        Samples built = Samples.build(bars, from, to, c.cost(), c.options().features());
        Samples s = btc ? built.withBtcContext() : built;
        WalkForward.Result r = WalkForward.run(s, c, "eval");
        System.out.printf(Locale.ROOT, "data: %s, %d assets, %d asset-hours %s .. %s; walk-forward: first test after 365 "
                        + "days, %d-day test windows, purge and embargo 24 h, round trip %.4f; %d folds; options: "
                        + "feature set %d (%d columns%s), recency half-life %.0f days, OOD quantile %s; %d s%n%n",
                dir, bars.size(), s.size(), from, to, testDays, c.cost().roundTripFraction(), r.folds().size(),
                c.options().features().version(), s.names.size(), btc ? " with BTC's context" : "",
                c.options().recencyHalfLifeDays(), c.options().oodQuantile(), (System.nanoTime() - t0) / 1_000_000_000L);
        return new EvaluationReport(s, r, c);
    }
}
