package io.tradingcore.adapter.ml;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The learned entry rule of one horizon: E[net return | META probability p], a monotone (non-decreasing) binned
 * regression of realised net return (forward return minus the cost model's round trip) on p. Rows are sorted by p
 * and cut into equal-count bins (at most {@code bins}, at least {@code minRowsPerBin} rows each); each bin gives a
 * knot (mean p, mean net return), the knots are made non-decreasing by pool-adjacent-violators (weighted by rows),
 * and the estimate is linear between knots and flat beyond them. When the realised net return does not rise with p
 * the knots pool into one flat value, the mean net return: the rule then enters everywhere or nowhere, honestly.
 */
final class EdgeCurve {

    record Params(int bins, int minRowsPerBin) {
        static final Params DEFAULT = new Params(20, 300);

        Params {
            if (bins < 1 || minRowsPerBin < 1) {
                throw new IllegalArgumentException("edge curve: bins and minRowsPerBin must be >= 1");
            }
        }

        void putInto(SortedMap<String, String> m) {
            m.put("edge_regression", "monotone binned (equal-count bins, pool-adjacent-violators), linear between knots");
            m.put("edge_bins", Integer.toString(bins));
            m.put("edge_min_rows_per_bin", Integer.toString(minRowsPerBin));
        }
    }

    private final double[] knotP;
    private final double[] knotEdge;

    private EdgeCurve(double[] knotP, double[] knotEdge) {
        if (knotP.length == 0 || knotP.length != knotEdge.length) {
            throw new IllegalArgumentException("edge curve needs >= 1 knot");
        }
        this.knotP = knotP;
        this.knotEdge = knotEdge;
    }

    /**
     * @param p   META probability per row
     * @param net realised net return per row
     */
    static EdgeCurve fit(double[] p, double[] net, int[] rows, Params params) {
        if (rows.length == 0) {
            throw new IllegalArgumentException("edge curve: no rows");
        }
        Integer[] order = Arrays.stream(rows).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.<Integer>comparingDouble(r -> p[r]).thenComparingInt(r -> r));
        int n = order.length;
        int bins = Math.max(1, Math.min(params.bins(), n / params.minRowsPerBin()));
        double[] x = new double[bins];
        double[] y = new double[bins];
        double[] w = new double[bins];
        for (int b = 0; b < bins; b++) {
            int from = (int) ((long) n * b / bins);
            int to = (int) ((long) n * (b + 1) / bins);
            double sp = 0;
            double sy = 0;
            for (int i = from; i < to; i++) {
                sp += p[order[i]];
                sy += net[order[i]];
            }
            x[b] = sp / (to - from);
            y[b] = sy / (to - from);
            w[b] = to - from;
        }
        // pool adjacent violators: blocks of non-decreasing weighted means
        double[] bv = new double[bins];
        double[] bw = new double[bins];
        int[] bStart = new int[bins];
        int blocks = 0;
        for (int i = 0; i < bins; i++) {
            bv[blocks] = y[i];
            bw[blocks] = w[i];
            bStart[blocks] = i;
            blocks++;
            while (blocks > 1 && bv[blocks - 2] > bv[blocks - 1]) {
                double tw = bw[blocks - 2] + bw[blocks - 1];
                bv[blocks - 2] = (bv[blocks - 2] * bw[blocks - 2] + bv[blocks - 1] * bw[blocks - 1]) / tw;
                bw[blocks - 2] = tw;
                blocks--;
            }
        }
        double[] edge = new double[bins];
        for (int b = 0; b < blocks; b++) {
            int end = b + 1 < blocks ? bStart[b + 1] : bins;
            Arrays.fill(edge, bStart[b], end, bv[b]);
        }
        return new EdgeCurve(x, edge);
    }

    /** Estimated net return at probability {@code p}. */
    double at(double p) {
        if (p <= knotP[0]) {
            return knotEdge[0];
        }
        int last = knotP.length - 1;
        if (p >= knotP[last]) {
            return knotEdge[last];
        }
        int i = Arrays.binarySearch(knotP, p);
        if (i >= 0) {
            return knotEdge[i];
        }
        int hi = -i - 1;
        int lo = hi - 1;
        double span = knotP[hi] - knotP[lo];
        if (!(span > 0)) {
            return knotEdge[hi];
        }
        double t = (p - knotP[lo]) / span;
        return knotEdge[lo] + t * (knotEdge[hi] - knotEdge[lo]);
    }

    int knots() {
        return knotP.length;
    }

    double maxEdge() {
        return knotEdge[knotEdge.length - 1];
    }

    double minEdge() {
        return knotEdge[0];
    }

    /** Knots as text (p:edge), for hyper-parameters and the docs. */
    SortedMap<String, Double> describe() {
        SortedMap<String, Double> m = new TreeMap<>();
        m.put("edge_knots", (double) knotP.length);
        m.put("edge_max", maxEdge());
        m.put("edge_min", minEdge());
        return m;
    }

    void write(DataOutputStream out) throws IOException {
        Artifact.writeDoubles(out, knotP);
        Artifact.writeDoubles(out, knotEdge);
    }

    static EdgeCurve read(DataInputStream in) throws IOException {
        double[] p = Artifact.readDoubles(in);
        double[] e = Artifact.readDoubles(in);
        for (int i = 1; i < p.length; i++) {
            if (!(p[i] >= p[i - 1]) || !(e[i] >= e[i - 1])) {
                throw new IOException("edge curve knots are not non-decreasing");
            }
        }
        return new EdgeCurve(p, e);
    }
}
