package io.tradingcore.ports.testing;

import io.tradingcore.domain.BasePrediction;
import io.tradingcore.domain.DeterministicIds;
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

/**
 * A deterministic fake of the model stack: momentum in, probabilities out. Regime from the window
 * return; base models are logistic functions of a momentum score with fixed slopes; the meta model
 * averages them and records each as a component. Pure: same features, same prediction.
 */
public final class FakeModelStack implements ModelStack {
    private final double sensitivity;

    /** @param sensitivity how strongly momentum moves the probabilities (e.g. 40) */
    public FakeModelStack(double sensitivity) {
        this.sensitivity = sensitivity;
    }

    public static ModelVersionId versionOf(ModelRole role, Horizon h) {
        return new ModelVersionId(DeterministicIds.uuid("fake-model", role.name(), h == null ? "-" : h.name()));
    }

    @Override
    public StackPrediction predict(FeatureVector f) {
        double score = 0.6 * f.value("ret_window") + 0.4 * f.value("ret_1");
        String regime = score > 0.01 ? "TREND_UP" : score < -0.01 ? "TREND_DOWN" : "RANGE";
        RegimeResult r = new RegimeResult(regime, Math.min(1.0, 0.5 + Math.abs(score) * 10), versionOf(ModelRole.REGIME, null));
        List<BasePrediction> base = new ArrayList<>();
        List<MetaPrediction> meta = new ArrayList<>();
        for (Horizon h : Horizon.values()) {
            double tree = logistic(sensitivity * score);
            double deep = logistic(sensitivity * 0.8 * score + 0.05);
            base.add(new BasePrediction(ModelRole.BASE_TREE, h, versionOf(ModelRole.BASE_TREE, h), tree));
            base.add(new BasePrediction(ModelRole.BASE_DEEP, h, versionOf(ModelRole.BASE_DEEP, h), deep));
            List<MetaComponent> comps = List.of(
                    new MetaComponent("tree_" + h, ModelRole.BASE_TREE, h, 0.5, tree, 0.5 * tree),
                    new MetaComponent("deep_" + h, ModelRole.BASE_DEEP, h, 0.5, deep, 0.5 * deep),
                    new MetaComponent("regime_" + regime, ModelRole.REGIME, null, 0.0, r.confidence(), 0.0));
            double p = 0.5 * tree + 0.5 * deep;
            meta.add(new MetaPrediction(h, versionOf(ModelRole.META, h), p, score * Math.sqrt(h.hours()), comps));
        }
        return new StackPrediction(r, base, meta);
    }

    private static double logistic(double x) {
        return 1.0 / (1.0 + Math.exp(-x));
    }
}
