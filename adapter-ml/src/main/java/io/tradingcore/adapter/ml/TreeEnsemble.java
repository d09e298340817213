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
    /**
     * The same nodes for rows without a missing value, four ints each: {feature, threshold as an order key
     * ({@link #key}), offset of yes, offset of no}; a leaf is {0, 0, its own offset twice}, so every walk of a tree
     * takes exactly {@link #depth} steps, each one arithmetic instead of a branch on the data (a branch per level
     * that the processor mispredicts half the time was most of a walk's cost). Four trees are walked side by side.
     */
    private final int[] step;
    private final int[] depth;

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
        step = new int[4 * total];
        depth = new int[trees.size()];
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
                int at = 4 * (base + i);
                boolean split = tree.feature[i] >= 0;
                step[at] = split ? tree.feature[i] : 0;
                step[at + 1] = split ? key(tree.threshold[i]) : 0;
                step[at + 2] = split ? 4 * (base + tree.yes[i]) : at;
                step[at + 3] = split ? 4 * (base + tree.no[i]) : at;
            }
            depth[t] = depth(tree, 0);
            base += tree.feature.length;
        }
    }

    private static int depth(Tree tree, int node) {
        return tree.feature[node] < 0 ? 0 : 1 + Math.max(depth(tree, tree.yes[node]), depth(tree, tree.no[node]));
    }

    /**
     * An int whose signed order is the float order for every value but NaN: {@code v < t} exactly when
     * {@code key(v) < key(t)} (-0.0 is taken as +0.0 first, as {@code <} compares them equal).
     */
    static int key(float v) {
        int bits = Float.floatToRawIntBits(v + 0.0f);
        return bits ^ ((bits >> 31) & 0x7fffffff);
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
        int[] keys = new int[row.length];
        for (int j = 0; j < row.length; j++) {
            if (Float.isNaN(row[j])) {
                return softmax(marginsWithMissing(row), positiveClass);
            }
            keys[j] = key(row[j]);
        }
        double[] margin = new double[classes];
        int[] s = step;
        int trees = root.length;
        int t = 0;
        int c = 0;
        for (; t + 4 <= trees; t += 4) {
            int a0 = 4 * root[t];
            int a1 = 4 * root[t + 1];
            int a2 = 4 * root[t + 2];
            int a3 = 4 * root[t + 3];
            int d = Math.max(Math.max(depth[t], depth[t + 1]), Math.max(depth[t + 2], depth[t + 3]));
            for (; d > 0; d--) {
                // yes (at + 2) when key(value) < key(threshold): the sign bit of their difference
                a0 = s[a0 + 3 - (int) (((long) keys[s[a0]] - s[a0 + 1]) >>> 63)];
                a1 = s[a1 + 3 - (int) (((long) keys[s[a1]] - s[a1 + 1]) >>> 63)];
                a2 = s[a2 + 3 - (int) (((long) keys[s[a2]] - s[a2 + 1]) >>> 63)];
                a3 = s[a3 + 3 - (int) (((long) keys[s[a3]] - s[a3 + 1]) >>> 63)];
            }
            // summed in tree order, as the one-by-one walk does
            margin[c] += leaf[a0 >> 2];
            c = c + 1 == classes ? 0 : c + 1;
            margin[c] += leaf[a1 >> 2];
            c = c + 1 == classes ? 0 : c + 1;
            margin[c] += leaf[a2 >> 2];
            c = c + 1 == classes ? 0 : c + 1;
            margin[c] += leaf[a3 >> 2];
            c = c + 1 == classes ? 0 : c + 1;
        }
        for (; t < trees; t++) {
            int a = 4 * root[t];
            for (int d = depth[t]; d > 0; d--) {
                a = s[a + 3 - (int) (((long) keys[s[a]] - s[a + 1]) >>> 63)];
            }
            margin[c] += leaf[a >> 2];
            c = c + 1 == classes ? 0 : c + 1;
        }
        return softmax(margin, positiveClass);
    }

    /** The walk for a row with a missing value: node by node, NaN takes each split's missing child. */
    private double[] marginsWithMissing(float[] row) {
        double[] margin = new double[classes];
        for (int t = 0; t < root.length; t++) {
            int node = root[t];
            while (feature[node] >= 0) {
                float v = row[feature[node]];
                node = Float.isNaN(v) ? missing[node] : (v < threshold[node] ? yes[node] : no[node]);
            }
            margin[t % classes] += leaf[node];
        }
        return margin;
    }

    private static double softmax(double[] margin, int positiveClass) {
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
