package io.tradingcore.adapter.ml;

import io.tradingcore.domain.BasePrediction;
import io.tradingcore.domain.FeatureVector;
import io.tradingcore.domain.Horizon;
import io.tradingcore.domain.MetaComponent;
import io.tradingcore.domain.MetaPrediction;
import io.tradingcore.domain.ModelRole;
import io.tradingcore.domain.ModelVersionId;
import io.tradingcore.domain.RegimeResult;
import io.tradingcore.domain.StackPrediction;
import io.tradingcore.ports.out.ModelStack;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@link ModelStack} over a trained {@link Stack}, stamping every output with its model version. */
final class MlModelStack implements ModelStack {

    private final Stack stack;
    private final ModelVersionId regimeId;
    private final Map<Horizon, ModelVersionId> treeIds;
    private final Map<Horizon, ModelVersionId> deepIds;
    private final Map<Horizon, ModelVersionId> metaIds;
    /** The last feature name list found to start with the trained names. */
    private volatile List<String> matchingNames;

    MlModelStack(Stack stack, ModelVersionId regimeId, Map<Horizon, ModelVersionId> treeIds,
                 Map<Horizon, ModelVersionId> deepIds, Map<Horizon, ModelVersionId> metaIds) {
        this.stack = stack;
        this.regimeId = regimeId;
        this.treeIds = Map.copyOf(treeIds);
        this.deepIds = Map.copyOf(deepIds);
        this.metaIds = Map.copyOf(metaIds);
    }

    /**
     * META component carrying the out-of-distribution gate's distance / threshold (above 1: the row is outside the
     * training distribution and the regime is labelled {@link OodGate#LABEL}); only stacks with a gate record it.
     */
    static final String OOD_COMPONENT = MetaComponent.OOD_DISTANCE_RATIO;

    Stack stack() {
        return stack;
    }

    @Override
    public StackPrediction predict(FeatureVector features) {
        List<String> trained = stack.features().names();
        // a newer feature set extends an older one: a stack of the older set reads its own leading values
        List<String> names = features.names();
        if (names != matchingNames) {
            if (names.size() < trained.size() || !names.subList(0, trained.size()).equals(trained)) {
                throw new IllegalArgumentException("feature names " + names
                        + " do not match the names the models were trained on " + trained);
            }
            matchingNames = names; // vectors of one engine share one (immutable) list: checked once
        }
        double[] x = new double[trained.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = features.values().get(i);
        }
        Stack.Output o = stack.predict(x);
        List<BasePrediction> base = new ArrayList<>(6);
        List<MetaPrediction> meta = new ArrayList<>(3);
        for (Horizon h : Horizon.values()) {
            int i = h.ordinal();
            base.add(new BasePrediction(ModelRole.BASE_TREE, h, treeIds.get(h), o.tree()[i]));
            base.add(new BasePrediction(ModelRole.BASE_DEEP, h, deepIds.get(h), o.deep()[i]));
            MetaModel.Explained e = o.meta()[i];
            List<MetaComponent> components = new ArrayList<>(e.terms().size());
            for (MetaModel.Term t : e.terms()) {
                components.add(new MetaComponent(t.name(), role(t), t.input() < MetaModel.FIRST_REGIME ? h : null,
                        t.weight(), t.value(), t.contribution()));
            }
            if (!Double.isNaN(o.ood())) {
                // recorded, not a model input: weight and contribution 0 keep contributions + intercept = logit
                components.add(new MetaComponent(OOD_COMPONENT, ModelRole.REGIME, null, 0.0, o.ood(), 0.0));
            }
            meta.add(new MetaPrediction(h, metaIds.get(h), e.probability(), e.expectedReturn(), components));
        }
        return new StackPrediction(new RegimeResult(o.regime().regime(), o.regime().confidence(), regimeId), base,
                meta);
    }

    @Override
    public java.util.OptionalDouble oodThreshold() {
        return stack.regime.gate().map(g -> java.util.OptionalDouble.of(g.threshold())).orElse(java.util.OptionalDouble.empty());
    }

    private static ModelRole role(MetaModel.Term t) {
        if (t.input() == MetaModel.TREE) {
            return ModelRole.BASE_TREE;
        }
        if (t.input() == MetaModel.DEEP) {
            return ModelRole.BASE_DEEP;
        }
        return t.input() < 0 ? ModelRole.META : ModelRole.REGIME;
    }
}
