package io.tradingcore.adapter.ml;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Public entry point of the ML adapter. */
public final class MlModels {

    private MlModels() {
    }

    /** Rebuilds a stack from registry artifacts, verifying each artifact's sha256 before decoding it. */
    static Stack loadStack(List<TrainedModel> models) {
        RegimeModel regime = null;
        Map<MlHorizon, TreeModel> trees = new EnumMap<>(MlHorizon.class);
        Map<MlHorizon, DeepModel> deeps = new EnumMap<>(MlHorizon.class);
        Map<MlHorizon, MetaModel> metas = new EnumMap<>(MlHorizon.class);
        for (TrainedModel m : models) {
            switch (m.role()) {
                case REGIME -> regime = RegimeModel.load(m.artifact(), m.sha256());
                case BASE_TREE -> trees.put(m.horizon(), TreeModel.load(m.artifact(), m.sha256()));
                case BASE_DEEP -> deeps.put(m.horizon(), DeepModel.load(m.artifact(), m.sha256()));
                case META -> metas.put(m.horizon(), MetaModel.load(m.artifact(), m.sha256()));
            }
        }
        if (regime == null) {
            throw new IllegalArgumentException("no REGIME model among " + models.size() + " models");
        }
        return new Stack(regime, trees, deeps, metas);
    }
}
