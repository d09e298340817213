package io.tradingcore.adapter.ml;

import java.util.Random;

/**
 * Trains a {@link DeepModel}: Glorot-uniform initial weights and the minibatch order from one seeded Random, minibatch
 * Adam on sigmoid cross-entropy (optionally weighted per row) with L2 weight decay, and early stopping on the
 * validation rows' log loss keeping the best epoch's weights. Sequential double arithmetic: the same rows and seed give
 * bit-identical weights.
 */
final class MlpTrainer {
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPS = 1e-8;

    private MlpTrainer() {
    }

    static DeepModel train(double[][] x, byte[] y, int[] rows, int[] validation, double[] weight, DeepModel.Params p,
                           long seed) {
        Standardizer scaler = Standardizer.fit(x, rows);
        int d = x[rows[0]].length;
        int layers = p.hidden().length + 1;
        int[] sizes = new int[layers + 1];
        sizes[0] = d;
        System.arraycopy(p.hidden(), 0, sizes, 1, p.hidden().length);
        sizes[layers] = 1;
        Random random = new Random(seed);
        double[][][] w = new double[layers][][];
        double[][] b = new double[layers][];
        double[][][] gw = new double[layers][][];
        double[][] gb = new double[layers][];
        double[][][] mw = new double[layers][][];
        double[][][] vw = new double[layers][][];
        double[][] mb = new double[layers][];
        double[][] vb = new double[layers][];
        for (int l = 0; l < layers; l++) {
            double limit = Math.sqrt(6.0 / (sizes[l] + sizes[l + 1])); // Glorot uniform
            w[l] = new double[sizes[l]][sizes[l + 1]];
            for (double[] row : w[l]) {
                for (int j = 0; j < row.length; j++) {
                    row[j] = (random.nextDouble() * 2 - 1) * limit;
                }
            }
            b[l] = new double[sizes[l + 1]];
            gw[l] = new double[sizes[l]][sizes[l + 1]];
            mw[l] = new double[sizes[l]][sizes[l + 1]];
            vw[l] = new double[sizes[l]][sizes[l + 1]];
            gb[l] = new double[sizes[l + 1]];
            mb[l] = new double[sizes[l + 1]];
            vb[l] = new double[sizes[l + 1]];
        }
        double[][] xs = new double[rows.length][d];
        double[] ys = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            double[] row = x[rows[i]];
            for (int j = 0; j < d; j++) {
                xs[i][j] = scaler.apply(j, row[j]);
            }
            ys[i] = y[rows[i]] > 0 ? 1.0 : 0.0;
        }
        double[] ws = null;
        if (weight != null) {
            ws = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                ws[i] = weight[rows[i]];
            }
        }
        double[][] act = new double[layers + 1][];
        double[][] delta = new double[layers][];
        for (int l = 0; l < layers; l++) {
            act[l + 1] = new double[sizes[l + 1]];
            delta[l] = new double[sizes[l + 1]];
        }
        int n = rows.length;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        long step = 0;
        double bestLoss = Double.POSITIVE_INFINITY;
        DeepModel best = null;
        int sinceBest = 0;
        for (int epoch = 0; epoch < p.maxEpochs() && sinceBest < p.patience(); epoch++) {
            shuffle(order, random);
            for (int start = 0; start < n; start += p.batch()) {
                int m = Math.min(p.batch(), n - start);
                for (int l = 0; l < layers; l++) {
                    for (double[] g : gw[l]) {
                        java.util.Arrays.fill(g, 0.0);
                    }
                    java.util.Arrays.fill(gb[l], 0.0);
                }
                for (int i = 0; i < m; i++) {
                    int r = order[start + i];
                    act[0] = xs[r];
                    DeepModel.forward(w, b, act);
                    double out = act[layers][0];
                    delta[layers - 1][0] = ws == null ? (1.0 / (1.0 + Math.exp(-out)) - ys[r]) / m
                            : (1.0 / (1.0 + Math.exp(-out)) - ys[r]) * ws[r] / m;
                    for (int l = layers - 1; l >= 0; l--) {
                        double[] in = act[l];
                        double[] dl = delta[l];
                        for (int k = 0; k < dl.length; k++) {
                            gb[l][k] += dl[k];
                        }
                        for (int j = 0; j < in.length; j++) {
                            double aj = in[j];
                            if (aj != 0.0) {
                                double[] g = gw[l][j];
                                for (int k = 0; k < dl.length; k++) {
                                    g[k] += aj * dl[k];
                                }
                            }
                        }
                        if (l > 0) {
                            double[] prev = delta[l - 1];
                            for (int j = 0; j < prev.length; j++) {
                                if (in[j] > 0) { // ReLU derivative of the previous layer's output
                                    double s = 0;
                                    double[] wj = w[l][j];
                                    for (int k = 0; k < dl.length; k++) {
                                        s += wj[k] * dl[k];
                                    }
                                    prev[j] = s;
                                } else {
                                    prev[j] = 0.0;
                                }
                            }
                        }
                    }
                }
                step++;
                double c1 = 1 - Math.pow(BETA1, step);
                double c2 = 1 - Math.pow(BETA2, step);
                double lr = p.learningRate();
                for (int l = 0; l < layers; l++) {
                    for (int j = 0; j < w[l].length; j++) {
                        if (p.l2() > 0) {
                            double[] g = gw[l][j];
                            double[] wj = w[l][j];
                            for (int k = 0; k < g.length; k++) {
                                g[k] += p.l2() * wj[k];
                            }
                        }
                        adam(w[l][j], gw[l][j], mw[l][j], vw[l][j], lr, c1, c2);
                    }
                    adam(b[l], gb[l], mb[l], vb[l], lr, c1, c2);
                }
            }
            DeepModel candidate = new DeepModel(scaler, copy(w), copy(b));
            double loss = logLoss(candidate, x, y, validation);
            if (loss < bestLoss) {
                bestLoss = loss;
                best = candidate;
                sinceBest = 0;
            } else {
                sinceBest++;
            }
        }
        return best;
    }

    private static double logLoss(DeepModel model, double[][] x, byte[] y, int[] rows) {
        double[] q = new double[rows.length];
        byte[] t = new byte[rows.length];
        for (int i = 0; i < rows.length; i++) {
            q[i] = model.probability(x[rows[i]]);
            t[i] = y[rows[i]];
        }
        return Metrics.logLoss(q, t);
    }

    private static double[][][] copy(double[][][] w) {
        double[][][] c = new double[w.length][][];
        for (int l = 0; l < w.length; l++) {
            c[l] = copy(w[l]);
        }
        return c;
    }

    private static double[][] copy(double[][] b) {
        double[][] c = new double[b.length][];
        for (int l = 0; l < b.length; l++) {
            c[l] = b[l].clone();
        }
        return c;
    }

    private static void adam(double[] theta, double[] g, double[] m, double[] v, double lr, double c1, double c2) {
        for (int k = 0; k < theta.length; k++) {
            m[k] = BETA1 * m[k] + (1 - BETA1) * g[k];
            v[k] = BETA2 * v[k] + (1 - BETA2) * g[k] * g[k];
            theta[k] -= lr * (m[k] / c1) / (Math.sqrt(v[k] / c2) + EPS);
        }
    }

    private static void shuffle(int[] a, Random random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
