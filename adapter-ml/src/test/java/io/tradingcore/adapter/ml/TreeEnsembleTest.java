package io.tradingcore.adapter.ml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The flattened tree walk gives, bit for bit, what the per-tree walk it replaced gave (kept below as the reference):
 * random ensembles in XGBoost's dump format (missing values, node ids with gaps, two and three classes) on random rows.
 */
class TreeEnsembleTest {

    /** Thresholds and values where an order key could go wrong: signed zeros, tiny, huge and exact ties. */
    private static final float[] THRESHOLDS = {0.0f, -0.0f, Float.MIN_VALUE, -Float.MIN_VALUE, 1.0f, -1.0f,
        Float.MAX_VALUE, -Float.MAX_VALUE, 0.5f, -0.5f};

    @Test
    void orderKeysOrderAsFloatLessThanDoes() {
        float[] v = {Float.NEGATIVE_INFINITY, -Float.MAX_VALUE, -1.0f, -Float.MIN_VALUE, -0.0f, 0.0f, Float.MIN_VALUE,
            1e-30f, 1.0f, Float.MAX_VALUE, Float.POSITIVE_INFINITY};
        for (float a : v) {
            for (float b : v) {
                assertThat(TreeEnsemble.key(a) < TreeEnsemble.key(b)).as("%s < %s", a, b).isEqualTo(a < b);
            }
        }
    }

    @Test
    void flattenedWalkIsBitIdenticalToThePerTreeWalk() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int round = 0; round < 120; round++) {
            int classes = 2 + round % 2;
            int features = 3 + rnd.nextInt(8);
            String[] dump = new String[classes * (1 + rnd.nextInt(30))];
            for (int t = 0; t < dump.length; t++) {
                dump[t] = randomTree(rnd, features, 1 + rnd.nextInt(5));
            }
            TreeEnsemble flat = TreeEnsemble.parse(dump, classes);
            Reference ref = Reference.parse(dump, classes);
            for (int i = 0; i < 400; i++) {
                float[] row = new float[features];
                for (int j = 0; j < features; j++) {
                    int kind = rnd.nextInt(40);
                    row[j] = kind < 3 ? Float.NaN : kind == 3 ? -0.0f : kind == 4 ? 0.0f : kind == 5 ? Float.POSITIVE_INFINITY
                            : kind == 6 ? Float.NEGATIVE_INFINITY : kind == 7 ? Float.MIN_VALUE : kind == 8 ? -Float.MIN_VALUE
                            : kind == 9 ? THRESHOLDS[rnd.nextInt(THRESHOLDS.length)] : (float) rnd.nextGaussian();
                }
                int positive = rnd.nextInt(classes);
                assertThat(Double.doubleToRawLongBits(flat.probability(row, positive)))
                        .isEqualTo(Double.doubleToRawLongBits(ref.probability(row, positive)));
            }
        }
    }

    /** A tree in XGBoost's text dump format with node ids numbered breadth first and an unused id left out. */
    private static String randomTree(SplittableRandom rnd, int features, int depth) {
        StringBuilder sb = new StringBuilder();
        int[] next = {1};
        node(sb, rnd, features, depth, 0, next, 0);
        return sb.toString();
    }

    private static void node(StringBuilder sb, SplittableRandom rnd, int features, int depth, int id, int[] next, int level) {
        String indent = "\t".repeat(level);
        if (depth == 0 || rnd.nextInt(4) == 0) {
            sb.append(indent).append(id).append(":leaf=").append((float) (rnd.nextGaussian() * 0.3)).append('\n');
            return;
        }
        int yes = next[0] + (rnd.nextInt(5) == 0 ? 1 : 0); // sometimes skip an id (a gap)
        int no = yes + 1;
        next[0] = no + 1;
        int missing = rnd.nextBoolean() ? yes : no;
        sb.append(indent).append(id).append(":[f").append(rnd.nextInt(features)).append('<')
                .append(rnd.nextInt(8) == 0 ? THRESHOLDS[rnd.nextInt(THRESHOLDS.length)] : (float) rnd.nextGaussian())
                .append("] yes=").append(yes).append(",no=").append(no).append(",missing=").append(missing).append('\n');
        node(sb, rnd, features, depth - 1, yes, next, level + 1);
        node(sb, rnd, features, depth - 1, no, next, level + 1);
    }

    /** The per-tree walk TreeEnsemble used before its nodes were flattened into shared arrays. */
    private record Reference(List<int[]> feature, List<float[]> threshold, List<int[][]> links, List<float[]> leaf, int classes) {
        private static final Pattern SPLIT = Pattern.compile("\\s*(\\d+):\\[f(\\d+)<([^\\]]+)\\] yes=(\\d+),no=(\\d+),missing=(\\d+)");
        private static final Pattern LEAF = Pattern.compile("\\s*(\\d+):leaf=(\\S+)");

        static Reference parse(String[] dump, int classes) {
            Reference r = new Reference(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), classes);
            for (String text : dump) {
                String[] lines = text.split("\n");
                int size = 0;
                for (String line : lines) {
                    size = Math.max(size, Integer.parseInt(line.trim().substring(0, line.trim().indexOf(':'))) + 1);
                }
                int[] feature = new int[size];
                float[] threshold = new float[size];
                int[][] links = new int[3][size];
                float[] leaf = new float[size];
                java.util.Arrays.fill(feature, -2);
                for (String line : lines) {
                    Matcher m = SPLIT.matcher(line);
                    if (m.matches()) {
                        int id = Integer.parseInt(m.group(1));
                        feature[id] = Integer.parseInt(m.group(2));
                        threshold[id] = Float.parseFloat(m.group(3));
                        links[0][id] = Integer.parseInt(m.group(4));
                        links[1][id] = Integer.parseInt(m.group(5));
                        links[2][id] = Integer.parseInt(m.group(6));
                    } else {
                        Matcher l = LEAF.matcher(line);
                        assertThat(l.matches()).isTrue();
                        int id = Integer.parseInt(l.group(1));
                        feature[id] = -1;
                        leaf[id] = Float.parseFloat(l.group(2));
                    }
                }
                r.feature.add(feature);
                r.threshold.add(threshold);
                r.links.add(links);
                r.leaf.add(leaf);
            }
            return r;
        }

        double probability(float[] row, int positiveClass) {
            double[] margin = new double[classes];
            for (int t = 0; t < feature.size(); t++) {
                int[] f = feature.get(t);
                int[][] l = links.get(t);
                int node = 0;
                while (f[node] >= 0) {
                    float v = row[f[node]];
                    node = Float.isNaN(v) ? l[2][node] : (v < threshold.get(t)[node] ? l[0][node] : l[1][node]);
                }
                margin[t % classes] += leaf.get(t)[node];
            }
            double max = java.util.Arrays.stream(margin).max().orElse(0);
            double sum = 0;
            for (double m : margin) {
                sum += Math.exp(m - max);
            }
            return Math.exp(margin[positiveClass] - max) / sum;
        }
    }
}
