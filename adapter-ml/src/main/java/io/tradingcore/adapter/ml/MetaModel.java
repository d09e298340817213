package io.tradingcore.adapter.ml;

import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.optimisers.AdaGrad;

/**
 * META for one horizon: Tribuo logistic regression stacked on out-of-fold base predictions (as logits) and the
 * regime's soft assignment. Being linear in its inputs, each prediction splits exactly into per-input contributions
 * (weight x value, in logit space) plus the intercept, which is what a user needs to see why a signal fired.
 */
final class MetaModel {

    static final String KIND = "stacked-logistic";
    static final List<String> INPUTS = List.of("m0_tree_logit", "m1_deep_logit", "m2_regime_TRENDING_UP",
            "m3_regime_TRENDING_DOWN", "m4_regime_RANGING", "m5_regime_HIGH_VOL");
    static final int TREE = 0;
    static final int DEEP = 1;
    static final int FIRST_REGIME = 2;

    record Params(int epochs, double learningRate) {
        static final Params DEFAULT = new Params(3, 0.1);

        SortedMap<String, String> asMap() {
            SortedMap<String, String> m = new TreeMap<>();
            m.put("library", "tribuo-classification-sgd 4.3.2 (LinearSGDTrainer, LogMulticlass)");
            m.put("optimiser", "AdaGrad");
            m.put("learning_rate", Double.toString(learningRate));
            m.put("epochs", Integer.toString(epochs));
            m.put("inputs", String.join(",", INPUTS));
            return m;
        }
    }

    /** One additive term of a meta prediction's logit. */
    record Term(String name, int input, double weight, double value, double contribution) {
    }

    record Explained(double probability, double expectedReturn, List<Term> terms) {
    }

    private final double[] weights; // per input, binary logit
    private final double intercept;
    private final double meanReturnIfPositive;
    private final double meanReturnIfNegative;
    private final double cost;

    private MetaModel(double[] weights, double intercept, double meanReturnIfPositive, double meanReturnIfNegative,
                      double cost) {
        this.weights = weights;
        this.intercept = intercept;
        this.meanReturnIfPositive = meanReturnIfPositive;
        this.meanReturnIfNegative = meanReturnIfNegative;
        this.cost = cost;
    }

    static double logit(double p) {
        double q = Math.min(1 - 1e-6, Math.max(1e-6, p));
        return Math.log(q / (1 - q));
    }

    static double[] inputs(double pTree, double pDeep, double[] regimeProbabilities) {
        double[] v = new double[INPUTS.size()];
        v[TREE] = logit(pTree);
        v[DEEP] = logit(pDeep);
        System.arraycopy(regimeProbabilities, 0, v, FIRST_REGIME, RegimeModel.K);
        return v;
    }

    /**
     * @param z meta inputs per row (see {@link #inputs}); only rows listed are used
     * @param forwardReturn gross forward return per row, for the expected-return estimate
     */
    static MetaModel train(double[][] z, byte[] y, double[] forwardReturn, int[] rows, double cost, Params p,
                           long seed) {
        MutableDataset<Label> ds = TribuoData.labelled("meta", INPUTS, z, y, rows);
        LinearSGDTrainer trainer = new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(p.learningRate(), 0.1),
                p.epochs(), Integer.MAX_VALUE, 1, seed);
        LinearSGDModel model = (LinearSGDModel) trainer.train(ds);
        DenseMatrix w = model.getWeightsCopy();
        ImmutableFeatureMap fmap = model.getFeatureIDMap();
        int pos = model.getOutputIDInfo().getID(TribuoData.POSITIVE);
        int neg = model.getOutputIDInfo().getID(TribuoData.NEGATIVE);
        int biasColumn = w.getDimension2Size() - 1;
        double[] weights = new double[INPUTS.size()];
        for (int j = 0; j < weights.length; j++) {
            int id = fmap.getID(INPUTS.get(j));
            weights[j] = id < 0 ? 0.0 : w.get(pos, id) - w.get(neg, id);
        }
        double intercept = w.get(pos, biasColumn) - w.get(neg, biasColumn);
        double sumPos = 0;
        double sumNeg = 0;
        int nPos = 0;
        int nNeg = 0;
        for (int r : rows) {
            if (y[r] > 0) {
                sumPos += forwardReturn[r];
                nPos++;
            } else {
                sumNeg += forwardReturn[r];
                nNeg++;
            }
        }
        MetaModel meta = new MetaModel(weights, intercept, nPos == 0 ? 0 : sumPos / nPos,
                nNeg == 0 ? 0 : sumNeg / nNeg, cost);
        meta.checkAgainst(model, z[rows[0]]);
        return meta;
    }

    /** Guards the weight extraction: our closed form must reproduce Tribuo's own prediction. */
    private void checkAgainst(LinearSGDModel model, double[] z) {
        Prediction<Label> pred = model.predict(new ArrayExample<>(TribuoData.NEGATIVE,
                INPUTS.toArray(String[]::new), z));
        Label scored = pred.getOutputScores().get(TribuoData.POSITIVE.getLabel());
        double tribuo = scored == null ? Double.NaN : scored.getScore();
        double ours = explain(z).probability();
        if (!(Math.abs(tribuo - ours) < 1e-6)) {
            throw new IllegalStateException("meta weight extraction disagrees with Tribuo: " + ours + " vs " + tribuo);
        }
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
        double expected = p * meanReturnIfPositive + (1 - p) * meanReturnIfNegative - cost;
        return new Explained(p, expected, List.copyOf(terms));
    }

    byte[] artifact() {
        return Artifact.encode(KIND, out -> {
            Artifact.writeDoubles(out, weights);
            out.writeDouble(intercept);
            out.writeDouble(meanReturnIfPositive);
            out.writeDouble(meanReturnIfNegative);
            out.writeDouble(cost);
        });
    }

    static MetaModel load(byte[] artifact, String sha256) {
        return Artifact.decode(artifact, sha256, KIND, MetaModel::read);
    }

    private static MetaModel read(DataInputStream in) throws IOException {
        return new MetaModel(Artifact.readDoubles(in), in.readDouble(), in.readDouble(), in.readDouble(),
                in.readDouble());
    }
}
