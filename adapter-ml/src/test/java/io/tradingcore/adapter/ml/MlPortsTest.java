package io.tradingcore.adapter.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradingcore.domain.AssetId;
import io.tradingcore.domain.BookSnapshot;
import io.tradingcore.domain.Candle;
import io.tradingcore.domain.FeatureVector;
import io.tradingcore.domain.Horizon;
import io.tradingcore.domain.HourTs;
import io.tradingcore.domain.MetaComponent;
import io.tradingcore.domain.MetaPrediction;
import io.tradingcore.domain.ModelRole;
import io.tradingcore.domain.StackPrediction;
import io.tradingcore.ports.out.FeatureEngine;
import io.tradingcore.ports.out.ModelStack;
import io.tradingcore.ports.out.ModelTrainer;
import io.tradingcore.ports.out.ModelVersion;
import io.tradingcore.ports.testing.InMemoryModelRegistry;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MlPortsTest {

    private static final AssetId BTC = AssetId.of(1);
    private static final AssetId ETH = AssetId.of(2);
    private static final HourTs TRAIN_FROM = HourTs.parse("2023-09-01T00:00:00Z");
    private static final HourTs TRAIN_TO = HourTs.parse("2024-01-01T00:00:00Z");

    private SortedMap<AssetId, List<Candle>> candles;
    private ModelTrainer.TrainedStack trained;

    static List<Candle> candles(AssetId asset, String symbol) {
        String resource = "/candles/" + symbol + "_USDT_1h_2023_2024.csv.gz";
        List<Candle> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(MlPortsTest.class.getResourceAsStream(resource)), StandardCharsets.UTF_8))) {
            r.readLine();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] f = line.split(",");
                out.add(Candle.of(asset, HourTs.parse(f[0]), f[1], f[2], f[3], f[4], f[5]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    @BeforeAll
    void train() {
        candles = new TreeMap<>();
        candles.put(BTC, candles(BTC, "BTC"));
        candles.put(ETH, candles(ETH, "ETH"));
        trained = MlModels.trainer().train(candles, TRAIN_FROM, TRAIN_TO, 5L);
    }

    @Test
    void theTrainersInnerWalkForwardUsesTheConfiguredEmbargo() {
        // inner test windows: [W/2, 3W/4) then from 3W/4 + embargo: a longer embargo leaves those hours out of the
        // out-of-fold rows META and its entry rule learn from
        ModelTrainer.TrainedStack embargoed = MlModels.trainer(MlModels.DEFAULT_MODEL_NAME,
                io.tradingcore.domain.CostModel.defaults(), 24, 24 + 240).train(candles, TRAIN_FROM, TRAIN_TO, 5L);
        double rows = metaMetric(trained, "edge_rows");
        double fewer = metaMetric(embargoed, "edge_rows");
        assertThat(rows - fewer).isEqualTo(240.0 * candles.size());
    }

    @Test
    void labelsAndTheExpectedReturnUseTheConfiguredRoundTrip() {
        io.tradingcore.domain.CostModel costs = new io.tradingcore.domain.CostModel(new BigDecimal("7"),
                new BigDecimal("3"), new BigDecimal("2"));
        ModelTrainer.TrainedStack t = MlModels.trainer(MlModels.DEFAULT_MODEL_NAME, costs, 24, 24)
                .train(candles, TRAIN_FROM, TRAIN_TO, 5L);
        for (ModelTrainer.TrainedArtifact a : t.artifacts()) {
            if (a.version().role() == ModelRole.META) {
                assertThat(a.version().hyperParams()).containsEntry("round_trip_cost", "0.0021");
            }
        }
    }

    private static double metaMetric(ModelTrainer.TrainedStack t, String key) {
        return t.artifacts().stream().filter(a -> a.version().role() == ModelRole.META
                && a.version().horizon() == Horizon.H1).findFirst().orElseThrow().version().metrics().get(key).doubleValue();
    }

    private List<Candle> closedBy(AssetId asset, HourTs hour) {
        return candles.get(asset).stream().filter(c -> !c.closeTime().isAfter(hour)).toList();
    }

    @Test
    void featureEngineRefusesCandlesAndBooksFromAfterTheDecisionHour() {
        FeatureEngine engine = MlModels.featureEngine();
        HourTs hour = HourTs.parse("2024-02-01T10:00:00Z");
        List<Candle> closed = closedBy(BTC, hour);
        List<Candle> withOpenCandle = new ArrayList<>(closed);
        withOpenCandle.add(candles.get(BTC).get(closed.size()));
        assertThatThrownBy(() -> engine.compute(BTC, hour, withOpenCandle, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lookahead");
        BookSnapshot late = new BookSnapshot(BTC, hour.toInstant().plusSeconds(1), new BigDecimal("42000"),
                new BigDecimal("42001"), BigDecimal.ONE, BigDecimal.ONE, "test");
        assertThatThrownBy(() -> engine.compute(BTC, hour, closed, Optional.of(late)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("book snapshot");
    }

    @Test
    void featureVectorEndsAtTheLastClosedCandleAndCarriesTheSpread() {
        FeatureEngine engine = MlModels.featureEngine();
        HourTs hour = HourTs.parse("2024-02-01T10:00:00Z");
        List<Candle> closed = closedBy(BTC, hour);
        BookSnapshot book = new BookSnapshot(BTC, hour.toInstant().minusSeconds(5), new BigDecimal("42000"),
                new BigDecimal("42004.2"), BigDecimal.ONE, BigDecimal.ONE, "test");
        FeatureVector v = engine.compute(BTC, hour, closed.subList(closed.size() - engine.lookbackBars(), closed.size()),
                Optional.of(book));
        assertThat(v.windowEnd()).isEqualTo(hour.toInstant());
        assertThat(v.names()).isEqualTo(FeatureSet.latest().names()).startsWith(Features.NAMES.toArray(String[]::new));
        assertThat(v.value("f19_spread_bps")).isEqualTo(1.0);
        // passing the whole history gives the same vector: only the last lookbackBars candles matter
        assertThat(engine.compute(BTC, hour, closed, Optional.of(book))).isEqualTo(v);
    }

    @Test
    void modelStackExplainsEveryMetaPredictionWithItsComponents() {
        ModelStack stack = trained.modelStack();
        HourTs hour = HourTs.parse("2024-01-10T15:00:00Z");
        StackPrediction p = stack.predict(trained.featureEngine().compute(ETH, hour, closedBy(ETH, hour),
                Optional.empty()));
        assertThat(p.base()).hasSize(6).extracting(b -> b.role() + "/" + b.horizon())
                .containsExactly("BASE_TREE/H1", "BASE_TREE/H4", "BASE_TREE/H24", "BASE_DEEP/H1", "BASE_DEEP/H4",
                        "BASE_DEEP/H24");
        assertThat(p.meta()).extracting(MetaPrediction::horizon).containsExactly(Horizon.H1, Horizon.H4, Horizon.H24);
        for (MetaPrediction m : p.meta()) {
            // the default stack has an OOD gate: its distance ratio is recorded last, weight and contribution 0
            assertThat(m.components()).extracting(MetaComponent::role).containsExactly(ModelRole.BASE_TREE,
                    ModelRole.BASE_DEEP, ModelRole.REGIME, ModelRole.REGIME, ModelRole.REGIME, ModelRole.META,
                    ModelRole.REGIME);
            MetaComponent ood = m.components().get(6);
            assertThat(ood.name()).isEqualTo(MetaComponent.OOD_DISTANCE_RATIO);
            assertThat(ood.contribution()).isZero();
            assertThat(ood.value()).isPositive().isLessThan(1.0);
            assertThat(m.components().get(0).horizon()).isEqualTo(m.horizon());
            assertThat(m.components().get(2).horizon()).isNull();
            double logit = m.components().stream().mapToDouble(MetaComponent::contribution).sum();
            assertThat(1 / (1 + Math.exp(-logit))).isCloseTo(m.probability(), org.assertj.core.data.Offset.offset(1e-12));
        }
        assertThat(p.regime().modelVersion()).isNotNull();
    }

    @Test
    void aBookSnapshotChangesNoPredictionOfModelsTrainedWithoutBooks() {
        HourTs hour = HourTs.parse("2024-01-10T15:00:00Z");
        BookSnapshot book = new BookSnapshot(ETH, hour.toInstant().minusSeconds(30), new BigDecimal("2500"),
                new BigDecimal("2501.5"), BigDecimal.ONE, BigDecimal.ONE, "test");
        FeatureVector without = trained.featureEngine().compute(ETH, hour, closedBy(ETH, hour), Optional.empty());
        FeatureVector with = trained.featureEngine().compute(ETH, hour, closedBy(ETH, hour), Optional.of(book));
        assertThat(with.value("f19_spread_bps")).isEqualTo(6.0);
        assertThat(with.value("f20_has_book")).isEqualTo(1.0);
        // the history has no books: spread and has_book were constant in training and must not move anything
        assertThat(trained.modelStack().predict(with)).isEqualTo(trained.modelStack().predict(without));
    }

    @Test
    void refusesAVectorWithOtherFeatureNames() {
        HourTs hour = HourTs.parse("2024-01-10T15:00:00Z");
        FeatureVector v = trained.featureEngine().compute(ETH, hour, closedBy(ETH, hour), Optional.empty());
        List<String> names = new ArrayList<>(v.names());
        names.set(0, "something_else");
        FeatureVector renamed = new FeatureVector(v.asset(), v.hour(), v.windowStart(), v.windowEnd(), names, v.values());
        assertThatThrownBy(() -> trained.modelStack().predict(renamed)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("feature names");
    }

    @Test
    void artifactsRegisterAndTheActiveStackLoadsBackAndPredictsTheSame() {
        InMemoryModelRegistry registry = new InMemoryModelRegistry();
        List<ModelTrainer.TrainedArtifact> artifacts = trained.artifacts();
        assertThat(artifacts).hasSize(10);
        for (ModelTrainer.TrainedArtifact a : artifacts) {
            assertThat(a.version().trainTo()).isBeforeOrEqualTo(TRAIN_TO.toInstant());
            assertThat(a.version().hyperParams()).containsKey("library");
            registry.register(a.version(), a.artifact());
            registry.activate(a.version().id());
        }
        ModelStack loaded = MlModels.loadActive(registry, MlModels.DEFAULT_MODEL_NAME);
        HourTs hour = HourTs.parse("2024-03-03T03:00:00Z");
        FeatureVector v = trained.featureEngine().compute(BTC, hour, closedBy(BTC, hour), Optional.empty());
        assertThat(loaded.predict(v)).isEqualTo(trained.modelStack().predict(v));

        registry.corrupt(artifacts.get(1).version().id());
        assertThatThrownBy(() -> MlModels.loadActive(registry, MlModels.DEFAULT_MODEL_NAME))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void pinnedVersionsAreTheActiveOnesAndLoadTheSameStackWhileAMissingOrUnknownPinIsRefused() {
        InMemoryModelRegistry registry = new InMemoryModelRegistry();
        for (ModelTrainer.TrainedArtifact a : trained.artifacts()) {
            registry.register(a.version(), a.artifact());
            registry.activate(a.version().id());
        }
        java.util.SortedMap<String, io.tradingcore.domain.ModelVersionId> pinned =
                MlModels.activeVersionIds(registry, MlModels.DEFAULT_MODEL_NAME);
        assertThat(pinned).hasSize(10).containsKey(MlModels.DEFAULT_MODEL_NAME + "/REGIME")
                .containsKey(MlModels.DEFAULT_MODEL_NAME + "-H4/META");
        assertThat(pinned.values()).containsExactlyInAnyOrderElementsOf(
                trained.artifacts().stream().map(a -> a.version().id()).toList());
        HourTs hour = HourTs.parse("2024-03-03T03:00:00Z");
        FeatureVector v = trained.featureEngine().compute(BTC, hour, closedBy(BTC, hour), Optional.empty());
        assertThat(MlModels.loadPinned(registry, MlModels.DEFAULT_MODEL_NAME, pinned).predict(v))
                .isEqualTo(trained.modelStack().predict(v));

        java.util.TreeMap<String, io.tradingcore.domain.ModelVersionId> missing = new java.util.TreeMap<>(pinned);
        missing.remove(MlModels.DEFAULT_MODEL_NAME + "-H1/BASE_TREE");
        assertThatThrownBy(() -> MlModels.loadPinned(registry, MlModels.DEFAULT_MODEL_NAME, missing))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no pinned BASE_TREE model named "
                        + MlModels.DEFAULT_MODEL_NAME + "-H1");
        java.util.TreeMap<String, io.tradingcore.domain.ModelVersionId> unknown = new java.util.TreeMap<>(pinned);
        unknown.put(MlModels.DEFAULT_MODEL_NAME + "/REGIME", io.tradingcore.domain.ModelVersionId.of("00000000-0000-0000-0000-000000000001"));
        assertThatThrownBy(() -> MlModels.loadPinned(registry, MlModels.DEFAULT_MODEL_NAME, unknown))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no pinned REGIME model");
    }

    @Test
    void trainingIgnoresEveryCandleClosingAfterTrainToAndRepeatsItselfExactly() {
        SortedMap<AssetId, List<Candle>> perturbed = new TreeMap<>();
        candles.forEach((asset, list) -> perturbed.put(asset, list.stream().map(c -> c.closeTime().isAfter(TRAIN_TO)
                ? Candle.of(asset, c.openTime(), "1.5", "9", "1", "1.5", "0") : c).toList()));
        ModelTrainer.TrainedStack again = MlModels.trainer().train(perturbed, TRAIN_FROM, TRAIN_TO, 5L);
        assertThat(again.artifacts()).extracting(a -> a.version().artifactSha256())
                .isEqualTo(trained.artifacts().stream().map(a -> a.version().artifactSha256()).toList());
        assertThat(again.artifacts()).extracting(a -> a.version().id())
                .isEqualTo(trained.artifacts().stream().map(a -> a.version().id()).toList());
        // hyper-parameters including Tribuo's provenance are reproducible too (re-registration stays idempotent)
        assertThat(again.artifacts()).extracting(a -> a.version().hyperParams())
                .isEqualTo(trained.artifacts().stream().map(a -> a.version().hyperParams()).toList());
    }

    @Test
    void treeVersionsCarryTribuosProvenanceWithoutRunSpecificFieldsAndEveryVersionItsOptions() {
        for (ModelTrainer.TrainedArtifact a : trained.artifacts()) {
            assertThat(a.version().hyperParams()).containsEntry("feature_set", "1")
                    .containsEntry("recency_half_life_days", "0.0").containsEntry("ood_quantile", "0.999");
            if (a.version().role() != ModelRole.BASE_TREE) {
                continue;
            }
            String json = a.version().hyperParams().get("tribuo_provenance");
            assertThat(json).startsWith("[{").contains("XGBoostClassificationTrainer").contains("\"num-examples\"")
                    .doesNotContain("trained-at").doesNotContain("host-short-name").doesNotContain("os-name");
            assertThat(json).endsWith("}]");
        }
        // per-fold held-out figures of the inner walk-forward, for the report's model diagnostics
        ModelVersion meta = trained.artifacts().stream().map(ModelTrainer.TrainedArtifact::version)
                .filter(v -> v.role() == ModelRole.META && v.horizon() == Horizon.H1).findFirst().orElseThrow();
        assertThat(meta.metrics()).containsKeys("wf_fold1_log_loss", "wf_fold1_auc", "wf_fold1_baseline_log_loss",
                "wf_fold1_test_from");
        ModelVersion regime = trained.artifacts().get(0).version();
        assertThat(regime.metrics()).containsKey("ood_threshold");
    }

    @Test
    void anOutlierIsLabelledOutOfDistributionAndThePolicyTakesNoEntry() {
        HourTs hour = HourTs.parse("2024-01-10T15:00:00Z");
        FeatureVector v = trained.featureEngine().compute(ETH, hour, closedBy(ETH, hour), Optional.empty());
        StackPrediction normal = trained.modelStack().predict(v);
        assertThat(normal.regime().regime()).isNotEqualTo(io.tradingcore.domain.RegimeResult.OUT_OF_DISTRIBUTION);
        // a synthetic crash: returns and volatility far beyond anything in the training window
        List<Double> values = new ArrayList<>(v.values());
        for (String f : List.of("f00_ret_1h", "f01_ret_4h", "f02_ret_12h", "f03_ret_24h", "f06_rv_24h", "f14_range_1h",
                "f15_range_24h")) {
            int i = v.names().indexOf(f);
            values.set(i, f.contains("ret") ? -0.6 : 0.5);
        }
        FeatureVector outlier = new FeatureVector(v.asset(), v.hour(), v.windowStart(), v.windowEnd(), v.names(), values);
        StackPrediction p = trained.modelStack().predict(outlier);
        assertThat(p.regime().regime()).isEqualTo(io.tradingcore.domain.RegimeResult.OUT_OF_DISTRIBUTION);
        for (MetaPrediction m : p.meta()) {
            MetaComponent ood = m.components().get(m.components().size() - 1);
            assertThat(ood.name()).isEqualTo(MetaComponent.OOD_DISTANCE_RATIO);
            assertThat(ood.value()).isGreaterThan(1.0);
            double logit = m.components().stream().mapToDouble(MetaComponent::contribution).sum();
            assertThat(1 / (1 + Math.exp(-logit))).isCloseTo(m.probability(), org.assertj.core.data.Offset.offset(1e-12));
        }
        // a huge learned edge would not matter: flat, the policy holds and says why
        io.tradingcore.domain.signal.SignalDecision d = new io.tradingcore.domain.signal.SignalPolicy(
                io.tradingcore.domain.signal.SignalPolicyConfig.defaults()).decide(new io.tradingcore.domain.signal.SignalInput(
                ETH, hour, withEdge(p, 0.05), BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("10000"), null));
        assertThat(d.action()).isEqualTo(io.tradingcore.domain.SignalAction.HOLD);
        assertThat(d.reason()).contains("outside the training distribution").contains("x the threshold");
        assertThat(new io.tradingcore.domain.signal.SignalPolicy(io.tradingcore.domain.signal.SignalPolicyConfig.defaults())
                .decide(new io.tradingcore.domain.signal.SignalInput(ETH, hour, withEdge(normal, 0.05), BigDecimal.ZERO,
                        BigDecimal.ZERO, new BigDecimal("10000"), null)).action())
                .isEqualTo(io.tradingcore.domain.SignalAction.ENTER);
    }

    private static StackPrediction withEdge(StackPrediction p, double edge) {
        List<MetaPrediction> meta = p.meta().stream().map(m -> new MetaPrediction(m.horizon(), m.modelVersion(),
                m.probability(), edge, m.components())).toList();
        return new StackPrediction(p.regime(), p.base(), meta);
    }

    @Test
    void legacyOptionsTrainTheVersionOneStackWithoutGateOrExtraParameters() {
        ModelTrainer.TrainedStack legacy = MlModels.trainer(MlModels.DEFAULT_MODEL_NAME,
                io.tradingcore.domain.CostModel.defaults(), 24, 24, 1, 0, 0).train(candles, TRAIN_FROM, TRAIN_TO, 5L);
        HourTs hour = HourTs.parse("2024-01-10T15:00:00Z");
        FeatureVector v1 = legacy.featureEngine().compute(ETH, hour, closedBy(ETH, hour), Optional.empty());
        assertThat(v1.names()).isEqualTo(Features.NAMES);
        StackPrediction p = legacy.modelStack().predict(v1);
        for (MetaPrediction m : p.meta()) {
            assertThat(m.components()).extracting(MetaComponent::name).doesNotContain(MetaComponent.OOD_DISTANCE_RATIO);
        }
        // a version-1 stack reads its own leading values of a latest-set vector (PAPER/LIVE with older active models)
        FeatureVector v2 = MlModels.featureEngine().compute(ETH, hour, closedBy(ETH, hour), Optional.empty());
        assertThat(v2.values().subList(0, v1.values().size())).isEqualTo(v1.values());
        assertThat(legacy.modelStack().predict(v2)).isEqualTo(p);
        for (ModelTrainer.TrainedArtifact a : legacy.artifacts()) {
            assertThat(a.version().hyperParams()).doesNotContainKeys("feature_set", "tribuo_provenance");
            assertThat(a.version().metrics().keySet()).noneMatch(k -> k.matches("wf_fold[0-9].*"));
        }
        RegimeModel regime = RegimeModel.load(legacy.artifacts().get(0).artifact(),
                legacy.artifacts().get(0).version().artifactSha256());
        assertThat(regime.features()).isEqualTo(FeatureSet.V1);
        assertThat(regime.gate()).isEmpty();
    }

    @Test
    void aFeatureSetTwoStackWithRecencyWeightingDecidesWithoutLookaheadAndRefusesAShorterVector() {
        ModelTrainer.TrainedStack v2 = MlModels.trainer(MlModels.DEFAULT_MODEL_NAME,
                io.tradingcore.domain.CostModel.defaults(), 24, 24, 2, 365, 0.999).train(candles, TRAIN_FROM, TRAIN_TO, 5L);
        for (ModelTrainer.TrainedArtifact a : v2.artifacts()) {
            assertThat(a.version().hyperParams()).containsEntry("feature_set", "2")
                    .containsEntry("recency_half_life_days", "365.0");
        }
        // weighting changes the trees: not the same models as the equal-weight set-2 stack
        ModelTrainer.TrainedStack unweighted = MlModels.trainer(MlModels.DEFAULT_MODEL_NAME,
                io.tradingcore.domain.CostModel.defaults(), 24, 24, 2, 0, 0.999).train(candles, TRAIN_FROM, TRAIN_TO, 5L);
        assertThat(v2.artifacts().get(1).version().artifactSha256())
                .isNotEqualTo(unweighted.artifacts().get(1).version().artifactSha256());
        assertDecisionsIgnoreTheFuture(v2.featureEngine(), v2.modelStack(), 24);
        HourTs hour = HourTs.parse("2024-01-10T15:00:00Z");
        FeatureVector v1 = trained.featureEngine().compute(ETH, hour, closedBy(ETH, hour), Optional.empty());
        assertThat(v1.names()).hasSize(22);
        assertThatThrownBy(() -> v2.modelStack().predict(v1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("feature names");
        // a loaded stack gets the engine of its own feature set (PAPER/LIVE/worker cycles store what a backtest would)
        assertThat(MlModels.featureEngine(v2.modelStack()).compute(ETH, hour, closedBy(ETH, hour), Optional.empty()).names())
                .isEqualTo(FeatureSet.of(2).names());
        assertThat(MlModels.featureEngine(trained.modelStack()).compute(ETH, hour, closedBy(ETH, hour), Optional.empty()))
                .isEqualTo(v1);
    }

    @Test
    void decisionsOfTheRealStackAndPolicyDoNotChangeWhenTheFutureIsPerturbed() {
        // 24 decision hours x 3 assets (SOL was not in training): features -> REGIME/BASE/META -> learned edge ->
        // SignalPolicy; every candle opening at or after H is replaced by a wild one, and nothing of H's decision moves
        assertDecisionsIgnoreTheFuture(trained.featureEngine(), trained.modelStack(), 24);
    }

    private void assertDecisionsIgnoreTheFuture(FeatureEngine engine, ModelStack stack, int hours) {
        io.tradingcore.domain.signal.SignalPolicy policy = new io.tradingcore.domain.signal.SignalPolicy(
                io.tradingcore.domain.signal.SignalPolicyConfig.defaults());
        SortedMap<AssetId, List<Candle>> three = new TreeMap<>(candles);
        three.put(AssetId.of(3), candles(AssetId.of(3), "SOL"));
        for (int k = 0; k < hours; k++) {
            HourTs hour = TRAIN_TO.plusHours(30 + k);
            for (var e : three.entrySet()) {
                AssetId asset = e.getKey();
                List<Candle> future = e.getValue().stream().map(c -> c.openTime().isBefore(hour) ? c
                        : Candle.of(asset, c.openTime(), "3", "90", "1", "70", "12345")).toList();
                io.tradingcore.domain.signal.SignalDecision a = decide(policy, engine, stack, asset, hour, e.getValue());
                io.tradingcore.domain.signal.SignalDecision b = decide(policy, engine, stack, asset, hour, future);
                assertThat(b).isEqualTo(a);
                // the perturbation is visible one hour later, once candle H has closed
                assertThat(decide(policy, engine, stack, asset, hour.plusHours(1), future).probability())
                        .isNotEqualTo(decide(policy, engine, stack, asset, hour.plusHours(1), e.getValue()).probability());
            }
        }
    }

    private static io.tradingcore.domain.signal.SignalDecision decide(io.tradingcore.domain.signal.SignalPolicy policy,
            FeatureEngine engine, ModelStack stack, AssetId asset, HourTs hour, List<Candle> all) {
        List<Candle> closed = all.stream().filter(c -> !c.closeTime().isAfter(hour)).toList();
        StackPrediction p = stack.predict(engine.compute(asset, hour, closed.subList(closed.size() - engine.lookbackBars(),
                closed.size()), Optional.empty()));
        return policy.decide(new io.tradingcore.domain.signal.SignalInput(asset, hour, p, BigDecimal.ZERO, BigDecimal.ZERO,
                new BigDecimal("10000"), null));
    }

    @Test
    void trainingRefusesAWindowWithTooFewSamples() {
        assertThatThrownBy(() -> MlModels.trainer().train(candles, TRAIN_FROM, TRAIN_FROM.plusHours(48), 1L))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("training samples");
        // the count the trainer reports without training is the one it refuses with
        int counted = MlModels.trainer().trainingSamples(candles, TRAIN_FROM, TRAIN_FROM.plusHours(48)).orElseThrow();
        assertThatThrownBy(() -> MlModels.trainer().train(candles, TRAIN_FROM, TRAIN_FROM.plusHours(48), 1L))
                .isInstanceOfSatisfying(io.tradingcore.ports.out.ModelTrainer.TooFewSamplesException.class, e -> {
                    assertThat(e.found()).isEqualTo(counted);
                    assertThat(e.minimum()).isEqualTo(2000);
                    assertThat(e).hasMessage("only " + counted + " training samples in [" + TRAIN_FROM + ", " + TRAIN_FROM.plusHours(48)
                            + "); need at least 2000");
                });
        assertThat(MlModels.trainer().trainingSamples(candles, TRAIN_FROM, TRAIN_FROM.plusHours(24 * 60)).orElseThrow())
                .as("a longer window holds more").isGreaterThan(counted);
    }

    @Test
    void evaluationReportsHeldOutMetricsAgainstTheBaseline() {
        SortedMap<String, BigDecimal> m = trained.evaluate(candles, HourTs.parse("2024-01-02T00:00:00Z"),
                HourTs.parse("2024-02-01T00:00:00Z"));
        assertThat(m).containsKeys("samples", "baseline.H1.log_loss", "BASE_TREE.H1.log_loss", "BASE_DEEP.H4.auc",
                "META.H24.log_loss", "META.H1.enter_count");
        assertThat(m.get("samples").intValue()).isEqualTo(2 * 30 * 24);
        // the volatility-only baseline (fitted on the training window) beside the constant: at H1 volatility alone
        // predicts "beats the round-trip cost" better than the training positive rate, out of sample
        assertThat(m).containsKeys("baseline_vol.H1.log_loss", "baseline_vol.H4.log_loss", "baseline_vol.H24.log_loss");
        assertThat(m.get("baseline_vol.H1.log_loss")).isLessThan(m.get("baseline.H1.log_loss"));
        assertThat(m.get("baseline_vol.H1.log_loss").doubleValue()).isBetween(0.3, 0.75);
    }

    @Test
    void theFoldsMetricsCarryEachRolesReliabilityTableAndTheTreesFeatureImportance() {
        SortedMap<String, BigDecimal> m = trained.evaluate(candles, HourTs.parse("2024-01-02T00:00:00Z"),
                HourTs.parse("2024-02-01T00:00:00Z"));
        for (String role : List.of("BASE_TREE", "BASE_DEEP", "META")) {
            for (Horizon h : Horizon.values()) {
                String prefix = role + "." + h + ".calibration.b";
                long rows = 0;
                double positives = 0;
                double sumP = 0;
                for (int b = 0; b < Calibration.BINS; b++) {
                    BigDecimal n = m.get(prefix + b + ".count");
                    if (n == null) {
                        assertThat(m).doesNotContainKeys(prefix + b + ".mean_p", prefix + b + ".observed");
                        continue;
                    }
                    double meanP = m.get(prefix + b + ".mean_p").doubleValue();
                    assertThat(meanP).as("bin %d holds p in [%d/10, %d/10)", b, b, b + 1).isBetween(b / 10.0, (b + 1) / 10.0);
                    assertThat(m.get(prefix + b + ".observed").doubleValue()).isBetween(0.0, 1.0);
                    rows += n.longValue();
                    positives += n.doubleValue() * m.get(prefix + b + ".observed").doubleValue();
                    sumP += n.doubleValue() * meanP;
                }
                // every labelled test row is in exactly one bin, and the bins add up to the positive rate
                assertThat(rows).isEqualTo(m.get("labelled." + h + ".samples").longValue());
                assertThat(positives / rows).isBetween(0.0, 1.0);
                assertThat(sumP / rows).isBetween(0.0, 1.0);
            }
        }
        // the fold's XGBoost importance: its final trees', the same figures as their model_version metrics
        for (ModelTrainer.TrainedArtifact a : trained.artifacts()) {
            if (a.version().role() != ModelRole.BASE_TREE) {
                continue;
            }
            double total = 0;
            List<String> features = a.version().metrics().keySet().stream().filter(k -> k.startsWith("importance_gain."))
                    .map(k -> k.substring("importance_gain.".length())).toList();
            assertThat(features).containsAll(Features.NAMES);
            for (String f : features) {
                BigDecimal share = m.get("BASE_TREE." + a.version().horizon() + ".importance_gain." + f);
                assertThat(share).as("importance of %s", f).isNotNull();
                assertThat(share).isEqualByComparingTo(a.version().metrics().get("importance_gain." + f));
                total += share.doubleValue();
            }
            assertThat(total).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        }
    }
}
