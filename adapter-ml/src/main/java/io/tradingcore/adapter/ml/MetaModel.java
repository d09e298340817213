package io.tradingcore.adapter.ml;

import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * META for one horizon: an L2-regularised logistic regression stacked on out-of-fold base predictions (as logits)
 * and the regime's soft assignment, with RANGING as the reference category (its column is dropped: the soft
 * assignments sum to 1, so with an intercept all four would be exactly collinear). Fitted by Newton's method to
 * convergence (gradient norm below 1e-9), so the weights, and the per-input contributions stored with every
 * prediction, are the unique optimum rather than a point on an optimiser's path. Being linear in its inputs, each
 * prediction splits exactly into contributions (weight x value, in logit space) plus the intercept.
 *
 * <p>The expected return is the learned {@link EdgeCurve}: E[net return | p] on the out-of-fold training rows.
 */
final class MetaModel {

    static final String KIND = "stacked-logistic-l2-edge";
    static final String REFERENCE_REGIME = "RANGING";
    static final List<String> INPUTS = List.of("m0_tree_logit", "m1_deep_logit", "m2_regime_TRENDING_UP",
            "m3_regime_TRENDING_DOWN", "m4_regime_HIGH_VOL");
    static final int TREE = 0;
    static final int DEEP = 1;
    static final int FIRST_REGIME = 2;
    /** Indices into {@link RegimeModel#REGIMES} of the regime inputs, in input order (the reference left out). */
    static final int[] REGIME_COLUMNS = regimeColumns();

    record Params(double l2, EdgeCurve.Params edge) {
        static final Params DEFAULT = new Params(1e-3, EdgeCurve.Params.DEFAULT);

        Params {
            if (!(l2 > 0) || !Double.isFinite(l2)) {
                throw new IllegalArgumentException("meta l2 must be > 0, was " + l2);
            }
        }

        SortedMap<String, String> asMap() {
            SortedMap<String, String> m = new TreeMap<>();
            m.put("library", "plain Java (Newton's method, L2-regularised logistic regression)");
            m.put("l2", Double.toString(l2));
            m.put("convergence", "gradient norm < " + Logistic.GRADIENT_TOLERANCE + ", at most " + Logistic.MAX_ITERATIONS
                    + " iterations");
            m.put("inputs", String.join(",", INPUTS));
            m.put("reference_regime", REFERENCE_REGIME);
            edge.putInto(m);
            return m;
        }
    }

    /** One additive term of a meta prediction's logit. */
    record Term(String name, int input, double weight, double value, double contribution) {
    }

    record Explained(double probability, double expectedReturn, List<Term> terms) {
    }

    /** Training diagnostics recorded with the model version. */
    record Fit(int iterations, double gradientNorm) {
    }

    private final double[] weights; // per input, binary logit
    private final double intercept;
    private final EdgeCurve edge;
    private final Fit fit;

    private MetaModel(double[] weights, double intercept, EdgeCurve edge, Fit fit) {
        this.weights = weights;
        this.intercept = intercept;
        this.edge = edge;
        this.fit = fit;
    }

    private static int[] regimeColumns() {
        int[] c = new int[RegimeModel.K - 1];
        int k = 0;
        for (int i = 0; i < RegimeModel.K; i++) {
            if (!RegimeModel.REGIMES.get(i).equals(REFERENCE_REGIME)) {
                c[k++] = i;
            }
        }
        return c;
    }

    static double logit(double p) {
        double q = Math.min(1 - 1e-6, Math.max(1e-6, p));
        return Math.log(q / (1 - q));
    }

    static double[] inputs(double pTree, double pDeep, double[] regimeProbabilities) {
        double[] v = new double[INPUTS.size()];
        v[TREE] = logit(pTree);
        v[DEEP] = logit(pDeep);
        for (int j = 0; j < REGIME_COLUMNS.length; j++) {
            v[FIRST_REGIME + j] = regimeProbabilities[REGIME_COLUMNS[j]];
        }
        return v;
    }

    /**
     * Fits the logistic regression on {@code rows}, then the edge curve on the same rows: realised net return
     * ({@code forwardReturn - roundTrip}) against this model's probability.
     *
     * @param z meta inputs per row (see {@link #inputs}); only rows listed are used
     */
    static MetaModel train(double[][] z, byte[] y, double[] forwardReturn, int[] rows, double roundTrip, Params p) {
        Logistic.Fit f = Logistic.fit(z, y, rows, p.l2());
        MetaModel noEdge = new MetaModel(f.weights(), f.intercept(), null, new Fit(f.iterations(), f.gradientNorm()));
        double[] prob = new double[z.length];
        double[] net = new double[z.length];
        for (int r : rows) {
            prob[r] = noEdge.probability(z[r]);
            net[r] = forwardReturn[r] - roundTrip;
        }
        return new MetaModel(f.weights(), f.intercept(), EdgeCurve.fit(prob, net, rows, p.edge()), noEdge.fit);
    }

    private double logitOf(double[] z) {
        double logit = intercept;
        for (int j = 0; j < weights.length; j++) {
            logit += weights[j] * z[j];
        }
        return logit;
    }

    double probability(double[] z) {
        return 1.0 / (1.0 + Math.exp(-logitOf(z)));
    }

    Explained explain(double[] z) {
        double logit = intercept;
        List<Term> terms = new ArrayList<>(INPUTS.size() + 1);
        for (int j = 0; j < weights.length; j++) {
            double c = weights[j] * z[j];
            logit += c;
            terms.add(new Term(INPUTS.get(j), j, weights[j], z[j], c));
        }
        terms.add(new Term("intercept", -1, intercept, 1.0, intercept));
        double p = 1.0 / (1.0 + Math.exp(-logit));
        return new Explained(p, edge.at(p), List.copyOf(terms));
    }

    EdgeCurve edge() {
        return edge;
    }

    Fit fit() {
        return fit;
    }

    double[] weights() {
        return weights.clone();
    }

    double intercept() {
        return intercept;
    }

    byte[] artifact() {
        return Artifact.encode(KIND, out -> {
            Artifact.writeDoubles(out, weights);
            out.writeDouble(intercept);
            edge.write(out);
        });
    }

    static MetaModel load(byte[] artifact, String sha256) {
        return Artifact.decode(artifact, sha256, KIND, MetaModel::read);
    }

    private static MetaModel read(DataInputStream in) throws IOException {
        double[] w = Artifact.readDoubles(in);
        if (w.length != INPUTS.size()) {
            throw new IOException("meta artifact has " + w.length + " weights, expected " + INPUTS.size());
        }
        return new MetaModel(w, in.readDouble(), EdgeCurve.read(in), new Fit(-1, Double.NaN));
    }
}
