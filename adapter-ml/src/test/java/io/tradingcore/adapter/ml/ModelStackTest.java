package io.tradingcore.adapter.ml;

import io.tradingcore.domain.ModelRole;
import io.tradingcore.domain.Horizon;
import io.tradingcore.domain.CostModel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModelStackTest {

    private static final Instant FROM = TestData.t("2023-06-01T00:00:00Z");
    private static final Instant TO = TestData.t("2024-03-01T00:00:00Z");

    private SortedMap<String, List<Bar>> bars;
    private Samples samples;
    private WalkForward.Result first;
    private WalkForward.Result second;

    @BeforeAll
    void trainTwiceWithTheSameSeed() {
        bars = TestData.assets("BTC", "ETH");
        samples = Samples.build(bars, FROM, TO, CostModel.defaults());
        first = WalkForward.run(samples, TestData.fastConfig(7L), "test");
        second = WalkForward.run(Samples.build(bars, FROM, TO, CostModel.defaults()), TestData.fastConfig(7L), "test");
    }

    @Test
    void sameDataAndSeedGiveIdenticalArtifactHashesForEveryModel() {
        List<String> a = first.models().stream().map(m -> m.role() + "/" + m.horizon() + "=" + m.sha256()).toList();
        List<String> b = second.models().stream().map(m -> m.role() + "/" + m.horizon() + "=" + m.sha256()).toList();
        assertThat(a).hasSize(1 + 3 * Horizon.values().length).isEqualTo(b);
    }

    @Test
    void sameDataAndSeedGiveIdenticalPredictions() {
        for (int r = 0; r < samples.size(); r += 97) {
            assertSamePrediction(first.stack().predict(samples.x[r]), second.stack().predict(samples.x[r]));
        }
    }

    private static void assertSamePrediction(Stack.Output a, Stack.Output b) {
        assertThat(b.tree()).containsExactly(a.tree());
        assertThat(b.deep()).containsExactly(a.deep());
        assertThat(b.regime().regime()).isEqualTo(a.regime().regime());
        assertThat(b.regime().probabilities()).containsExactly(a.regime().probabilities());
        for (int h = 0; h < a.meta().length; h++) {
            assertThat(b.meta()[h].probability()).isEqualTo(a.meta()[h].probability());
            assertThat(b.meta()[h].terms()).isEqualTo(a.meta()[h].terms());
        }
    }

    @Test
    void aDifferentSeedGivesADifferentNetworkAndTheSameSeedTheSameOne() {
        int[] rows = samples.labelled(Horizon.H4, Samples.range(0, samples.size()));
        DeepModel.Params p = TestData.fastConfig(0L).deep();
        byte[] a = DeepModel.train(samples.x, samples.label[1], samples.hour, rows, p, 11L).artifact();
        byte[] b = DeepModel.train(samples.x, samples.label[1], samples.hour, rows, p, 11L).artifact();
        byte[] c = DeepModel.train(samples.x, samples.label[1], samples.hour, rows, p, 12L).artifact();
        assertThat(Artifact.sha256(b)).isEqualTo(Artifact.sha256(a));
        assertThat(Artifact.sha256(c)).isNotEqualTo(Artifact.sha256(a));
    }

    @Test
    void perturbingCandlesAfterTheDecisionHourChangesNoPredictionForThatHour() {
        Instant hour = TestData.t("2024-01-15T09:00:00Z");
        SortedMap<String, List<Bar>> changed = new TreeMap<>();
        bars.forEach((asset, series) -> {
            List<Bar> copy = new ArrayList<>();
            for (Bar b : series) {
                // a different factor per candle, so that returns (not only levels) change after the hour
                double f = 1.0 + 0.4 * Math.sin(b.openTime().getEpochSecond() / 3600.0);
                copy.add(b.openTime().isBefore(hour) ? b
                        : new Bar(b.openTime(), b.open() * f, b.high() * 3, b.low() * 0.25, b.close() * f, 0));
            }
            changed.put(asset, copy);
        });
        Samples original = Samples.build(bars, hour, hour.plusSeconds(3600), CostModel.defaults());
        Samples perturbed = Samples.build(changed, hour, hour.plusSeconds(3600), CostModel.defaults());
        assertThat(original.size()).isEqualTo(2);
        for (int r = 0; r < original.size(); r++) {
            assertSamePrediction(first.stack().predict(original.x[r]), first.stack().predict(perturbed.x[r]));
            // the label of that hour does change: the future really was different
            assertThat(perturbed.forwardReturn[Horizon.H24.ordinal()][r])
                    .isNotEqualTo(original.forwardReturn[Horizon.H24.ordinal()][r]);
        }
    }

    @Test
    void modelsReloadedFromTheirArtifactsPredictExactlyAsTrained() {
        Stack reloaded = MlModels.loadStack(first.models());
        for (int r = 0; r < samples.size(); r += 101) {
            assertSamePrediction(first.stack().predict(samples.x[r]), reloaded.predict(samples.x[r]));
        }
    }

    @Test
    void anArtifactThatDoesNotMatchItsHashRefusesToLoad() {
        TrainedModel tree = first.models().stream().filter(m -> m.role() == ModelRole.BASE_TREE).findFirst().orElseThrow();
        byte[] tampered = tree.artifact().clone();
        tampered[tampered.length - 3] ^= 0x01;
        assertThatThrownBy(() -> TreeModel.load(tampered, tree.sha256()))
                .isInstanceOf(Artifact.IntegrityException.class).hasMessageContaining("sha256");
        TrainedModel meta = first.models().stream().filter(m -> m.role() == ModelRole.META).findFirst().orElseThrow();
        assertThatThrownBy(() -> DeepModel.load(meta.artifact(), meta.sha256()))
                .isInstanceOf(Artifact.IntegrityException.class).hasMessageContaining("expected a mlp-weights");
    }

    @Test
    void metaComponentsAddUpToThePredictionAndNameEveryInput() {
        Stack.Output o = first.stack().predict(samples.x[samples.size() / 2]);
        for (MetaModel.Explained e : o.meta()) {
            double logit = e.terms().stream().mapToDouble(MetaModel.Term::contribution).sum();
            assertThat(1 / (1 + Math.exp(-logit))).isCloseTo(e.probability(), within(1e-12));
            assertThat(e.terms()).extracting(MetaModel.Term::name)
                    .containsExactly("m0_tree_logit", "m1_deep_logit", "m2_regime_TRENDING_UP",
                            "m3_regime_TRENDING_DOWN", "m4_regime_HIGH_VOL", "intercept");
            for (MetaModel.Term t : e.terms()) {
                assertThat(t.contribution()).isCloseTo(t.weight() * t.value(), within(1e-12));
            }
        }
        assertThat(o.regime().confidence()).isBetween(0.25, 1.0);
        assertThat(RegimeModel.REGIMES).contains(o.regime().regime());
    }

    @Test
    void metaIsTrainedOnExactlyTheRegimeOutputsInferenceProduces() {
        for (Horizon h : Horizon.values()) {
            WalkForward.MetaTraining t = first.metaTraining().get(h);
            assertThat(t.rows()).hasSizeGreaterThan(500);
            for (int r : t.rows()) {
                // what inference computes for this row from the final REGIME artifact, with the row's base inputs
                double[] atInference = MetaModel.inputs(0.5, 0.5, first.stack().regime.predict(samples.x[r]).probabilities());
                for (int j = MetaModel.FIRST_REGIME; j < MetaModel.INPUTS.size(); j++) {
                    assertThat(t.z()[r][j]).isEqualTo(atInference[j]);
                }
            }
        }
    }

    @Test
    void metaDesignMatrixHasFullColumnRankWithTheReferenceRegimeDroppedAndNotWithAllFour() {
        for (Horizon h : Horizon.values()) {
            WalkForward.MetaTraining t = first.metaTraining().get(h);
            int d = MetaModel.INPUTS.size() + 1;
            double[][] gram = new double[d][d];
            double[][] gramAllFour = new double[d + 1][d + 1];
            for (int r : t.rows()) {
                double[] x = java.util.Arrays.copyOf(t.z()[r], d);
                x[d - 1] = 1.0;
                double[] regime = first.stack().regime.predict(samples.x[r]).probabilities();
                double[] all = new double[d + 1];
                all[0] = x[0];
                all[1] = x[1];
                System.arraycopy(regime, 0, all, 2, RegimeModel.K);
                all[d] = 1.0;
                for (int i = 0; i < d; i++) {
                    for (int k = 0; k < d; k++) {
                        gram[i][k] += x[i] * x[k];
                    }
                }
                for (int i = 0; i <= d; i++) {
                    for (int k = 0; k <= d; k++) {
                        gramAllFour[i][k] += all[i] * all[k];
                    }
                }
            }
            assertThat(Linear.cholesky(gram, 1e-10)).as("full column rank at " + h).isNotNull();
            // the old design (all four soft assignments, which sum to 1, plus an intercept) is exactly collinear
            assertThat(Linear.cholesky(gramAllFour, 1e-10)).as("collinear at " + h).isNull();
        }
    }

    @Test
    void metaIsFittedToConvergenceWithL2AndItsContributionsPlusInterceptAreTheLogit() {
        for (TrainedModel m : first.models().stream().filter(m -> m.role() == ModelRole.META).toList()) {
            assertThat(m.metrics().get("fit_gradient_norm")).isLessThan(1e-9);
            assertThat(m.hyperParams()).containsEntry("l2", "0.001").containsEntry("reference_regime", "RANGING");
        }
        for (int r = 0; r < samples.size(); r += 101) {
            Stack.Output o = first.stack().predict(samples.x[r]);
            for (Horizon h : Horizon.values()) {
                MetaModel meta = first.stack().meta.get(h);
                MetaModel.Explained e = o.meta()[h.ordinal()];
                double[] z = MetaModel.inputs(o.tree()[h.ordinal()], o.deep()[h.ordinal()], o.regime().probabilities());
                double logit = meta.intercept();
                double[] w = meta.weights();
                for (int j = 0; j < w.length; j++) {
                    logit += w[j] * z[j];
                }
                double sum = e.terms().stream().mapToDouble(MetaModel.Term::contribution).sum();
                assertThat(sum).isCloseTo(logit, within(1e-12));
                assertThat(e.probability()).isEqualTo(meta.probability(z));
                assertThat(e.expectedReturn()).isEqualTo(meta.edge().at(e.probability()));
            }
        }
    }

    @Test
    void treeVersionsCarryXgboostFeatureImportanceThatSumsToOne() {
        for (TrainedModel m : first.models().stream().filter(m -> m.role() == ModelRole.BASE_TREE).toList()) {
            double sum = 0;
            for (String name : Features.NAMES) {
                Double v = m.metrics().get("importance_gain." + name);
                assertThat(v).as(name).isNotNull().isBetween(0.0, 1.0);
                sum += v;
            }
            assertThat(sum).isCloseTo(1.0, within(1e-9));
            // spread and has_book are constant in training: never split on
            assertThat(m.metrics().get("importance_gain.f19_spread_bps")).isZero();
        }
    }

    @Test
    void theLearnedEdgeIsNonDecreasingInPAndIsTheExpectedReturn() {
        for (Horizon h : Horizon.values()) {
            EdgeCurve edge = first.stack().meta.get(h).edge();
            double previous = Double.NEGATIVE_INFINITY;
            for (double p = 0; p <= 1.0; p += 0.01) {
                assertThat(edge.at(p)).isGreaterThanOrEqualTo(previous);
                previous = edge.at(p);
            }
            TrainedModel m = first.models().stream().filter(x -> x.role() == ModelRole.META && x.horizon() == h)
                    .findFirst().orElseThrow();
            assertThat(m.metrics().get("edge_max")).isEqualTo(edge.maxEdge());
            assertThat(m.hyperParams().get("round_trip_cost")).isEqualTo(Double.toString(
                    CostModel.defaults().roundTripFraction()));
        }
    }

    @Test
    void foldsArePurgedAndEmbargoed() {
        List<FoldResult> folds = first.folds();
        assertThat(folds).hasSizeGreaterThanOrEqualTo(2);
        for (int i = 0; i < folds.size(); i++) {
            FoldResult f = folds.get(i);
            assertThat(Duration.between(f.trainTo(), f.testFrom())).isGreaterThanOrEqualTo(Duration.ofHours(24));
            if (i > 0) {
                assertThat(Duration.between(folds.get(i - 1).testTo(), f.testFrom()))
                        .isGreaterThanOrEqualTo(Duration.ofHours(24));
            }
            assertThat(f.rows()).extracting(FoldResult.Row::role).contains(ModelRole.BASE_TREE, ModelRole.BASE_DEEP);
            for (FoldResult.Row row : f.rows()) {
                assertThat(row.logLoss()).isPositive();
                assertThat(row.testRows()).isPositive();
            }
        }
        // the first fold has no earlier out-of-fold rows, so its meta-learner cannot exist; later ones do
        assertThat(folds.get(0).rows()).extracting(FoldResult.Row::role).doesNotContain(ModelRole.META);
        assertThat(folds.get(folds.size() - 1).rows()).extracting(FoldResult.Row::role).contains(ModelRole.META);
    }

    @Test
    void refusesAPurgeShorterThanTheLongestHorizon() {
        TrainingConfig c = TestData.fastConfig(1L);
        assertThatThrownBy(() -> new TrainingConfig(1L, c.cost(), Duration.ofHours(23), c.embargo(), c.minTrain(),
                c.testWindow(), null, 0.5, 100, c.tree(), c.deep(), c.regime(), c.meta(), c.options()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("purge");
    }
}
