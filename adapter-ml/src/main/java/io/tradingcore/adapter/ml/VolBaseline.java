package io.tradingcore.adapter.ml;

import io.tradingcore.domain.Horizon;
import java.util.Optional;

/**
 * The volatility-only baseline a model must beat (issue 12): a logistic regression of the label on six inputs that
 * carry volatility and time of day but no direction (log realised volatility over 24 h and 168 h, log high-low ranges,
 * hour of day as sine/cosine), standardised on the training rows and fitted there with a small L2. Deterministic.
 */
final class VolBaseline {
    static final int INPUTS = 6;
    private static final double L2 = 1e-4;

    private final double[] mean;
    private final double[] sd;
    private final Logistic.Fit fit;

    private VolBaseline(double[] mean, double[] sd, Logistic.Fit fit) {
        this.mean = mean;
        this.sd = sd;
        this.fit = fit;
    }

    /** The baseline's inputs from a feature row (of any feature set: they are among the leading hourly features). */
    static double[] inputs(double[] x) {
        return new double[] {Math.log(Math.max(x[Features.RV_24H], 1e-9)),
                Math.log(Math.max(x[Features.RV_168H], 1e-9)), Math.log(Math.max(x[14], 1e-6)),
                Math.log(Math.max(x[15], 1e-6)), x[17], x[18]};
    }

    /** Fitted on the labelled rows of {@code h} in {@code s}; empty when there are none. */
    static Optional<VolBaseline> fit(Samples s, Horizon h) {
        int[] train = s.labelled(h, Samples.range(0, s.size()));
        if (train.length == 0) {
            return Optional.empty();
        }
        double[][] v = new double[s.size()][];
        double[] mean = new double[INPUTS];
        double[] sd = new double[INPUTS];
        for (int row : train) {
            v[row] = inputs(s.x[row]);
            for (int j = 0; j < INPUTS; j++) {
                mean[j] += v[row][j] / train.length;
            }
        }
        for (int row : train) {
            for (int j = 0; j < INPUTS; j++) {
                sd[j] += (v[row][j] - mean[j]) * (v[row][j] - mean[j]) / train.length;
            }
        }
        for (int j = 0; j < INPUTS; j++) {
            sd[j] = Math.sqrt(sd[j]) > 1e-12 ? Math.sqrt(sd[j]) : 1.0;
        }
        for (int row : train) {
            standardise(v[row], mean, sd);
        }
        return Optional.of(new VolBaseline(mean, sd, Logistic.fit(v, s.label[h.ordinal()], train, L2)));
    }

    /** The baseline's probability that the label is positive for feature row {@code x}. */
    double probability(double[] x) {
        double[] z = inputs(x);
        standardise(z, mean, sd);
        return fit.probability(z);
    }

    private static void standardise(double[] v, double[] mean, double[] sd) {
        for (int j = 0; j < v.length; j++) {
            v[j] = (v[j] - mean[j]) / sd[j];
        }
    }
}
