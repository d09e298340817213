package io.tradingcore.adapter.ml;

/** Small dense linear algebra for the meta-learner (a handful of columns). */
final class Linear {

    private Linear() {
    }

    /**
     * Cholesky factor L (lower) of a symmetric positive-definite matrix, or null when a pivot is not above
     * {@code relTol} times the largest diagonal entry (the matrix is singular to that tolerance).
     */
    static double[][] cholesky(double[][] a, double relTol) {
        int d = a.length;
        double maxDiag = 0;
        for (int i = 0; i < d; i++) {
            maxDiag = Math.max(maxDiag, Math.abs(a[i][i]));
        }
        double[][] l = new double[d][d];
        for (int j = 0; j < d; j++) {
            double s = a[j][j];
            for (int k = 0; k < j; k++) {
                s -= l[j][k] * l[j][k];
            }
            if (!(s > relTol * maxDiag)) {
                return null;
            }
            l[j][j] = Math.sqrt(s);
            for (int i = j + 1; i < d; i++) {
                double t = a[i][j];
                for (int k = 0; k < j; k++) {
                    t -= l[i][k] * l[j][k];
                }
                l[i][j] = t / l[j][j];
            }
        }
        return l;
    }

    /** Solves a x = b for symmetric positive-definite a. */
    static double[] solveSpd(double[][] a, double[] b) {
        double[][] l = cholesky(a, 0.0);
        if (l == null) {
            throw new IllegalStateException("matrix is not positive definite");
        }
        int d = b.length;
        double[] y = new double[d];
        for (int i = 0; i < d; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= l[i][k] * y[k];
            }
            y[i] = s / l[i][i];
        }
        double[] x = new double[d];
        for (int i = d - 1; i >= 0; i--) {
            double s = y[i];
            for (int k = i + 1; k < d; k++) {
                s -= l[k][i] * x[k];
            }
            x[i] = s / l[i][i];
        }
        return x;
    }
}
