package io.tradingcore.adapter.ml;

import io.tradingcore.domain.ModelRole;
import io.tradingcore.domain.Horizon;
import io.tradingcore.domain.CostModel;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * After-the-fact metrics of a trained stack on labelled rows, keyed "ROLE.H.metric", with each role's reliability
 * table ({@link Calibration}: "ROLE.H.calibration.b&lt;k&gt;.count / mean_p / observed").
 */
final class Evaluation {

    private Evaluation() {
    }

    static SortedMap<String, Double> metrics(Samples s, Stack stack, double[] baselineRate, double threshold) {
        int n = s.size();
        int hz = Horizon.values().length;
        double[][][] p = new double[3][hz][n]; // tree, deep, meta
        double[][] edge = new double[hz][n];
        for (int r = 0; r < n; r++) {
            Stack.Output o = stack.predict(s.x[r]);
            for (int h = 0; h < hz; h++) {
                p[0][h][r] = o.tree()[h];
                p[1][h][r] = o.deep()[h];
                p[2][h][r] = o.meta()[h].probability();
                edge[h][r] = o.meta()[h].expectedReturn();
            }
        }
        SortedMap<String, Double> m = new TreeMap<>();
        m.put("samples", (double) n);
        ModelRole[] roles = {ModelRole.BASE_TREE, ModelRole.BASE_DEEP, ModelRole.META};
        for (Horizon h : Horizon.values()) {
            int hi = h.ordinal();
            int[] rows = s.labelled(h, Samples.range(0, n));
            if (rows.length == 0) {
                continue;
            }
            byte[] y = new byte[rows.length];
            double[] constant = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                y[i] = s.label[hi][rows[i]];
                constant[i] = baselineRate[hi];
            }
            m.put("baseline." + h + ".log_loss", Metrics.logLoss(constant, y));
            m.put("baseline." + h + ".probability", baselineRate[hi]);
            m.put("labelled." + h + ".samples", (double) rows.length);
            for (int k = 0; k < roles.length; k++) {
                double[] q = new double[rows.length];
                int enters = 0;
                int hits = 0;
                double net = 0;
                for (int i = 0; i < rows.length; i++) {
                    q[i] = p[k][hi][rows[i]];
                    // META: the deployed rule (learned net edge > 0); base models: p >= threshold
                    if (roles[k] == ModelRole.META ? edge[hi][rows[i]] > 0 : q[i] >= threshold) {
                        enters++;
                        hits += y[i];
                        net += s.forwardReturn[hi][rows[i]] - s.cost.roundTripFraction();
                    }
                }
                String prefix = roles[k] + "." + h + ".";
                m.put(prefix + "log_loss", Metrics.logLoss(q, y));
                m.put(prefix + "accuracy", Metrics.accuracy(q, y));
                m.put(prefix + "auc", Metrics.auc(q, y));
                m.put(prefix + "enter_count", (double) enters);
                Calibration.put(m, prefix, q, y);
                if (enters > 0) {
                    m.put(prefix + "hit_rate", (double) hits / enters);
                    m.put(prefix + "mean_net_return", net / enters);
                }
            }
        }
        return m;
    }
}
