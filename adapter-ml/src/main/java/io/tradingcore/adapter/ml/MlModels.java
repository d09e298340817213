package io.tradingcore.adapter.ml;

import io.tradingcore.domain.CostModel;
import io.tradingcore.domain.CostModel;
import io.tradingcore.domain.Horizon;
import io.tradingcore.domain.ModelRole;
import io.tradingcore.ports.out.FeatureEngine;
import io.tradingcore.ports.out.ModelRegistry;
import io.tradingcore.ports.out.ModelStack;
import io.tradingcore.ports.out.ModelTrainer;
import io.tradingcore.ports.out.ModelVersion;
import java.time.Duration;
import io.tradingcore.domain.ModelVersionId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.function.BiFunction;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Public entry point of the ML adapter: the feature engine, the trainer and loading the active stack from the
 * registry. Everything else in this package is package-private; no Tribuo or XGBoost type crosses these methods.
 */
public final class MlModels {

    /** Model name used by {@link #trainer()}; per-horizon models are registered as NAME-H1, NAME-H4, NAME-H24. */
    public static final String DEFAULT_MODEL_NAME = "tc-stack";

    private MlModels() {
    }

    /** The latest feature set's version (what {@link #featureEngine()} computes; stacks of older sets read its leading values). */
    public static final int LATEST_FEATURE_SET = FeatureSet.latest().version();
    /** The feature set new stacks are trained on by default (config {@code model.featureSet}). */
    public static final int DEFAULT_FEATURE_SET = TrainingConfig.Options.DEFAULT.features().version();
    /** Default recency half-life of training rows, in days (0 = no weighting). */
    public static final double DEFAULT_RECENCY_HALF_LIFE_DAYS = TrainingConfig.Options.DEFAULT.recencyHalfLifeDays();
    /** Default quantile of the training rows' distances that becomes the out-of-distribution threshold (0 = no gate). */
    public static final double DEFAULT_OOD_QUANTILE = TrainingConfig.Options.DEFAULT.oodQuantile();
    /** The regime label of a row outside the training distribution (the signal policy takes no entry on it). */
    public static final String OUT_OF_DISTRIBUTION = OodGate.LABEL;
    /** Every regime name the stack can output (the regime model's four, and the OOD gate's label). */
    public static final java.util.List<String> REGIME_NAMES = java.util.stream.Stream.concat(RegimeModel.REGIMES.stream(),
            java.util.stream.Stream.of(OodGate.LABEL)).toList();

    /**
     * The feature engine of the latest feature set: {@link FeatureEngine#lookbackBars()} closed candles in, fixed
     * feature names out. A stack trained on an older set reads its own leading values of these vectors.
     */
    public static FeatureEngine featureEngine() {
        return new MlFeatureEngine(FeatureSet.latest());
    }

    /**
     * The feature engine a loaded {@code stack} was trained on: the same feature set, so that PAPER, LIVE and worker
     * cycles compute and store exactly the feature vectors a backtest with the same models would (a set-1 stack gets
     * the 22 hourly features, not the latest set's longer vectors).
     *
     * @throws IllegalArgumentException for a stack not made by this module
     */
    public static FeatureEngine featureEngine(ModelStack stack) {
        if (stack instanceof MlModelStack s) {
            return new MlFeatureEngine(s.stack().features());
        }
        throw new IllegalArgumentException("not a stack of this module: " + (stack == null ? "null" : stack.getClass().getName()));
    }

    /**
     * Trainer with the default hyper-parameters and options (feature set 1, equal weights, OOD gate at 0.999), the
     * default {@link CostModel}, 24 h purge and 24 h embargo.
     */
    public static ModelTrainer trainer() {
        return trainer(DEFAULT_MODEL_NAME, CostModel.defaults(), 24, 24);
    }

    /**
     * Trainer with the default hyper-parameters.
     *
     * @param costs        the one cost model: labels, the learned expected return and the entry rule are net of its
     *                     round trip
     * @param purgeHours   gap between the end of a training window's rows and an inner test window (>= 24, the
     *                     longest label horizon)
     * @param embargoHours hours after each inner test window left out before the next inner test window starts
     * @throws IllegalArgumentException for a blank name, a purge below 24 h or a negative embargo
     */
    public static ModelTrainer trainer(String modelName, CostModel costs, int purgeHours, int embargoHours) {
        return trainer(modelName, costs, purgeHours, embargoHours, DEFAULT_FEATURE_SET, DEFAULT_RECENCY_HALF_LIFE_DAYS,
                DEFAULT_OOD_QUANTILE);
    }

    /**
     * Trainer with the default hyper-parameters and the given options (config {@code model.*}).
     *
     * @param featureSet          feature set version (1: the 22 hourly features stacks were trained on before
     *                            version 2 existed, with no recency weighting and no gate unless configured;
     *                            2: plus 4-hour and daily aggregates)
     * @param recencyHalfLifeDays training rows of the tree and the MLP weigh 0.5^(age / half-life); 0 = equal weights
     * @param oodQuantile         quantile of the training rows' distances that becomes the out-of-distribution
     *                            threshold; 0 = no gate
     * @throws IllegalArgumentException for a blank name, a purge below 24 h, a negative embargo, an unknown feature
     *                                  set or an option out of range
     */
    public static ModelTrainer trainer(String modelName, CostModel costs, int purgeHours, int embargoHours,
                                       int featureSet, double recencyHalfLifeDays, double oodQuantile) {
        TrainingConfig d = TrainingConfig.defaults(0L);
        TrainingConfig c = new TrainingConfig(0L, costs, Duration.ofHours(purgeHours), Duration.ofHours(embargoHours),
                d.minTrain(), d.testWindow(), null, d.enterThreshold(), d.minMetaRows(), d.tree(), d.deep(),
                d.regime(), d.meta(), new TrainingConfig.Options(FeatureSet.of(featureSet), recencyHalfLifeDays,
                oodQuantile));
        return new MlModelTrainer(c, modelName);
    }

    /**
     * Loads the active REGIME, BASE_TREE, BASE_DEEP and META versions of {@code modelName} from the registry.
     * Each artifact's SHA-256 is checked against its version (by the registry and again here) before decoding.
     *
     * @throws IllegalStateException if a needed model has no active version, or an artifact does not match its
     *                               recorded SHA-256 (it is refused, never loaded)
     */
    public static ModelStack loadActive(ModelRegistry registry, String modelName) {
        return load(registry, modelName, registry::active, "active");
    }

    /**
     * The versions {@link #loadActive} would load now, as {@code "<name>/<ROLE>" -> version id} sorted by key: what
     * a task pins when it is submitted, so that it decides with the same models whenever and wherever it runs
     * (a backtest activating its fold models in between changes nothing for it).
     *
     * @throws IllegalStateException if a needed model has no active version
     */
    public static SortedMap<String, ModelVersionId> activeVersionIds(ModelRegistry registry, String modelName) {
        SortedMap<String, ModelVersionId> ids = new TreeMap<>();
        for (NameAndRole k : stackMembers(modelName)) {
            ModelVersion v = registry.active(k.name(), k.role()).orElseThrow(() -> new IllegalStateException(
                    "no active " + k.role() + " model named " + k.name() + " in the registry"));
            ids.put(k.name() + "/" + k.role(), v.id());
        }
        return ids;
    }

    /**
     * The stack of exactly the versions {@code pinned} names (as {@link #activeVersionIds} returns them), with the
     * same checks as {@link #loadActive}.
     *
     * @throws IllegalStateException if a member is missing from {@code pinned} or from the registry, or an artifact
     *                               does not match its recorded SHA-256
     */
    public static ModelStack loadPinned(ModelRegistry registry, String modelName, Map<String, ModelVersionId> pinned) {
        return load(registry, modelName, (name, role) -> {
            ModelVersionId id = pinned.get(name + "/" + role);
            if (id == null) {
                throw new IllegalStateException("no pinned " + role + " model named " + name + " (pinned: " + pinned.keySet() + ")");
            }
            return registry.find(id);
        }, "pinned");
    }

    private record NameAndRole(String name, ModelRole role, Horizon horizon) {
    }

    private static List<NameAndRole> stackMembers(String modelName) {
        List<NameAndRole> members = new ArrayList<>();
        members.add(new NameAndRole(modelName, ModelRole.REGIME, null));
        for (Horizon h : Horizon.values()) {
            for (ModelRole role : List.of(ModelRole.BASE_TREE, ModelRole.BASE_DEEP, ModelRole.META)) {
                members.add(new NameAndRole(modelName + "-" + h.name(), role, h));
            }
        }
        return members;
    }

    private static ModelStack load(ModelRegistry registry, String modelName,
                                   BiFunction<String, ModelRole, Optional<ModelVersion>> lookup, String which) {
        List<TrainedModel> models = new ArrayList<>();
        for (NameAndRole k : stackMembers(modelName)) {
            models.add(fetch(registry, k.name(), k.role(), k.horizon(), lookup, which));
        }
        return MlModelTrainer.modelStack(loadStack(models), models);
    }

    private static TrainedModel fetch(ModelRegistry registry, String name, ModelRole role, Horizon h,
                                      BiFunction<String, ModelRole, Optional<ModelVersion>> lookup, String which) {
        ModelVersion v = lookup.apply(name, role).orElseThrow(() -> new IllegalStateException(
                "no " + which + " " + role + " model named " + name + " in the registry"));
        Horizon expected = h;
        if (v.horizon() != expected) {
            throw new IllegalStateException(which + " " + role + " model " + name + " is for horizon " + v.horizon()
                    + ", expected " + expected);
        }
        byte[] artifact = registry.loadArtifact(v.id());
        String actual = Artifact.sha256(artifact);
        if (!actual.equals(v.artifactSha256())) {
            throw new Artifact.IntegrityException("refusing to load " + name + "/" + role + ": artifact sha256 "
                    + actual + " does not match the recorded " + v.artifactSha256());
        }
        TreeMap<String, Double> metrics = new TreeMap<>();
        v.metrics().forEach((k, x) -> metrics.put(k, x.doubleValue()));
        TrainedModel m = new TrainedModel(v.name(), role, h, v.trainFrom(), v.trainTo(),
                v.hyperParams(), v.seed(), metrics, artifact, v.artifactSha256());
        if (!MlModelTrainer.versionId(m).equals(v.id())) {
            throw new IllegalStateException("model version id " + v.id() + " was not issued by this adapter for "
                    + name + "/" + role);
        }
        return m;
    }

    /** Rebuilds a stack from artifacts, verifying each artifact's sha256 before decoding it. */
    static Stack loadStack(List<TrainedModel> models) {
        RegimeModel regime = null;
        Map<Horizon, TreeModel> trees = new EnumMap<>(Horizon.class);
        Map<Horizon, DeepModel> deeps = new EnumMap<>(Horizon.class);
        Map<Horizon, MetaModel> metas = new EnumMap<>(Horizon.class);
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
