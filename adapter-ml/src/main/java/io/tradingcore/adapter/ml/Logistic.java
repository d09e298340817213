package io.tradingcore.adapter.ml;

/**
 * Binary logistic regression with an L2 penalty on the weights (not the intercept), fitted by Newton's method to
 * convergence: minimises mean log loss + l2/2 x |w|^2. Deterministic (sequential double arithmetic), exact optimum.
 */
final class Logistic {

    static final int MAX_ITERATIONS = 100;
    static final double GRADIENT_TOLERANCE = 1e-9;

    /** Weights per input, the intercept and the fit's diagnostics. */
    record Fit(double[] weights, double intercept, int iterations, double gradientNorm) {
        double logit(double[] x) {
            double s = intercept;
            for (int j = 0; j < weights.length; j++) {
                s += weights[j] * x[j];
            }
            return s;
        }

        double probability(double[] x) {
            return 1.0 / (1.0 + Math.exp(-logit(x)));
        }
    }

    private Logistic() {
    }

    /** @param x inputs per row (only rows listed are read), all of the same length */
    static Fit fit(double[][] x, byte[] y, int[] rows, double l2) {
        if (rows.length == 0) {
            throw new IllegalArgumentException("logistic regression: no training rows");
        }
        int d = x[rows[0]].length + 1; // last = intercept
        int n = rows.length;
        double[] beta = new double[d];
        double[] row = new double[d];
        int it = 0;
        while (true) {
            double[] g = new double[d];
            double[][] h = new double[d][d];
            for (int r : rows) {
                System.arraycopy(x[r], 0, row, 0, d - 1);
                row[d - 1] = 1.0;
                double eta = 0;
                for (int j = 0; j < d; j++) {
                    eta += beta[j] * row[j];
                }
                double q = 1.0 / (1.0 + Math.exp(-eta));
                double resid = q - (y[r] > 0 ? 1 : 0);
                double w = Math.max(q * (1 - q), 1e-12);
                for (int j = 0; j < d; j++) {
                    g[j] += resid * row[j];
                    for (int k = 0; k <= j; k++) {
                        h[j][k] += w * row[j] * row[k];
                    }
                }
            }
            for (int j = 0; j < d; j++) {
                g[j] /= n;
                for (int k = 0; k <= j; k++) {
                    h[j][k] /= n;
                    h[k][j] = h[j][k];
                }
                if (j < d - 1) {
                    g[j] += l2 * beta[j];
                    h[j][j] += l2;
                }
            }
            double norm = 0;
            for (double v : g) {
                norm += v * v;
            }
            norm = Math.sqrt(norm);
            if (norm < GRADIENT_TOLERANCE) {
                return new Fit(java.util.Arrays.copyOf(beta, d - 1), beta[d - 1], it, norm);
            }
            if (it == MAX_ITERATIONS) {
                throw new IllegalStateException("logistic regression did not converge in " + MAX_ITERATIONS
                        + " Newton iterations (gradient norm " + norm + ")");
            }
            double[] step = Linear.solveSpd(h, g);
            for (int j = 0; j < d; j++) {
                beta[j] -= step[j];
            }
            it++;
        }
    }
}
