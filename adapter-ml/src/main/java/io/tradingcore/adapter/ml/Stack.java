package io.tradingcore.adapter.ml;

import io.tradingcore.domain.Horizon;
import java.util.EnumMap;
import java.util.Map;

/**
 * A full trained stack: regime, base models and meta-learners per horizon. Prediction is a pure function of the
 * feature row.
 */
final class Stack {

    /** Everything one prediction produced; arrays are indexed by {@link Horizon#ordinal()}. */
    /**
     * {@code ood}: distance / threshold of the stack's out-of-distribution gate (NaN without a gate); when above 1
     * the regime's label is {@link OodGate#LABEL} (its soft assignment, which META uses, is unchanged).
     */
    record Output(RegimeModel.Result regime, double[] tree, double[] deep, MetaModel.Explained[] meta, double ood) {
    }

    final RegimeModel regime;
    final Map<Horizon, TreeModel> tree;
    final Map<Horizon, DeepModel> deep;
    final Map<Horizon, MetaModel> meta;

    Stack(RegimeModel regime, Map<Horizon, TreeModel> tree, Map<Horizon, DeepModel> deep,
          Map<Horizon, MetaModel> meta) {
        for (Horizon h : Horizon.values()) {
            if (!tree.containsKey(h) || !deep.containsKey(h) || !meta.containsKey(h)) {
                throw new IllegalArgumentException("stack is missing a model for horizon " + h);
            }
        }
        this.regime = regime;
        this.tree = new EnumMap<>(tree);
        this.deep = new EnumMap<>(deep);
        this.meta = new EnumMap<>(meta);
    }

    FeatureSet features() {
        return regime.features();
    }

    Output predict(double[] features) {
        if (features.length != regime.features().size()) {
            throw new IllegalArgumentException("expected " + regime.features().size() + " features, got "
                    + features.length);
        }
        RegimeModel.Result r = regime.predict(features);
        double ood = regime.gate().map(g -> g.ratio(features)).orElse(Double.NaN);
        int n = Horizon.values().length;
        double[] pt = new double[n];
        double[] pd = new double[n];
        MetaModel.Explained[] pm = new MetaModel.Explained[n];
        for (Horizon h : Horizon.values()) {
            int i = h.ordinal();
            pt[i] = tree.get(h).probability(features);
            pd[i] = deep.get(h).probability(features);
            pm[i] = meta.get(h).explain(MetaModel.inputs(pt[i], pd[i], r.probabilities()));
        }
        RegimeModel.Result labelled = ood > 1.0
                ? new RegimeModel.Result(OodGate.LABEL, r.confidence(), r.probabilities()) : r;
        return new Output(labelled, pt, pd, pm, ood);
    }
}
