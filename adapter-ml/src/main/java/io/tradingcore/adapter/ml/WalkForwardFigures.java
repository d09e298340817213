package io.tradingcore.adapter.ml;

import io.tradingcore.domain.Horizon;
import io.tradingcore.domain.ModelRole;
import java.util.Arrays;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The figures a {@link WalkForward} produces: each fold's held-out row per model ({@link #evaluate}), and what is
 * recorded with every model version: the walk-forward means ({@link #summary}), each fold's figures ({@link #perFold}),
 * the final tree's feature importance, the final meta-learner's fit and learned edge, and the training options.
 */
final class WalkForwardFigures {

    private WalkForwardFigures() {
    }

    /** Walk-forward means plus XGBoost's feature importance of the final tree. */
    static SortedMap<String, Double> treeMetrics(List<FoldResult> folds, Horizon h, TreeModel tree,
                                                         List<String> names) {
        SortedMap<String, Double> m = summary(folds, ModelRole.BASE_TREE, h);
        m.putAll(tree.importance(names));
        return m;
    }

    /** The training options, recorded with every model of a non-legacy stack. */
    static SortedMap<String, String> optionParams(TrainingConfig.Options o, FeatureSet features) {
        SortedMap<String, String> m = new TreeMap<>();
        m.put("feature_set", Integer.toString(features.version()));
        m.put("recency_half_life_days", Double.toString(o.recencyHalfLifeDays()));
        m.put("recency_weighting", o.recencyHalfLifeDays() == 0 ? "none (every row weighs 1)"
                : "tree and MLP rows weigh 0.5^(age / half-life), age = last training row - row, mean 1");
        m.put("ood_quantile", Double.toString(o.oodQuantile()));
        return m;
    }

    /**
     * Each fold's held-out figures of the inner walk-forward, keyed {@code wf_fold<k>_<metric>} (log_loss,
     * baseline_log_loss, auc, accuracy, rows, enters, mean_net_per_enter, test_from / test_to as epoch seconds), for
     * the report's model diagnostics.
     */
    static SortedMap<String, Double> perFold(List<FoldResult> folds, ModelRole role, Horizon h) {
        SortedMap<String, Double> m = new TreeMap<>();
        for (FoldResult f : folds) {
            for (FoldResult.Row r : f.rows()) {
                if (r.role() != role || r.horizon() != h) {
                    continue;
                }
                String k = "wf_fold" + f.fold() + "_";
                m.put(k + "test_from", (double) f.testFrom().getEpochSecond());
                m.put(k + "test_to", (double) f.testTo().getEpochSecond());
                m.put(k + "rows", (double) r.testRows());
                m.put(k + "log_loss", r.logLoss());
                m.put(k + "baseline_log_loss", r.baselineLogLoss());
                m.put(k + "auc", r.auc());
                m.put(k + "accuracy", r.accuracy());
                m.put(k + "enters", (double) r.enterCount());
                m.put(k + "mean_net_per_enter", r.meanNetReturn());
            }
        }
        m.values().removeIf(v -> !Double.isFinite(v));
        return m;
    }

    /** Walk-forward means plus the fit and the learned edge curve of the final meta-learner. */
    static SortedMap<String, Double> metaMetrics(List<FoldResult> folds, Horizon h, MetaModel meta,
                                                         double[][] z, int[] rows, Samples s) {
        SortedMap<String, Double> m = summary(folds, ModelRole.META, h);
        m.put("fit_iterations", (double) meta.fit().iterations());
        m.put("fit_gradient_norm", meta.fit().gradientNorm());
        m.putAll(meta.edge().describe());
        int enters = 0;
        double net = 0;
        for (int r : rows) {
            if (meta.explain(z[r]).expectedReturn() > 0) {
                enters++;
                net += s.forwardReturn[h.ordinal()][r] - s.cost.roundTripFraction();
            }
        }
        m.put("edge_rows", (double) rows.length);
        m.put("edge_positive_share", (double) enters / rows.length);
        if (enters > 0) {
            m.put("edge_positive_in_sample_mean_net", net / enters);
        }
        m.values().removeIf(v -> !Double.isFinite(v));
        return m;
    }

    /** Mean held-out metrics over the folds, as recorded with the model version. */
    static SortedMap<String, Double> summary(List<FoldResult> folds, ModelRole role, Horizon h) {
        SortedMap<String, Double> m = new TreeMap<>();
        List<FoldResult.Row> rows = folds.stream().flatMap(f -> f.rows().stream())
                .filter(r -> r.role() == role && r.horizon() == h).toList();
        if (rows.isEmpty()) {
            return m;
        }
        m.put("wf_folds", (double) rows.size());
        m.put("wf_log_loss", rows.stream().mapToDouble(FoldResult.Row::logLoss).average().orElse(Double.NaN));
        m.put("wf_baseline_log_loss",
                rows.stream().mapToDouble(FoldResult.Row::baselineLogLoss).average().orElse(Double.NaN));
        m.put("wf_accuracy", rows.stream().mapToDouble(FoldResult.Row::accuracy).average().orElse(Double.NaN));
        m.put("wf_auc", rows.stream().mapToDouble(FoldResult.Row::auc).filter(Double::isFinite).average()
                .orElse(Double.NaN));
        m.values().removeIf(v -> !Double.isFinite(v));
        return m;
    }

    /**
     * @param edge learned net edge per row for META (ENTER where it is &gt; 0, the deployed rule); null for a base
     *             model (ENTER where p &gt;= the evaluation threshold)
     */
    static FoldResult.Row evaluate(ModelRole role, Horizon h, long millis, int trainRows, int[] te,
                                           double[] p, double[] edge, double baseRate, Samples s, TrainingConfig c) {
        int hi = h.ordinal();
        double[] q = new double[te.length];
        byte[] y = new byte[te.length];
        double[] constant = new double[te.length];
        int enters = 0;
        int hits = 0;
        double net = 0;
        for (int i = 0; i < te.length; i++) {
            int r = te[i];
            q[i] = p[r];
            y[i] = s.label[hi][r];
            constant[i] = baseRate;
            if (edge == null ? q[i] >= c.enterThreshold() : edge[r] > 0) {
                enters++;
                hits += y[i];
                net += s.forwardReturn[hi][r] - s.cost.roundTripFraction();
            }
        }
        if (te.length == 0) {
            return new FoldResult.Row(role, h, millis, trainRows, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    0, Double.NaN, Double.NaN);
        }
        return new FoldResult.Row(role, h, millis, trainRows, te.length, Metrics.accuracy(q, y),
                Metrics.logLoss(q, y), Metrics.auc(q, y), Metrics.logLoss(constant, y), enters,
                enters == 0 ? Double.NaN : (double) hits / enters, enters == 0 ? Double.NaN : net / enters);
    }

    static double positiveRate(byte[] label, int[] rows) {
        long pos = Arrays.stream(rows).filter(r -> label[r] > 0).count();
        return rows.length == 0 ? 0.5 : (double) pos / rows.length;
    }
}
