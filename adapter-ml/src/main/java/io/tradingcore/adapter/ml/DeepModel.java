package io.tradingcore.adapter.ml;

import io.tradingcore.domain.Horizon;

import java.io.DataInputStream;
import java.io.IOException;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * BASE_DEEP: a multi-layer perceptron (ReLU hidden layers, one logistic output) trained ({@link MlpTrainer}) by minibatch Adam on
 * sigmoid cross-entropy, in plain Java. Initial weights and the minibatch order come from one seeded Random and
 * every operation is sequential IEEE double arithmetic, so the same rows and seed give bit-identical weights.
 *
 * <p>Why not TensorFlow: tribuo-tensorflow 4.3.2 (TF-Java 1.0.0) loads and trains here, but the same data and
 * seed gave a different network on every run, even on one thread with oneDNN, grappler remapping and constant
 * folding off and TF_DETERMINISTIC_OPS=1 (docs/ml.md has the measurements). Reproducible training is a
 * requirement, so the network is trained here.
 */
final class DeepModel implements BinaryModel {

    static final String KIND = "mlp-weights";

    /**
     * @param maxEpochs          upper bound; training stops earlier when the validation log loss has not improved
     *                           for {@code patience} epochs, and the best epoch's weights are kept
     * @param l2                 weight decay on the weights (not the biases), added to the gradient
     * @param validationFraction share of the training rows, taken from the END of the window (the latest rows),
     *                           held out for early stopping; training rows whose labels could reach into it (within
     *                           the longest horizon before it) are left out
     */
    record Params(int[] hidden, int maxEpochs, int batch, double learningRate, double l2, double validationFraction,
                  int patience) {
        static final Params DEFAULT = new Params(new int[] {32, 16}, 12, 256, 0.002, 1e-4, 0.15, 2);

        Params {
            hidden = hidden.clone();
            if (hidden.length == 0 || maxEpochs < 1 || batch < 1 || !(learningRate > 0) || !(l2 >= 0)
                    || !(validationFraction > 0 && validationFraction < 0.5) || patience < 1) {
                throw new IllegalArgumentException("MLP needs >= 1 hidden layer, maxEpochs >= 1, batch >= 1, lr > 0, "
                        + "l2 >= 0, validationFraction in (0, 0.5), patience >= 1");
            }
        }

        SortedMap<String, String> asMap() {
            SortedMap<String, String> m = new TreeMap<>();
            m.put("library", "adapter-ml plain-Java MLP (double precision, sequential)");
            m.put("hidden", java.util.Arrays.toString(hidden));
            m.put("activation", "relu");
            m.put("optimizer", "adam(beta1=0.9,beta2=0.999,eps=1e-8)");
            m.put("learning_rate", Double.toString(learningRate));
            m.put("max_epochs", Integer.toString(maxEpochs));
            m.put("batch", Integer.toString(batch));
            m.put("l2", Double.toString(l2));
            m.put("validation", "last " + validationFraction + " of the training rows (time order), purged "
                    + Horizon.longest().hours() + "h");
            m.put("early_stopping", "validation log loss, patience " + patience + ", best epoch kept");
            m.put("loss", "sigmoid cross-entropy");
            m.put("init", "glorot-uniform");
            return m;
        }
    }

    private final Standardizer scaler;
    private final double[][][] weights; // [layer][in][out]
    private final double[][] biases; // [layer][out]

    DeepModel(Standardizer scaler, double[][][] weights, double[][] biases) {
        this.scaler = scaler;
        this.weights = weights;
        this.biases = biases;
    }

    /**
     * @param hour decision hour (epoch seconds) per row; {@code rows} are in time order
     */
    static DeepModel train(double[][] x, byte[] y, long[] hour, int[] rows, Params p, long seed) {
        return train(x, y, hour, rows, null, p, seed);
    }

    /**
     * As {@link #train(double[][], byte[], long[], int[], Params, long)} with per-row weights on the training loss
     * (null: 1 each); the validation loss stays unweighted.
     */
    static DeepModel train(double[][] x, byte[] y, long[] hour, int[] rows, double[] weight, Params p, long seed) {
        int nVal = Math.max(1, (int) Math.ceil(rows.length * p.validationFraction()));
        long valStart = hour[rows[rows.length - nVal]];
        long purgeEnd = valStart - Horizon.longest().hours() * 3600L;
        int[] fit = java.util.Arrays.stream(rows).filter(r -> hour[r] < purgeEnd).toArray();
        int[] val = java.util.Arrays.copyOfRange(rows, rows.length - nVal, rows.length);
        if (fit.length == 0) {
            throw new IllegalArgumentException("MLP: no training rows before the validation split (" + rows.length
                    + " rows)");
        }
        return MlpTrainer.train(x, y, fit, val, weight, p, seed);
    }

    /** act[0] is the input; fills act[1..layers]; hidden layers ReLU, the last one the raw logit. */
    static void forward(double[][][] w, double[][] b, double[][] act) {
        int layers = w.length;
        for (int l = 0; l < layers; l++) {
            double[] in = act[l];
            double[] z = act[l + 1];
            System.arraycopy(b[l], 0, z, 0, z.length);
            for (int j = 0; j < in.length; j++) {
                double aj = in[j];
                if (aj != 0.0) {
                    double[] wj = w[l][j];
                    for (int k = 0; k < z.length; k++) {
                        z[k] += aj * wj[k];
                    }
                }
            }
            if (l < layers - 1) {
                for (int k = 0; k < z.length; k++) {
                    z[k] = Math.max(0.0, z[k]);
                }
            }
        }
    }

    @Override
    public double probability(double[] x) {
        double[][] act = new double[weights.length + 1][];
        act[0] = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            act[0][j] = scaler.apply(j, x[j]);
        }
        for (int l = 0; l < weights.length; l++) {
            act[l + 1] = new double[biases[l].length];
        }
        forward(weights, biases, act);
        return 1.0 / (1.0 + Math.exp(-act[weights.length][0]));
    }

    @Override
    public byte[] artifact() {
        return Artifact.encode(KIND, out -> {
            scaler.write(out);
            out.writeInt(weights.length);
            for (int l = 0; l < weights.length; l++) {
                out.writeInt(weights[l].length);
                out.writeInt(biases[l].length);
                for (double[] row : weights[l]) {
                    for (double v : row) {
                        out.writeDouble(v);
                    }
                }
                for (double v : biases[l]) {
                    out.writeDouble(v);
                }
            }
        });
    }

    static DeepModel load(byte[] artifact, String sha256) {
        return Artifact.decode(artifact, sha256, KIND, DeepModel::read);
    }

    private static DeepModel read(DataInputStream in) throws IOException {
        Standardizer scaler = Standardizer.read(in);
        int layers = in.readInt();
        double[][][] w = new double[layers][][];
        double[][] b = new double[layers][];
        for (int l = 0; l < layers; l++) {
            int rowsIn = in.readInt();
            int out = in.readInt();
            w[l] = new double[rowsIn][out];
            for (int i = 0; i < rowsIn; i++) {
                for (int k = 0; k < out; k++) {
                    w[l][i][k] = in.readDouble();
                }
            }
            b[l] = new double[out];
            for (int k = 0; k < out; k++) {
                b[l][k] = in.readDouble();
            }
        }
        return new DeepModel(scaler, w, b);
    }
}
