package io.tradingcore.adapter.ml;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pure-Java evaluation of an XGBoost multi:softprob ensemble, parsed from the booster's own text dump. Creating an
 * XGBoost DMatrix per asset-hour costs far more than walking a few hundred shallow trees, so inference walks the
 * trees here; {@link TreeModel} checks at training time that both paths agree.
 */
final class TreeEnsemble {

    private static final Pattern SPLIT = Pattern.compile(
            "\\s*(\\d+):\\[f(\\d+)<([^\\]]+)\\] yes=(\\d+),no=(\\d+),missing=(\\d+)");
    private static final Pattern LEAF = Pattern.compile("\\s*(\\d+):leaf=(\\S+)");

    private record Tree(int[] feature, float[] threshold, int[] yes, int[] no, int[] missing, float[] leaf) {
    }

    private final int classes;
    /**
     * All trees' nodes in one set of arrays (tree t's nodes from {@code root[t]}, children as absolute indices;
     * {@code feature} -1 at a leaf): one walk touches a few contiguous arrays instead of six per tree.
     */
    private final int[] root;
    private final int[] feature;
    private final float[] threshold;
    private final int[] yes;
    private final int[] no;
    private final int[] missing;
    private final float[] leaf;

    private TreeEnsemble(List<Tree> trees, int classes) {
        this.classes = classes;
        int total = 0;
        for (Tree t : trees) {
            total += t.feature.length;
        }
        root = new int[trees.size()];
        feature = new int[total];
        threshold = new float[total];
        yes = new int[total];
        no = new int[total];
        missing = new int[total];
        leaf = new float[total];
        int base = 0;
        for (int t = 0; t < trees.size(); t++) {
            Tree tree = trees.get(t);
            root[t] = base;
            for (int i = 0; i < tree.feature.length; i++) {
                feature[base + i] = tree.feature[i];
                threshold[base + i] = tree.threshold[i];
                yes[base + i] = base + tree.yes[i];
                no[base + i] = base + tree.no[i];
                missing[base + i] = base + tree.missing[i];
                leaf[base + i] = tree.leaf[i];
            }
            base += tree.feature.length;
        }
    }

    static TreeEnsemble parse(String[] dump, int classes) {
        List<Tree> trees = new ArrayList<>(dump.length);
        for (String text : dump) {
            String[] lines = text.split("\n");
            int size = 0;
            for (String line : lines) {
                if (!line.isBlank()) {
                    size = Math.max(size, Integer.parseInt(line.trim().substring(0, line.trim().indexOf(':'))) + 1);
                }
            }
            int[] feature = new int[size];
            float[] threshold = new float[size];
            int[] yes = new int[size];
            int[] no = new int[size];
            int[] missing = new int[size];
            float[] leaf = new float[size];
            Arrays.fill(feature, -2);
            for (String line : lines) {
                if (line.isBlank()) {
                    continue;
                }
                Matcher m = SPLIT.matcher(line);
                if (m.matches()) {
                    int id = Integer.parseInt(m.group(1));
                    feature[id] = Integer.parseInt(m.group(2));
                    threshold[id] = Float.parseFloat(m.group(3));
                    yes[id] = Integer.parseInt(m.group(4));
                    no[id] = Integer.parseInt(m.group(5));
                    missing[id] = Integer.parseInt(m.group(6));
                    continue;
                }
                Matcher l = LEAF.matcher(line);
                if (!l.matches()) {
                    throw new IllegalStateException("unexpected XGBoost dump line: " + line);
                }
                int id = Integer.parseInt(l.group(1));
                feature[id] = -1;
                leaf[id] = Float.parseFloat(l.group(2));
            }
            trees.add(new Tree(feature, threshold, yes, no, missing, leaf));
        }
        return new TreeEnsemble(List.copyOf(trees), classes);
    }

    /** Softmax probability of {@code positiveClass}; {@code row} is in booster column order, NaN = missing. */
    double probability(float[] row, int positiveClass) {
        double[] margin = new double[classes];
        for (int t = 0; t < root.length; t++) {
            int node = root[t];
            while (feature[node] >= 0) {
                float v = row[feature[node]];
                node = Float.isNaN(v) ? missing[node] : (v < threshold[node] ? yes[node] : no[node]);
            }
            margin[t % classes] += leaf[node];
        }
        double max = Double.NEGATIVE_INFINITY;
        for (double m : margin) {
            max = Math.max(max, m);
        }
        double sum = 0;
        for (double m : margin) {
            sum += Math.exp(m - max);
        }
        return Math.exp(margin[positiveClass] - max) / sum;
    }
}
