package io.tradingcore.adapter.ml;

import io.tradingcore.domain.Horizon;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The markdown tables of one {@link MlEvaluation} run (its figures: {@link EvaluationData}). */
final class EvaluationReport extends EvaluationData {

    EvaluationReport(Samples s, WalkForward.Result r, TrainingConfig config) {
        super(s, r, config);
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

    /**
     * This run against {@code old} on the same rows (paired): log loss differences of tree, MLP and META, and
     * the deployed rule's net return per scored row (0 where it stays flat), with block-bootstrap CIs.
     */
    void compare(EvaluationReport old) {
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

    private static String day(Instant t) {
        return t.toString().substring(0, 10);
    }
}
