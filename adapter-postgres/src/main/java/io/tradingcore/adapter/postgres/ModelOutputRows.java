package io.tradingcore.adapter.postgres;

import io.tradingcore.adapter.postgres.jooq.tables.records.MetaLearnerComponentRecord;
import io.tradingcore.adapter.postgres.jooq.tables.records.ModelPredictionRecord;
import io.tradingcore.adapter.postgres.jooq.tables.records.RegimeOutputRecord;
import io.tradingcore.domain.AssetId;
import io.tradingcore.domain.BasePrediction;
import io.tradingcore.domain.Horizon;
import io.tradingcore.domain.MetaComponent;
import io.tradingcore.domain.MetaPrediction;
import io.tradingcore.domain.ModelRole;
import io.tradingcore.domain.StackPrediction;
import io.tradingcore.domain.run.RunKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.UUID;

/**
 * The rows of one hour's model outputs for {@link PgDecisionRecordRepository#recordModelOutputs}: regime_output,
 * model_prediction (base and META) and meta_learner_component, built from immutable predictions (so they can be
 * built later, on a unit's writer thread).
 */
final class ModelOutputRows {

    private ModelOutputRows() {
    }

    /** Every double Conv.num will convert is finite (then building the rows cannot fail). */
    static boolean allFinite(SortedMap<AssetId, StackPrediction> predictions) {
        for (StackPrediction p : predictions.values()) {
            boolean ok = Double.isFinite(p.regime().confidence());
            for (BasePrediction b : p.base()) {
                ok &= Double.isFinite(b.probability());
            }
            for (MetaPrediction m : p.meta()) {
                ok &= Double.isFinite(m.probability()) && Double.isFinite(m.expectedReturn());
                for (MetaComponent c : m.components()) {
                    ok &= Double.isFinite(c.weight()) && Double.isFinite(c.value()) && Double.isFinite(c.contribution());
                }
            }
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    static List<RegimeOutputRecord> regimes(RunKey key, SortedMap<AssetId, StackPrediction> predictions) {
        List<RegimeOutputRecord> regimes = new ArrayList<>();
        for (Map.Entry<AssetId, StackPrediction> e : predictions.entrySet()) {
            StackPrediction p = e.getValue();
            RegimeOutputRecord ro = new RegimeOutputRecord();
            ro.setRunId(key.runId().value());
            ro.setRunMode(key.mode());
            ro.setHourTsUtc(Conv.hour(key.hour()));
            ro.setAssetId(e.getKey().value());
            ro.setModelVersionId(p.regime().modelVersion().value());
            ro.setModelRole(ModelRole.REGIME);
            ro.setRegimeLabel(p.regime().regime());
            ro.setConfidence(Conv.num(p.regime().confidence()));
            regimes.add(ro);
        }
        return regimes;
    }

    static List<ModelPredictionRecord> predictions(RunKey key, SortedMap<AssetId, StackPrediction> predictions) {
        List<ModelPredictionRecord> preds = new ArrayList<>();
        for (Map.Entry<AssetId, StackPrediction> e : predictions.entrySet()) {
            short asset = e.getKey().value();
            StackPrediction p = e.getValue();
            for (BasePrediction b : p.base()) {
                preds.add(prediction(key, asset, b.role(), b.horizon(), b.modelVersion().value(),
                        b.probability(), null));
            }
            for (MetaPrediction m : p.meta()) {
                preds.add(prediction(key, asset, ModelRole.META, m.horizon(), m.modelVersion().value(),
                        m.probability(), m.expectedReturn()));
            }
        }
        return preds;
    }

    static List<MetaLearnerComponentRecord> components(RunKey key, SortedMap<AssetId, StackPrediction> predictions) {
        List<MetaLearnerComponentRecord> comps = new ArrayList<>();
        for (Map.Entry<AssetId, StackPrediction> e : predictions.entrySet()) {
            short asset = e.getKey().value();
            for (MetaPrediction m : e.getValue().meta()) {
                for (MetaComponent c : m.components()) {
                    MetaLearnerComponentRecord r = new MetaLearnerComponentRecord();
                    r.setRunId(key.runId().value());
                    r.setRunMode(key.mode());
                    r.setHourTsUtc(Conv.hour(key.hour()));
                    r.setAssetId(asset);
                    r.setMetaHorizon(m.horizon());
                    r.setComponentName(c.name());
                    r.setComponentRole(c.role());
                    r.setComponentHorizon(c.horizon());
                    r.setComponentWeight(Conv.num(c.weight()));
                    r.setComponentValue(Conv.num(c.value()));
                    r.setContribution(Conv.num(c.contribution()));
                    comps.add(r);
                }
            }
        }
        return comps;
    }

    private static ModelPredictionRecord prediction(RunKey key, short asset, ModelRole role,
                                                    Horizon horizon, UUID version,
                                                    double probability, Double expectedReturn) {
        ModelPredictionRecord r = new ModelPredictionRecord();
        r.setRunId(key.runId().value());
        r.setRunMode(key.mode());
        r.setHourTsUtc(Conv.hour(key.hour()));
        r.setAssetId(asset);
        r.setModelRole(role);
        r.setHorizon(horizon);
        r.setModelVersionId(version);
        r.setProbability(Conv.num(probability));
        r.setExpectedReturn(expectedReturn == null ? null : Conv.num(expectedReturn));
        return r;
    }
}
