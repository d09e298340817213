package io.tradingcore.adapter.ml;

import java.io.DataInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.MutableDataset;
import org.tribuo.clustering.ClusterID;
import org.tribuo.clustering.kmeans.KMeansModel;
import org.tribuo.clustering.kmeans.KMeansTrainer;
import org.tribuo.math.distance.L2Distance;
import org.tribuo.math.la.DenseVector;

/**
 * REGIME: Tribuo k-means (k = 4) on scale-free volatility and trend features, clusters named from their centroids:
 * the highest short/long volatility ratio is HIGH_VOL, of the rest the strongest and weakest weekly trend are
 * TRENDING_UP and TRENDING_DOWN, the last is RANGING. Confidence is the soft assignment
 * exp(-d^2/2) / sum exp(-d^2/2) of the winning centroid in standardised space.
 */
final class RegimeModel {

    static final String KIND = "kmeans-regime";
    static final List<String> REGIMES = List.of("TRENDING_UP", "TRENDING_DOWN", "RANGING", "HIGH_VOL");
    static final List<String> INPUTS = List.of("r0_vol_ratio", "r1_trend_168h", "r2_trend_24h");
    static final int K = REGIMES.size();

    record Params(int iterations, int rowStride) {
        static final Params DEFAULT = new Params(30, 3);

        SortedMap<String, String> asMap() {
            SortedMap<String, String> m = new TreeMap<>();
            m.put("library", "tribuo-clustering-kmeans 4.3.2");
            m.put("k", Integer.toString(K));
            m.put("iterations", Integer.toString(iterations));
            m.put("init", "k-means++");
            m.put("distance", "L2");
            m.put("row_stride", Integer.toString(rowStride));
            m.put("inputs", String.join(",", INPUTS));
            return m;
        }
    }

    /** Regime, its confidence and the soft assignment over {@link #REGIMES} in that order. */
    record Result(String regime, double confidence, double[] probabilities) {
    }

    private final Standardizer scaler;
    private final double[][] centroids; // [regime index in REGIMES][input]
    /** The feature set the whole stack was trained on (the REGIME artifact is the stack's one horizon-free part). */
    private final FeatureSet features;
    /** The stack's out-of-distribution gate, or null (feature set 1 stacks have none). */
    private final OodGate gate;

    private RegimeModel(Standardizer scaler, double[][] centroids, FeatureSet features, OodGate gate) {
        this.scaler = scaler;
        this.centroids = centroids;
        this.features = features;
        this.gate = gate;
    }

    /** This model carrying the stack's feature set and OOD gate (both written to the artifact unless V1 without gate). */
    RegimeModel with(FeatureSet set, OodGate ood) {
        return new RegimeModel(scaler, centroids, set, ood);
    }

    FeatureSet features() {
        return features;
    }

    /** The OOD gate, if the stack has one. */
    java.util.Optional<OodGate> gate() {
        return java.util.Optional.ofNullable(gate);
    }

    static double[] inputs(double[] f) {
        double rv24 = Math.max(f[Features.RV_24H], 1e-9);
        double rv168 = Math.max(f[Features.RV_168H], 1e-9);
        return new double[] {
            f[Features.RV_24H] / rv168,
            f[Features.RET_168H] / (rv168 * Math.sqrt(168)),
            f[Features.RET_24H] / (rv24 * Math.sqrt(24))
        };
    }

    static RegimeModel train(double[][] features, int[] rows, Params p, long seed) {
        int[] picked = java.util.stream.IntStream.range(0, rows.length).filter(i -> i % p.rowStride() == 0)
                .map(i -> rows[i]).toArray();
        double[][] raw = new double[features.length][];
        for (int r : picked) {
            raw[r] = inputs(features[r]);
        }
        Standardizer scaler = Standardizer.fit(raw, picked);
        double[][] z = new double[features.length][];
        for (int r : picked) {
            z[r] = standardise(scaler, raw[r]);
        }
        MutableDataset<ClusterID> ds = TribuoData.unlabelled("regime", INPUTS, z, picked);
        KMeansTrainer trainer = new KMeansTrainer(K, p.iterations(), new L2Distance(),
                KMeansTrainer.Initialisation.PLUSPLUS, 1, seed);
        KMeansModel model = trainer.train(ds);
        ImmutableFeatureMap fmap = model.getFeatureIDMap();
        DenseVector[] c = model.getCentroidVectors();
        double[][] centroids = new double[K][INPUTS.size()];
        for (int k = 0; k < K; k++) {
            for (int j = 0; j < INPUTS.size(); j++) {
                centroids[k][j] = c[k].get(fmap.getID(INPUTS.get(j)));
            }
        }
        return new RegimeModel(scaler, name(centroids), FeatureSet.V1, null);
    }

    /** Reorders raw centroids into REGIMES order. */
    private static double[][] name(double[][] raw) {
        Integer[] idx = {0, 1, 2, 3};
        int highVol = Arrays.stream(idx).max((a, b) -> Double.compare(raw[a][0], raw[b][0])).orElseThrow();
        Integer[] rest = Arrays.stream(idx).filter(i -> i != highVol).toArray(Integer[]::new);
        Arrays.sort(rest, (a, b) -> Double.compare(raw[b][1], raw[a][1]));
        return new double[][] {raw[rest[0]], raw[rest[2]], raw[rest[1]], raw[highVol]};
    }

    private static double[] standardise(Standardizer s, double[] v) {
        double[] z = new double[v.length];
        for (int j = 0; j < v.length; j++) {
            z[j] = s.apply(j, v[j]);
        }
        return z;
    }

    Result predict(double[] features) {
        double[] z = standardise(scaler, inputs(features));
        double[] d2 = new double[K];
        double min = Double.POSITIVE_INFINITY;
        for (int k = 0; k < K; k++) {
            for (int j = 0; j < z.length; j++) {
                double diff = z[j] - centroids[k][j];
                d2[k] += diff * diff;
            }
            min = Math.min(min, d2[k]);
        }
        double[] p = new double[K];
        double sum = 0;
        for (int k = 0; k < K; k++) {
            p[k] = Math.exp(-0.5 * (d2[k] - min));
            sum += p[k];
        }
        int best = 0;
        for (int k = 0; k < K; k++) {
            p[k] /= sum;
            if (d2[k] < d2[best]) {
                best = k;
            }
        }
        return new Result(REGIMES.get(best), p[best], p);
    }

    byte[] artifact() {
        return Artifact.encode(KIND, out -> {
            scaler.write(out);
            for (double[] c : centroids) {
                Artifact.writeDoubles(out, c);
            }
            // stacks of feature set 1 without a gate keep exactly the bytes they had before this block existed
            if (features != FeatureSet.V1 || gate != null) {
                out.writeInt(features.version());
                out.writeBoolean(gate != null);
                if (gate != null) {
                    gate.write(out);
                }
            }
        });
    }

    static RegimeModel load(byte[] artifact, String sha256) {
        return Artifact.decode(artifact, sha256, KIND, RegimeModel::read);
    }

    private static RegimeModel read(DataInputStream in) throws IOException {
        Standardizer scaler = Standardizer.read(in);
        double[][] c = new double[K][];
        for (int k = 0; k < K; k++) {
            c[k] = Artifact.readDoubles(in);
        }
        if (in.available() == 0) {
            return new RegimeModel(scaler, c, FeatureSet.V1, null);
        }
        FeatureSet set = FeatureSet.of(in.readInt());
        OodGate gate = in.readBoolean() ? OodGate.read(in) : null;
        return new RegimeModel(scaler, c, set, gate);
    }
}
