package io.tradingcore.adapter.ml;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;

/**
 * Out-of-distribution gate (in the spirit of FreqAI's dissimilarity index): the distance of a feature row from the
 * training distribution is the root mean square of its per-feature z-scores (means and standard deviations of the
 * training rows; columns constant in training are left out), and the threshold is a high quantile of the training
 * rows' own distances. Inference reports distance / threshold; above 1 the row lies further out than that share of
 * the training rows, and the stack labels its regime {@link #LABEL} so that the signal policy takes no entry.
 */
record OodGate(Standardizer scaler, double quantile, double threshold) {

    /** The regime label of a row outside the training distribution. */
    static final String LABEL = io.tradingcore.domain.RegimeResult.OUT_OF_DISTRIBUTION;

    static OodGate fit(double[][] x, int[] rows, double quantile) {
        Standardizer scaler = Standardizer.fit(x, rows);
        OodGate unscaled = new OodGate(scaler, quantile, 1.0);
        double[] d = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            d[i] = unscaled.distance(x[rows[i]]);
        }
        Arrays.sort(d);
        int k = Math.min(d.length - 1, (int) Math.ceil(quantile * d.length) - 1);
        double threshold = d[Math.max(0, k)];
        return new OodGate(scaler, quantile, threshold > 0 ? threshold : 1.0);
    }

    /** Root mean square of the z-scores of the columns that varied in training. */
    double distance(double[] features) {
        double sum = 0;
        int used = 0;
        double[] sd = scaler.sd();
        for (int j = 0; j < features.length; j++) {
            if (Double.isFinite(sd[j])) {
                double z = scaler.apply(j, features[j]);
                sum += z * z;
                used++;
            }
        }
        return used == 0 ? 0.0 : Math.sqrt(sum / used);
    }

    /** Distance / threshold: above 1 means outside the training distribution. */
    double ratio(double[] features) {
        return distance(features) / threshold;
    }

    void write(DataOutputStream out) throws IOException {
        scaler.write(out);
        out.writeDouble(quantile);
        out.writeDouble(threshold);
    }

    static OodGate read(DataInputStream in) throws IOException {
        return new OodGate(Standardizer.read(in), in.readDouble(), in.readDouble());
    }
}
