package io.tradingcore.adapter.ml;

import io.tradingcore.domain.Horizon;
import io.tradingcore.domain.AssetId;
import io.tradingcore.domain.Candle;
import io.tradingcore.domain.DeterministicIds;
import io.tradingcore.domain.HourTs;
import io.tradingcore.domain.ModelRole;
import io.tradingcore.domain.ModelVersionId;
import io.tradingcore.ports.out.FeatureEngine;
import io.tradingcore.ports.out.ModelStack;
import io.tradingcore.ports.out.ModelTrainer;
import io.tradingcore.ports.out.ModelVersion;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * {@link ModelTrainer} for one outer walk-forward fold. Inside [trainFrom, trainTo) it runs its own walk-forward
 * (first half of the window for the first inner training, then two test quarters) so the meta-learner sees only
 * out-of-fold base predictions; the base models of the returned stack are then refitted on the whole window.
 */
final class MlModelTrainer implements ModelTrainer {

    private final TrainingConfig base;
    private final String modelName;
    /**
     * One feature engine for every stack this trainer makes: a walk-forward backtest trains a stack per fold, and the
     * engine's previous windows ({@link FeatureWindow}) then carry over from one fold's last hour to the next fold's
     * first instead of converting 169 candles per asset again (the values are the same either way).
     */
    private final MlFeatureEngine engine;

    MlModelTrainer(TrainingConfig base, String modelName) {
        if (modelName == null || modelName.isBlank()) {
            throw new IllegalArgumentException("model name must not be blank");
        }
        this.base = base;
        this.modelName = modelName;
        this.engine = new MlFeatureEngine(base.options().features());
    }

    @Override
    public TrainedStack train(SortedMap<AssetId, List<Candle>> candles, HourTs trainFrom, HourTs trainTo, long seed) {
        if (!trainFrom.isBefore(trainTo)) {
            throw new IllegalArgumentException("trainFrom " + trainFrom + " must be before trainTo " + trainTo);
        }
        Samples s = samples(candles, trainFrom, trainTo);
        if (s.size() < minimumSamples()) {
            throw new TooFewSamplesException(s.size(), minimumSamples(), trainFrom, trainTo);
        }
        Duration window = Duration.ofSeconds(s.hour[s.size() - 1] - s.hour[0] + 3600);
        TrainingConfig c = new TrainingConfig(seed, base.cost(), base.purge(), base.embargo(), window.dividedBy(2),
                window.dividedBy(4), null, base.enterThreshold(), base.minMetaRows(), base.tree(), base.deep(),
                base.regime(), base.meta(), base.options());
        WalkForward.Result r = WalkForward.run(s, c, modelName);
        return new Trained(r, s, c, engine);
    }

    @Override
    public java.util.OptionalInt trainingSamples(SortedMap<AssetId, List<Candle>> candles, HourTs trainFrom, HourTs trainTo) {
        return java.util.OptionalInt.of(samples(candles, trainFrom, trainTo).size());
    }

    /** Four times the rows META needs out of fold (2,000 with the defaults). */
    int minimumSamples() {
        return 4 * base.minMetaRows();
    }

    private Samples samples(SortedMap<AssetId, List<Candle>> candles, HourTs trainFrom, HourTs trainTo) {
        // a label needs the open of candle H+h, known only when that candle exists: dropping every candle that
        // closes after trainTo keeps all labels inside the training window
        return Samples.build(bars(candles, trainTo.toInstant()), trainFrom.toInstant(), trainTo.toInstant(), base.cost(),
                base.options().features());
    }

    static SortedMap<String, List<Bar>> bars(SortedMap<AssetId, List<Candle>> candles, Instant closedBy) {
        SortedMap<String, List<Bar>> out = new TreeMap<>();
        candles.forEach((asset, list) -> {
            List<Candle> kept = closedBy == null ? list
                    : list.stream().filter(c -> !c.closeTime().toInstant().isAfter(closedBy)).toList();
            out.put(key(asset), DomainBars.bars(kept));
        });
        return out;
    }

    /** Zero-padded so that the String order of assets equals the AssetId order. */
    private static String key(AssetId a) {
        return String.format("%05d", a.value());
    }

    static ModelVersionId versionId(TrainedModel m) {
        return new ModelVersionId(DeterministicIds.uuid("model_version", m.name(), m.role().name(),
                m.horizon() == null ? "-" : m.horizon().name(), m.sha256()));
    }

    static ModelVersion version(TrainedModel m) {
        SortedMap<String, BigDecimal> metrics = new TreeMap<>();
        m.metrics().forEach((k, v) -> metrics.put(k, ModelTrainer.metric(v)));
        return new ModelVersion(versionId(m), m.name(), m.role(),
                m.horizon(), m.trainFrom(), m.trainTo(),
                m.hyperParams(), m.seed(), metrics, m.sha256(), false);
    }

    static MlModelStack modelStack(Stack stack, List<TrainedModel> models) {
        ModelVersionId regime = null;
        Map<Horizon, ModelVersionId> tree = new EnumMap<>(Horizon.class);
        Map<Horizon, ModelVersionId> deep = new EnumMap<>(Horizon.class);
        Map<Horizon, ModelVersionId> meta = new EnumMap<>(Horizon.class);
        for (TrainedModel m : models) {
            ModelVersionId id = versionId(m);
            switch (m.role()) {
                case REGIME -> regime = id;
                case BASE_TREE -> tree.put(m.horizon(), id);
                case BASE_DEEP -> deep.put(m.horizon(), id);
                case META -> meta.put(m.horizon(), id);
            }
        }
        return new MlModelStack(stack, regime, tree, deep, meta);
    }

    /** Prefix of XGBoost's feature importance in the BASE_TREE metrics ({@link TreeModel#importance}). */
    static final String IMPORTANCE = "importance_gain.";

    /** The result of one training: engine, stack, artifacts and after-the-fact evaluation. */
    private static final class Trained implements TrainedStack {
        private final WalkForward.Result result;
        private final MlModelStack stack;
        private final double[] trainPositiveRate;
        /** Per horizon, the volatility-only baseline fitted on the training rows (null where none were labelled). */
        private final VolBaseline[] volBaseline;
        private final TrainingConfig config;
        private final MlFeatureEngine engine;

        Trained(WalkForward.Result result, Samples s, TrainingConfig config, MlFeatureEngine engine) {
            this.result = result;
            this.config = config;
            this.engine = engine;
            this.stack = MlModelTrainer.modelStack(result.stack(), result.models());
            this.trainPositiveRate = new double[Horizon.values().length];
            this.volBaseline = new VolBaseline[Horizon.values().length];
            for (Horizon h : Horizon.values()) {
                volBaseline[h.ordinal()] = VolBaseline.fit(s, h).orElse(null);
                int[] rows = s.labelled(h, Samples.range(0, s.size()));
                long pos = java.util.Arrays.stream(rows).filter(r -> s.label[h.ordinal()][r] > 0).count();
                trainPositiveRate[h.ordinal()] = rows.length == 0 ? 0.5 : (double) pos / rows.length;
            }
        }

        @Override
        public FeatureEngine featureEngine() {
            return engine;
        }

        @Override
        public ModelStack modelStack() {
            return stack;
        }

        @Override
        public List<TrainedArtifact> artifacts() {
            List<TrainedArtifact> out = new ArrayList<>();
            for (TrainedModel m : result.models()) {
                out.add(new TrainedArtifact(version(m), m.artifact()));
            }
            return List.copyOf(out);
        }

        @Override
        public SortedMap<String, BigDecimal> evaluate(SortedMap<AssetId, List<Candle>> candles, HourTs testFrom,
                                                     HourTs testTo) {
            Samples s = Samples.build(bars(candles, null), testFrom.toInstant(), testTo.toInstant(), config.cost(),
                    config.options().features());
            SortedMap<String, Double> m = Evaluation.metrics(s, stack.stack(), trainPositiveRate,
                    config.enterThreshold());
            // the volatility-only baseline beside the constant one (issue 12): the report warns where a model is worse
            for (Horizon h : Horizon.values()) {
                int[] rows = s.labelled(h, Samples.range(0, s.size()));
                VolBaseline vol = volBaseline[h.ordinal()];
                if (rows.length == 0 || vol == null) {
                    continue;
                }
                double[] q = new double[rows.length];
                byte[] y = new byte[rows.length];
                for (int i = 0; i < rows.length; i++) {
                    q[i] = vol.probability(s.x[rows[i]]);
                    y[i] = s.label[h.ordinal()][rows[i]];
                }
                m.put("baseline_vol." + h + ".log_loss", Metrics.logLoss(q, y));
            }
            // the fold's XGBoost feature importance (its final trees', as in their model_version metrics), for the report
            for (TrainedModel t : result.models()) {
                if (t.role() == ModelRole.BASE_TREE) {
                    t.metrics().forEach((k, v) -> {
                        if (k.startsWith(IMPORTANCE)) {
                            m.put(t.role() + "." + t.horizon() + "." + k, v);
                        }
                    });
                }
            }
            SortedMap<String, BigDecimal> out = new TreeMap<>();
            m.forEach((k, v) -> {
                if (Double.isFinite(v)) {
                    out.put(k, ModelTrainer.metric(v));
                }
            });
            return out;
        }
    }
}
