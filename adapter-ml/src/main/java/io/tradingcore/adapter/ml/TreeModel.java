package io.tradingcore.adapter.ml;

import java.io.DataInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.impl.ArrayExample;
import org.tribuo.classification.Label;
import org.tribuo.classification.xgboost.XGBoostClassificationTrainer;
import org.tribuo.common.xgboost.XGBoostModel;

/**
 * BASE_TREE: gradient-boosted trees trained with Tribuo's XGBoost trainer. The artifact keeps the booster's own
 * JSON model plus the column mapping Tribuo chose (Tribuo's own serialisation embeds a training timestamp, so its
 * bytes would differ run to run). Inference walks the trees in Java ({@link TreeEnsemble}); a training-time check
 * proves it agrees with Tribuo's prediction.
 */
final class TreeModel implements BinaryModel {

    static final String KIND = "xgboost-booster";

    /**
     * {@code threads}: 1 by default. On this shared 2-core machine OpenMP's spinning workers made 2 threads 5-30x
     * slower than 1 whenever other processes were busy.
     */
    record Params(int trees, double eta, int maxDepth, double minChildWeight, double subsample, double colsample,
                  double lambda, int maxBin, int threads) {
        static final Params DEFAULT = new Params(60, 0.1, 4, 50.0, 0.5, 0.8, 1.0, 64, 1);

        java.util.Map<String, Object> xgboost(long seed) {
            java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
            // Tribuo's classification trainer sets num_class; two classes -> two trees per round
            m.put("objective", "multi:softprob");
            m.put("booster", "gbtree");
            m.put("tree_method", "hist");
            m.put("eta", eta);
            m.put("max_depth", maxDepth);
            m.put("min_child_weight", minChildWeight);
            m.put("subsample", subsample);
            m.put("colsample_bytree", colsample);
            m.put("lambda", lambda);
            m.put("max_bin", maxBin);
            m.put("nthread", threads);
            m.put("seed", seed);
            m.put("verbosity", 0);
            return m;
        }

        SortedMap<String, String> asMap() {
            SortedMap<String, String> m = new TreeMap<>();
            m.put("library", "tribuo-classification-xgboost 4.3.2 / xgboost4j 1.6.2");
            m.put("booster", "gbtree");
            m.put("tree_method", "hist");
            m.put("trees", Integer.toString(trees));
            m.put("eta", Double.toString(eta));
            m.put("max_depth", Integer.toString(maxDepth));
            m.put("min_child_weight", Double.toString(minChildWeight));
            m.put("subsample", Double.toString(subsample));
            m.put("colsample_bytree", Double.toString(colsample));
            m.put("lambda", Double.toString(lambda));
            m.put("max_bin", Integer.toString(maxBin));
            m.put("threads", Integer.toString(threads));
            return m;
        }
    }

    private final byte[] boosterJson;
    private final int[] column; // column[j] = booster column of feature j, -1 when Tribuo never saw it
    private final int width;
    private final int positiveClass;
    private final TreeEnsemble ensemble;
    private final int classes;
    /** Tribuo's provenance of the model this was trained as ({@link TribuoProvenance}); null once loaded. */
    private String provenance;

    private TreeModel(byte[] boosterJson, int[] column, int width, int positiveClass, int classes) {
        this.boosterJson = boosterJson;
        this.column = column;
        this.width = width;
        this.positiveClass = positiveClass;
        this.classes = classes;
        try {
            Booster booster = XGBoost.loadModel(boosterJson);
            try {
                this.ensemble = TreeEnsemble.parse(booster.getModelDump((String) null, false), classes);
            } finally {
                booster.dispose();
            }
        } catch (XGBoostError | IOException e) {
            throw new IllegalStateException("cannot load XGBoost booster: " + e.getMessage(), e);
        }
    }

    static TreeModel train(List<String> names, double[][] x, byte[] y, int[] rows, Params p, long seed) {
        return train(names, x, y, rows, null, p, seed);
    }

    /** @param weight per-row training weight (Tribuo example weights, which XGBoost uses), or null for 1 each */
    static TreeModel train(List<String> names, double[][] x, byte[] y, int[] rows, double[] weight, Params p,
                           long seed) {
        MutableDataset<Label> ds = TribuoData.labelled("base-tree", names, x, y, rows, weight);
        XGBoostClassificationTrainer trainer = new XGBoostClassificationTrainer(p.trees(), p.xgboost(seed));
        XGBoostModel<Label> model = (XGBoostModel<Label>) trainer.train(ds);
        ImmutableFeatureMap fmap = model.getFeatureIDMap();
        int[] column = new int[names.size()];
        for (int j = 0; j < column.length; j++) {
            column[j] = fmap.getID(names.get(j));
        }
        TreeModel tree;
        try {
            byte[] json = model.getInnerModels().get(0).toByteArray("json");
            tree = new TreeModel(json, column, fmap.size(), model.getOutputIDInfo().getID(TribuoData.POSITIVE),
                    model.getOutputIDInfo().size());
        } catch (XGBoostError e) {
            throw new IllegalStateException("cannot serialise XGBoost booster: " + e.getMessage(), e);
        }
        tree.checkAgainst(model, names, x[rows[0]]);
        tree.provenance = TribuoProvenance.json(model.getProvenance());
        return tree;
    }

    /** Guards the direct booster path: it must reproduce Tribuo's own prediction for a training row. */
    private void checkAgainst(XGBoostModel<Label> model, List<String> names, double[] x) {
        Prediction<Label> pred = model.predict(new ArrayExample<>(TribuoData.NEGATIVE, names.toArray(String[]::new), x));
        Label scored = pred.getOutputScores().get(TribuoData.POSITIVE.getLabel());
        double tribuo = scored == null ? Double.NaN : scored.getScore();
        double ours = probability(x);
        if (!(Math.abs(tribuo - ours) < 1e-5)) {
            throw new IllegalStateException("XGBoost booster path disagrees with Tribuo: " + ours + " vs " + tribuo);
        }
    }

    /**
     * XGBoost's feature importance (total gain over all splits on the feature, both class trees), normalised to sum
     * to 1, keyed {@code importance_gain.<feature name>}; features never split on are 0.
     */
    SortedMap<String, Double> importance(List<String> names) {
        SortedMap<String, Double> out = new TreeMap<>();
        try {
            Booster booster = XGBoost.loadModel(boosterJson);
            try {
                java.util.Map<String, Double> gain = booster.getScore((String) null, "total_gain");
                double total = gain.values().stream().mapToDouble(Double::doubleValue).sum();
                for (int j = 0; j < names.size(); j++) {
                    Double g = column[j] < 0 ? null : gain.get("f" + column[j]);
                    out.put("importance_gain." + names.get(j), g == null || !(total > 0) ? 0.0 : g / total);
                }
            } finally {
                booster.dispose();
            }
        } catch (XGBoostError | IOException e) {
            throw new IllegalStateException("cannot read XGBoost feature importance: " + e.getMessage(), e);
        }
        return out;
    }

    /** Tribuo's provenance JSON of the training run (timestamps and host left out), null for a loaded model. */
    String provenance() {
        return provenance;
    }

    @Override
    public double probability(double[] x) {
        float[] row = new float[width];
        Arrays.fill(row, Float.NaN);
        for (int j = 0; j < column.length; j++) {
            if (column[j] >= 0) {
                row[column[j]] = (float) x[j];
            }
        }
        return ensemble.probability(row, positiveClass);
    }

    @Override
    public byte[] artifact() {
        return Artifact.encode(KIND, out -> {
            out.writeInt(width);
            out.writeInt(positiveClass);
            out.writeInt(classes);
            out.writeInt(column.length);
            for (int c : column) {
                out.writeInt(c);
            }
            Artifact.writeBytes(out, boosterJson);
        });
    }

    static TreeModel load(byte[] artifact, String sha256) {
        return Artifact.decode(artifact, sha256, KIND, TreeModel::read);
    }

    private static TreeModel read(DataInputStream in) throws IOException {
        int width = in.readInt();
        int positive = in.readInt();
        int classes = in.readInt();
        int[] column = new int[in.readInt()];
        for (int j = 0; j < column.length; j++) {
            column[j] = in.readInt();
        }
        return new TreeModel(Artifact.readBytes(in), column, width, positive, classes);
    }

}
