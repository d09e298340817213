package io.tradingcore.adapter.ml;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/** Column means and standard deviations fitted on training rows only. */
record Standardizer(double[] mean, double[] sd) {

    static Standardizer fit(double[][] x, int[] rows) {
        int d = x[rows[0]].length;
        double[] mean = new double[d];
        double[] sq = new double[d];
        for (int r : rows) {
            for (int j = 0; j < d; j++) {
                mean[j] += x[r][j];
                sq[j] += x[r][j] * x[r][j];
            }
        }
        double[] sd = new double[d];
        for (int j = 0; j < d; j++) {
            mean[j] /= rows.length;
            double var = sq[j] / rows.length - mean[j] * mean[j];
            // constant columns (e.g. no order book in history) pass through as zeros
            sd[j] = var > 1e-18 ? Math.sqrt(var) : 1.0;
        }
        return new Standardizer(mean, sd);
    }

    double apply(int j, double v) {
        return (v - mean[j]) / sd[j];
    }

    void write(DataOutputStream out) throws IOException {
        Artifact.writeDoubles(out, mean);
        Artifact.writeDoubles(out, sd);
    }

    static Standardizer read(DataInputStream in) throws IOException {
        return new Standardizer(Artifact.readDoubles(in), Artifact.readDoubles(in));
    }
}
