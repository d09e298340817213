package io.tradingcore.adapter.ml;

import java.util.Arrays;

/** Held-out classification metrics on probabilities. */
final class Metrics {

    private static final double EPS = 1e-7;

    private Metrics() {
    }

    static double logLoss(double[] p, byte[] y) {
        double s = 0;
        for (int i = 0; i < p.length; i++) {
            double q = Math.min(1 - EPS, Math.max(EPS, p[i]));
            s -= y[i] > 0 ? Math.log(q) : Math.log(1 - q);
        }
        return s / p.length;
    }

    static double accuracy(double[] p, byte[] y) {
        int ok = 0;
        for (int i = 0; i < p.length; i++) {
            if ((p[i] >= 0.5) == (y[i] > 0)) {
                ok++;
            }
        }
        return (double) ok / p.length;
    }

    /** Mann-Whitney AUC with average ranks for ties; NaN when only one class is present. */
    static double auc(double[] p, byte[] y) {
        int n = p.length;
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> Double.compare(p[a], p[b]));
        double rankSumPos = 0;
        long pos = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && p[idx[j + 1]] == p[idx[i]]) {
                j++;
            }
            double avgRank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (y[idx[k]] > 0) {
                    rankSumPos += avgRank;
                    pos++;
                }
            }
            i = j + 1;
        }
        long neg = n - pos;
        if (pos == 0 || neg == 0) {
            return Double.NaN;
        }
        return (rankSumPos - pos * (pos + 1) / 2.0) / (pos * (double) neg);
    }
}
