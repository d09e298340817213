package io.tradingcore.adapter.ml;

import java.util.SortedMap;

/**
 * Reliability table of held-out probabilities: {@link #BINS} equal-width bins of the predicted p (bin k holds
 * k/10 &lt;= p &lt; (k+1)/10, p = 1 in the last), each with its row count, mean predicted p and observed positive rate.
 * A calibrated model has mean p close to the observed rate in every bin with enough rows.
 */
final class Calibration {
    /** Number of equal-width bins of p. */
    static final int BINS = 10;

    private Calibration() {
    }

    /**
     * Puts {@code <prefix>calibration.b<k>.count}, {@code .mean_p} and {@code .observed} for every non-empty bin k.
     */
    static void put(SortedMap<String, Double> m, String prefix, double[] p, byte[] y) {
        long[] count = new long[BINS];
        double[] sumP = new double[BINS];
        long[] pos = new long[BINS];
        for (int i = 0; i < p.length; i++) {
            int b = bin(p[i]);
            count[b]++;
            sumP[b] += p[i];
            pos[b] += y[i] > 0 ? 1 : 0;
        }
        for (int b = 0; b < BINS; b++) {
            if (count[b] > 0) {
                String k = prefix + "calibration.b" + b + ".";
                m.put(k + "count", (double) count[b]);
                m.put(k + "mean_p", sumP[b] / count[b]);
                m.put(k + "observed", (double) pos[b] / count[b]);
            }
        }
    }

    static int bin(double p) {
        return Math.min(BINS - 1, Math.max(0, (int) Math.floor(p * BINS)));
    }
}
