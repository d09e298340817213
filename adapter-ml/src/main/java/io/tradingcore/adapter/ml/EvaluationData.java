package io.tradingcore.adapter.ml;

import io.tradingcore.domain.Horizon;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * The figures of one {@link MlEvaluation} walk-forward run: every model's held-out probability per row (tree, MLP and
 * META out of fold; the constant and the volatility-only logistic fitted per fold), the fold's OOD gate ratio, the
 * direction-aware target with its constant, volatility and tree probabilities, and the metric and block-bootstrap
 * helpers. {@link EvaluationReport} prints them.
 */
abstract class EvaluationData {

    static final int BOOTSTRAP = 200;
    static final long BLOCK_SECONDS = 7 * 86_400L;
    static final String[] MODELS = {"constant", "vol-logistic", "tree", "mlp", "META"};

    final Samples s;
    final WalkForward.Result r;
    final double roundTrip;
    final TrainingConfig config;
    /** [model][horizon][row] held-out probability; NaN where the model did not score the row. */
    final double[][][] p;
    /** Per row: the fold's OOD gate ratio (distance / threshold; NaN: no gate or not scored). */
    final double[] ood;
    /** Direction-aware target (forward return &gt; 0): [horizon][row] label and constant / vol / tree p. */
    final byte[][] up;
    final double[][][] pUp;

    EvaluationData(Samples s, WalkForward.Result r, TrainingConfig config) {
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
    int[] directionRows(Horizon h) {
        return Arrays.stream(labelledUp(h, scored(4, h, s.labelled(h, Samples.range(0, s.size())))))
                .filter(x -> !Double.isNaN(pUp[2][h.ordinal()][x])).toArray();
    }

    int[] labelledUp(Horizon h, int[] rows) {
        return Arrays.stream(rows).filter(x -> up[h.ordinal()][x] >= 0).toArray();
    }

    static double[] nan(int n) {
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
    void baselines(FoldResult f, Horizon h, byte[] label, double[] constant, double[] vol) {
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

    static void standardise(double[] v, double[] mean, double[] sd) {
        for (int j = 0; j < v.length; j++) {
            v[j] = (v[j] - mean[j]) / sd[j];
        }
    }

    int[] testRows(int fold, Horizon h) {
        int[] fo = r.outOfFold().fold();
        return s.labelled(h, java.util.stream.IntStream.range(0, s.size()).filter(x -> fo[x] == fold).toArray());
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
    boolean enters(int hi, int row) {
        return r.outOfFold().metaEdge()[hi][row] > 0 && !(ood[row] > 1.0);
    }

    int[] scored(int m, Horizon h, int[] rows) {
        double[] q = p[m][h.ordinal()];
        return Arrays.stream(rows).filter(x -> !Double.isNaN(q[x])).toArray();
    }

    double net(int hi, int row) {
        return s.forwardReturn[hi][row] - roundTrip;
    }

    double logLoss(int m, Horizon h, int[] rows) {
        return Metrics.logLoss(pick(p[m][h.ordinal()], rows), pick(s.label[h.ordinal()], rows));
    }

    double auc(int m, Horizon h, int[] rows) {
        return Metrics.auc(pick(p[m][h.ordinal()], rows), pick(s.label[h.ordinal()], rows));
    }

    /** Bootstrap replicates of {@code rows}: 7-day blocks drawn with replacement (seeded). */
    int[][] bootstrap(int[] rows) {
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
    static double[] ci(int[] rows, int[][] reps, ToDoubleFunction<int[]> stat) {
        double[] v = new double[reps.length];
        for (int b = 0; b < reps.length; b++) {
            v[b] = stat.applyAsDouble(reps[b]);
        }
        Arrays.sort(v);
        return new double[] {stat.applyAsDouble(rows), v[(int) Math.floor(0.025 * (v.length - 1))],
                v[(int) Math.ceil(0.975 * (v.length - 1))]};
    }

    static double[] pick(double[] v, int[] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = v[rows[i]];
        }
        return out;
    }

    static byte[] pick(byte[] v, int[] rows) {
        byte[] out = new byte[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = v[rows[i]];
        }
        return out;
    }
}
