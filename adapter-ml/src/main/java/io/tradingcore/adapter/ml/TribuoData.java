package io.tradingcore.adapter.ml;

import java.util.List;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.clustering.ClusterID;
import org.tribuo.clustering.ClusteringFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/** Builds Tribuo datasets from our row arrays; Tribuo types stay inside the adapter. */
final class TribuoData {

    static final Label POSITIVE = new Label("1");
    static final Label NEGATIVE = new Label("0");

    private TribuoData() {
    }

    static MutableDataset<Label> labelled(String description, List<String> names, double[][] x, byte[] y, int[] rows) {
        return labelled(description, names, x, y, rows, null);
    }

    /** @param weight per-row example weight, or null for Tribuo's default weight 1 */
    static MutableDataset<Label> labelled(String description, List<String> names, double[][] x, byte[] y, int[] rows,
                                          double[] weight) {
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> ds = new MutableDataset<>(new SimpleDataSourceProvenance(description, factory), factory);
        String[] n = names.toArray(String[]::new);
        for (int r : rows) {
            ArrayExample<Label> e = new ArrayExample<>(y[r] > 0 ? POSITIVE : NEGATIVE, n, x[r]);
            if (weight != null) {
                e.setWeight((float) weight[r]);
            }
            ds.add(e);
        }
        return ds;
    }

    static MutableDataset<ClusterID> unlabelled(String description, List<String> names, double[][] x, int[] rows) {
        ClusteringFactory factory = new ClusteringFactory();
        MutableDataset<ClusterID> ds = new MutableDataset<>(new SimpleDataSourceProvenance(description, factory), factory);
        String[] n = names.toArray(String[]::new);
        for (int r : rows) {
            ds.add(new ArrayExample<>(ClusteringFactory.UNASSIGNED_CLUSTER_ID, n, x[r]));
        }
        return ds;
    }
}
