package io.tradingcore.adapter.ml;

import io.tradingcore.domain.Horizon;
import io.tradingcore.domain.CostModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

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

    private static final int BOOTSTRAP = 200;
    private static final long BLOCK_SECONDS = 7 * 86_400L;
    private static final String[] MODELS = {"constant", "vol-logistic", "tree", "mlp", "META"};

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
        Report report = run(bars, from, to, c, dir, testDays, btc);
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

    private static Report run(SortedMap<String, List<Bar>> bars, Instant from, Instant to, TrainingConfig c, Path dir,
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
        return new Report(s, r, c);
    }

    /** All figures of one walk-forward run. */
    static final class Report {
        private final Samples s;
        private final WalkForward.Result r;
        private final double roundTrip;
        private final TrainingConfig config;
        /** [model][horizon][row] held-out probability; NaN where the model did not score the row. */
        private final double[][][] p;
        /** Per row: the fold's OOD gate ratio (distance / threshold; NaN: no gate or not scored). */
        private final double[] ood;
        /** Direction-aware target (forward return &gt; 0): [horizon][row] label and constant / vol / tree p. */
        private final byte[][] up;
        private final double[][][] pUp;

        Report(Samples s, WalkForward.Result r, TrainingConfig config) {
            this.s = s;
            this.r = r;
            this.config = config;
            this.roundTrip = config.cost().roundTripFraction();
            this.ood = nan(s.size());
            int horizons = Horizon.values().length;
            this.up = new byte[horizons][s.size()];
            this.pUp = new double[3][horizons][];
            for (Horizon h : Horizon.values()) {
                for (int row = 0; row < s.size(); row++) {
                    double f = s.forwardReturn[h.ordinal()][row];
                    up[h.ordinal()][row] = Double.isNaN(f) ? (byte) -1 : (f > 0 ? (byte) 1 : (byte) 0);
                }
                for (int m = 0; m < 3; m++) {
                    pUp[m][h.ordinal()] = nan(s.size());
                }
            }
            int hz = Horizon.values().length;
            p = new double[MODELS.length][hz][];
            WalkForward.OutOfFold o = r.outOfFold();
            for (Horizon h : Horizon.values()) {
                int hi = h.ordinal();
                p[0][hi] = nan(s.size());
                p[1][hi] = nan(s.size());
                p[2][hi] = o.tree()[hi];
                p[3][hi] = o.deep()[hi];
                p[4][hi] = o.metaP()[hi];
                for (FoldResult f : r.folds()) {
                    baselines(f, h, s.label[hi], p[0][hi], p[1][hi]);
                    direction(f, h);
                }
            }
            if (config.options().oodQuantile() > 0) {
                for (FoldResult f : r.folds()) {
                    int[] train = Samples.range(s.firstRowAtOrAfter(f.trainFrom().getEpochSecond()),
                            s.firstRowAtOrAfter(f.trainTo().getEpochSecond()));
                    OodGate gate = OodGate.fit(s.x, train, config.options().oodQuantile());
                    int[] fo = r.outOfFold().fold();
                    for (int row = 0; row < s.size(); row++) {
                        if (fo[row] == f.fold()) {
                            ood[row] = gate.ratio(s.x[row]);
                        }
                    }
                }
            }
        }

        /** The direction-aware target on the fold: constant, vol-logistic and a production-parameter tree. */
        private void direction(FoldResult f, Horizon h) {
            int hi = h.ordinal();
            baselines(f, h, up[hi], pUp[0][hi], pUp[1][hi]);
            int[] train = labelledUp(h, Samples.range(s.firstRowAtOrAfter(f.trainFrom().getEpochSecond()),
                    s.firstRowAtOrAfter(f.trainTo().getEpochSecond())));
            int[] test = labelledUp(h, testRows(f.fold(), h));
            if (train.length == 0 || test.length == 0) {
                return;
            }
            TreeModel tree = TreeModel.train(s.names, s.x, up[hi], train,
                    config.options().weights(s.hour, train), config.tree(), config.seed());
            for (int row : test) {
                pUp[2][hi][row] = tree.probability(s.x[row]);
            }
        }

        /** Rows the folds' META scored that have a direction label and a direction-tree probability. */
        private int[] directionRows(Horizon h) {
            return Arrays.stream(labelledUp(h, scored(4, h, s.labelled(h, Samples.range(0, s.size())))))
                    .filter(x -> !Double.isNaN(pUp[2][h.ordinal()][x])).toArray();
        }

        private int[] labelledUp(Horizon h, int[] rows) {
            return Arrays.stream(rows).filter(x -> up[h.ordinal()][x] >= 0).toArray();
        }

        private static double[] nan(int n) {
            double[] v = new double[n];
            Arrays.fill(v, Double.NaN);
            return v;
        }

        static double[] volInputs(double[] x) {
            return VolBaseline.inputs(x);
        }

        /**
         * Constant and volatility-only logistic for {@code label}, trained on the fold's training rows, scored on its
         * test rows into {@code constant} and {@code vol}.
         */
        private void baselines(FoldResult f, Horizon h, byte[] label, double[] constant, double[] vol) {
            int[] train = Arrays.stream(Samples.range(s.firstRowAtOrAfter(f.trainFrom().getEpochSecond()),
                    s.firstRowAtOrAfter(f.trainTo().getEpochSecond()))).filter(x -> label[x] >= 0).toArray();
            int[] test = Arrays.stream(testRows(f.fold(), h)).filter(x -> label[x] >= 0).toArray();
            if (train.length == 0 || test.length == 0) {
                return;
            }
            double rate = Arrays.stream(train).filter(x -> label[x] > 0).count() / (double) train.length;
            double[][] v = new double[s.size()][];
            double[] mean = new double[6];
            double[] sd = new double[6];
            for (int row : train) {
                v[row] = volInputs(s.x[row]);
                for (int j = 0; j < 6; j++) {
                    mean[j] += v[row][j] / train.length;
                }
            }
            for (int row : train) {
                for (int j = 0; j < 6; j++) {
                    sd[j] += (v[row][j] - mean[j]) * (v[row][j] - mean[j]) / train.length;
                }
            }
            for (int j = 0; j < 6; j++) {
                sd[j] = Math.sqrt(sd[j]) > 1e-12 ? Math.sqrt(sd[j]) : 1.0;
            }
            for (int row : train) {
                standardise(v[row], mean, sd);
            }
            Logistic.Fit fit = Logistic.fit(v, label, train, 1e-4);
            for (int row : test) {
                constant[row] = rate;
                double[] z = volInputs(s.x[row]);
                standardise(z, mean, sd);
                vol[row] = fit.probability(z);
            }
        }

        private static void standardise(double[] v, double[] mean, double[] sd) {
            for (int j = 0; j < v.length; j++) {
                v[j] = (v[j] - mean[j]) / sd[j];
            }
        }

        private int[] testRows(int fold, Horizon h) {
            int[] fo = r.outOfFold().fold();
            return s.labelled(h, java.util.stream.IntStream.range(0, s.size()).filter(x -> fo[x] == fold).toArray());
        }

        void print() {
            System.out.println("### Per fold: held-out log loss (AUC)");
            System.out.println();
            for (Horizon h : Horizon.values()) {
                System.out.println("| " + h + " fold | test window | rows | " + String.join(" | ", MODELS) + " |");
                System.out.println("|---|---|---|" + "---|".repeat(MODELS.length));
                for (FoldResult f : r.folds()) {
                    int[] rows = testRows(f.fold(), h);
                    StringBuilder b = new StringBuilder();
                    b.append(String.format(Locale.ROOT, "| %d | %s..%s | %,d |", f.fold(), day(f.testFrom()),
                            day(f.testTo()), rows.length));
                    for (int m = 0; m < MODELS.length; m++) {
                        int[] scored = scored(m, h, rows);
                        b.append(scored.length == 0 ? " - |" : String.format(Locale.ROOT, " %.4f (%.3f) |",
                                logLoss(m, h, scored), auc(m, h, scored)));
                    }
                    System.out.println(b);
                }
                System.out.println();
            }
            pooled();
            calibration();
            deployed();
            direction();
        }

        /** The direction-aware target (forward return &gt; 0), pooled over the folds with a META, with CIs. */
        private void direction() {
            String[] names = {"constant", "vol-logistic", "tree"};
            System.out.println("### Direction-aware target (forward return > 0, no cost): pooled, 95% block-bootstrap CI");
            System.out.println();
            System.out.println("| horizon | model | rows | positive share | log loss [95% CI] | minus constant [95% CI] | "
                    + "minus vol-logistic [95% CI] | AUC [95% CI] |");
            System.out.println("|---|---|---|---|---|---|---|---|");
            for (Horizon h : Horizon.values()) {
                int hi = h.ordinal();
                int[] rows = directionRows(h);
                if (rows.length == 0) {
                    continue;
                }
                double share = Arrays.stream(rows).filter(x -> up[hi][x] > 0).count() / (double) rows.length;
                int[][] reps = bootstrap(rows);
                for (int m = 0; m < names.length; m++) {
                    double[] q = pUp[m][hi];
                    double[] ll = ci(rows, reps, x -> Metrics.logLoss(pick(q, x), pick(up[hi], x)));
                    double[] dc = ci(rows, reps, x -> Metrics.logLoss(pick(q, x), pick(up[hi], x))
                            - Metrics.logLoss(pick(pUp[0][hi], x), pick(up[hi], x)));
                    double[] dv = ci(rows, reps, x -> Metrics.logLoss(pick(q, x), pick(up[hi], x))
                            - Metrics.logLoss(pick(pUp[1][hi], x), pick(up[hi], x)));
                    double[] au = ci(rows, reps, x -> Metrics.auc(pick(q, x), pick(up[hi], x)));
                    System.out.printf(Locale.ROOT, "| %s | %s | %,d | %.3f | %.4f [%.4f, %.4f] | %+.4f [%+.4f, %+.4f] | "
                                    + "%+.4f [%+.4f, %+.4f] | %.3f [%.3f, %.3f] |%n", h, names[m], rows.length, share,
                            ll[0], ll[1], ll[2], dc[0], dc[1], dc[2], dv[0], dv[1], dv[2], au[0], au[1], au[2]);
                }
            }
            System.out.println();
        }

        private static double[] pick(double[] v, int[] rows) {
            double[] out = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                out[i] = v[rows[i]];
            }
            return out;
        }

        private static byte[] pick(byte[] v, int[] rows) {
            byte[] out = new byte[rows.length];
            for (int i = 0; i < rows.length; i++) {
                out[i] = v[rows[i]];
            }
            return out;
        }

        /**
         * Pooled held-out log loss of model {@code m} (index in {@link #MODELS}) on the rows the folds' META scored,
         * for the "beats cost" target.
         */
        double pooledLogLoss(int m, Horizon h) {
            return logLoss(m, h, scored(4, h, s.labelled(h, Samples.range(0, s.size()))));
        }

        /**
         * Pooled held-out log loss for the direction-aware target (forward return &gt; 0) on the rows the folds' META
         * scored: constant, vol-logistic and tree, in that order.
         */
        double[] pooledDirectionLogLoss(Horizon h) {
            int hi = h.ordinal();
            int[] rows = directionRows(h);
            double[] out = new double[3];
            for (int m = 0; m < 3; m++) {
                out[m] = Metrics.logLoss(pick(pUp[m][hi], rows), pick(up[hi], rows));
            }
            return out;
        }

        /** The deployed rule's decision on a scored row: learned edge &gt; 0 and not blocked by the OOD gate. */
        private boolean enters(int hi, int row) {
            return r.outOfFold().metaEdge()[hi][row] > 0 && !(ood[row] > 1.0);
        }

        /**
         * This run against {@code old} on the same rows (paired): log loss differences of tree, MLP and META, and
         * the deployed rule's net return per scored row (0 where it stays flat), with block-bootstrap CIs.
         */
        void compare(Report old) {
            if (old.s.size() != s.size() || !Arrays.equals(old.s.hour, s.hour) || !Arrays.equals(old.s.asset, s.asset)) {
                throw new IllegalStateException("the two runs do not cover the same rows");
            }
            old.print();
            System.out.println("## This configuration minus the other one, same rows (paired), 95% block-bootstrap CI");
            System.out.println();
            System.out.println("| horizon | rows | tree log loss | mlp log loss | META log loss | deployed net per row "
                    + "(this) | deployed net per row (other) | difference |");
            System.out.println("|---|---|---|---|---|---|---|---|");
            for (Horizon h : Horizon.values()) {
                int hi = h.ordinal();
                int[] rows = Arrays.stream(scored(4, h, s.labelled(h, Samples.range(0, s.size()))))
                        .filter(x -> !Double.isNaN(old.p[4][hi][x])).toArray();
                if (rows.length == 0) {
                    continue;
                }
                int[][] reps = bootstrap(rows);
                double[][] d = new double[3][];
                for (int m = 2; m <= 4; m++) {
                    final int model = m;
                    d[m - 2] = ci(rows, reps, x -> logLoss(model, h, x) - old.logLoss(model, h, x));
                }
                double[] mine = ci(rows, reps, x -> Arrays.stream(x).mapToDouble(y -> enters(hi, y) ? net(hi, y) : 0)
                        .average().orElse(Double.NaN));
                double[] theirs = ci(rows, reps, x -> Arrays.stream(x)
                        .mapToDouble(y -> old.enters(hi, y) ? old.net(hi, y) : 0).average().orElse(Double.NaN));
                double[] diff = ci(rows, reps, x -> Arrays.stream(x).mapToDouble(y -> (enters(hi, y) ? net(hi, y) : 0)
                        - (old.enters(hi, y) ? old.net(hi, y) : 0)).average().orElse(Double.NaN));
                System.out.printf(Locale.ROOT, "| %s | %,d | %+.4f [%+.4f, %+.4f] | %+.4f [%+.4f, %+.4f] | %+.4f [%+.4f, "
                                + "%+.4f] | %+.6f [%+.6f, %+.6f] | %+.6f [%+.6f, %+.6f] | %+.6f [%+.6f, %+.6f] |%n",
                        h, rows.length, d[0][0], d[0][1], d[0][2], d[1][0], d[1][1], d[1][2], d[2][0], d[2][1], d[2][2],
                        mine[0], mine[1], mine[2], theirs[0], theirs[1], theirs[2], diff[0], diff[1], diff[2]);
            }
            System.out.println();
        }

        /** META's calibration, pooled: rows in deciles of p, mean p against the realised positive rate. */
        private void calibration() {
            System.out.println("### META calibration, pooled (deciles of p: mean p / realised positive rate / mean net return)");
            System.out.println();
            System.out.println("| horizon | " + java.util.stream.IntStream.rangeClosed(1, 10).mapToObj(i -> "d" + i)
                    .reduce((a, b) -> a + " | " + b).orElse("") + " |");
            System.out.println("|---|" + "---|".repeat(10));
            for (Horizon h : Horizon.values()) {
                int hi = h.ordinal();
                double[] q = p[4][hi];
                Integer[] rows = Arrays.stream(scored(4, h, s.labelled(h, Samples.range(0, s.size())))).boxed()
                        .sorted(java.util.Comparator.<Integer>comparingDouble(x -> q[x]).thenComparingInt(x -> x))
                        .toArray(Integer[]::new);
                if (rows.length < 10) {
                    continue;
                }
                StringBuilder b = new StringBuilder("| " + h + " |");
                for (int d = 0; d < 10; d++) {
                    int from = rows.length * d / 10;
                    int to = rows.length * (d + 1) / 10;
                    double mp = 0;
                    double pos = 0;
                    double net = 0;
                    for (int i = from; i < to; i++) {
                        mp += q[rows[i]];
                        pos += s.label[hi][rows[i]];
                        net += net(hi, rows[i]);
                    }
                    int k = to - from;
                    b.append(String.format(Locale.ROOT, " %.3f / %.3f / %+.4f |", mp / k, pos / k, net / k));
                }
                System.out.println(b);
            }
            System.out.println();
        }

        private int[] scored(int m, Horizon h, int[] rows) {
            double[] q = p[m][h.ordinal()];
            return Arrays.stream(rows).filter(x -> !Double.isNaN(q[x])).toArray();
        }

        /** Pooled over the folds that have a META (all models on the same rows), with block-bootstrap CIs. */
        private void pooled() {
            System.out.println("### Pooled over the folds with a META (same rows for every model), 95% block-bootstrap CI");
            System.out.println();
            System.out.println("| horizon | model | rows | log loss [95% CI] | minus vol-logistic [95% CI] | AUC [95% CI] |");
            System.out.println("|---|---|---|---|---|---|");
            for (Horizon h : Horizon.values()) {
                int[] rows = scored(4, h, s.labelled(h, Samples.range(0, s.size())));
                if (rows.length == 0) {
                    continue;
                }
                int[][] reps = bootstrap(rows);
                for (int m = 0; m < MODELS.length; m++) {
                    final int model = m;
                    double[] ll = ci(rows, reps, x -> logLoss(model, h, x));
                    double[] diff = ci(rows, reps, x -> logLoss(model, h, x) - logLoss(1, h, x));
                    double[] au = ci(rows, reps, x -> auc(model, h, x));
                    System.out.printf(Locale.ROOT, "| %s | %s | %,d | %.4f [%.4f, %.4f] | %+.4f [%+.4f, %+.4f] | %.3f [%.3f, %.3f] |%n",
                            h, MODELS[m], rows.length, ll[0], ll[1], ll[2], diff[0], diff[1], diff[2], au[0], au[1], au[2]);
                }
            }
            System.out.println();
        }

        /** Net return after the round trip of META's deployed rule (learned edge > 0), per horizon and fold. */
        private void deployed() {
            System.out.println("### Deployed rule: ENTER where META's learned net edge > 0"
                    + (config.options().oodQuantile() > 0 ? " and the fold's OOD gate lets it through" : "")
                    + " (each signal held h hours; signals overlap), net of the round trip");
            System.out.println();
            System.out.println("| horizon | fold | rows | ENTERs | share | hit rate | mean net per ENTER [95% CI] | "
                    + "sum of net returns | mean net of every row (enter always) | OOD rows | entries blocked by "
                    + "the gate (their mean net) |");
            System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
            WalkForward.OutOfFold o = r.outOfFold();
            for (Horizon h : Horizon.values()) {
                int hi = h.ordinal();
                List<int[]> parts = new ArrayList<>();
                Map<String, int[]> byFold = new LinkedHashMap<>();
                for (FoldResult f : r.folds()) {
                    int[] rows = scored(4, h, testRows(f.fold(), h));
                    if (rows.length > 0) {
                        byFold.put(Integer.toString(f.fold()), rows);
                        parts.add(rows);
                    }
                }
                byFold.put("pooled", parts.stream().flatMapToInt(Arrays::stream).sorted().toArray());
                for (Map.Entry<String, int[]> e : byFold.entrySet()) {
                    int[] rows = e.getValue();
                    int[] enters = Arrays.stream(rows).filter(x -> enters(hi, x)).toArray();
                    double all = Arrays.stream(rows).mapToDouble(x -> net(hi, x)).average().orElse(Double.NaN);
                    long oodRows = Arrays.stream(rows).filter(x -> ood[x] > 1.0).count();
                    int[] blocked = Arrays.stream(rows).filter(x -> o.metaEdge()[hi][x] > 0 && ood[x] > 1.0).toArray();
                    String gate = String.format(Locale.ROOT, " %,d | %,d (%s) |", oodRows, blocked.length,
                            blocked.length == 0 ? "-" : String.format(Locale.ROOT, "%+.5f",
                                    Arrays.stream(blocked).mapToDouble(x -> net(hi, x)).average().orElse(Double.NaN)));
                    if (enters.length == 0) {
                        System.out.printf(Locale.ROOT, "| %s | %s | %,d | 0 | 0 | - | - | 0 | %+.5f |%s%n", h, e.getKey(),
                                rows.length, all, gate);
                        continue;
                    }
                    double hit = Arrays.stream(enters).filter(x -> net(hi, x) > 0).count() / (double) enters.length;
                    double[] mean = ci(enters, bootstrap(enters), x -> Arrays.stream(x).mapToDouble(y -> net(hi, y))
                            .average().orElse(Double.NaN));
                    double sum = Arrays.stream(enters).mapToDouble(x -> net(hi, x)).sum();
                    System.out.printf(Locale.ROOT, "| %s | %s | %,d | %,d | %.3f | %.3f | %+.5f [%+.5f, %+.5f] | %+.3f | %+.5f |%s%n",
                            h, e.getKey(), rows.length, enters.length, enters.length / (double) rows.length, hit,
                            mean[0], mean[1], mean[2], sum, all, gate);
                }
            }
            System.out.println();
        }

        private double net(int hi, int row) {
            return s.forwardReturn[hi][row] - roundTrip;
        }

        private double logLoss(int m, Horizon h, int[] rows) {
            double[] q = new double[rows.length];
            byte[] y = new byte[rows.length];
            for (int i = 0; i < rows.length; i++) {
                q[i] = p[m][h.ordinal()][rows[i]];
                y[i] = s.label[h.ordinal()][rows[i]];
            }
            return Metrics.logLoss(q, y);
        }

        private double auc(int m, Horizon h, int[] rows) {
            double[] q = new double[rows.length];
            byte[] y = new byte[rows.length];
            for (int i = 0; i < rows.length; i++) {
                q[i] = p[m][h.ordinal()][rows[i]];
                y[i] = s.label[h.ordinal()][rows[i]];
            }
            return Metrics.auc(q, y);
        }

        /** Bootstrap replicates of {@code rows}: 7-day blocks drawn with replacement (seeded). */
        private int[][] bootstrap(int[] rows) {
            TreeMap<Long, List<Integer>> blocks = new TreeMap<>();
            for (int x : rows) {
                blocks.computeIfAbsent(s.hour[x] / BLOCK_SECONDS, k -> new ArrayList<>()).add(x);
            }
            List<List<Integer>> list = new ArrayList<>(blocks.values());
            Random rnd = new Random(42);
            int[][] reps = new int[BOOTSTRAP][];
            for (int b = 0; b < BOOTSTRAP; b++) {
                List<Integer> out = new ArrayList<>(rows.length + 200);
                for (int k = 0; k < list.size(); k++) {
                    out.addAll(list.get(rnd.nextInt(list.size())));
                }
                reps[b] = out.stream().mapToInt(Integer::intValue).toArray();
            }
            return reps;
        }

        /** Point estimate and the 2.5% / 97.5% percentiles over the replicates. */
        private static double[] ci(int[] rows, int[][] reps, ToDoubleFunction<int[]> stat) {
            double[] v = new double[reps.length];
            for (int b = 0; b < reps.length; b++) {
                v[b] = stat.applyAsDouble(reps[b]);
            }
            Arrays.sort(v);
            return new double[] {stat.applyAsDouble(rows), v[(int) Math.floor(0.025 * (v.length - 1))],
                    v[(int) Math.ceil(0.975 * (v.length - 1))]};
        }

        private static String day(Instant t) {
            return t.toString().substring(0, 10);
        }
    }
}
