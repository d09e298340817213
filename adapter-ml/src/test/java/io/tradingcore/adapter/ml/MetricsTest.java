package io.tradingcore.adapter.ml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tribuo.classification.evaluation.LabelEvaluationUtil;

/** The held-out metrics against Tribuo's own evaluator (issue 12, item 9). */
class MetricsTest {

    @Test
    void aucEqualsTribuosBinaryAucRocWithAndWithoutTies() {
        Random r = new Random(12);
        for (int trial = 0; trial < 50; trial++) {
            int n = 200 + r.nextInt(5000);
            double[] p = new double[n];
            byte[] y = new byte[n];
            boolean[] pos = new boolean[n];
            for (int i = 0; i < n; i++) {
                // every other trial rounds p to 2 decimals: many ties
                double q = 1 / (1 + Math.exp(-r.nextGaussian()));
                p[i] = trial % 2 == 0 ? q : Math.round(q * 100) / 100.0;
                y[i] = (byte) (r.nextDouble() < 0.3 + 0.4 * q ? 1 : 0);
                pos[i] = y[i] > 0;
            }
            double ours = Metrics.auc(p, y);
            double tribuo = LabelEvaluationUtil.binaryAUCROC(pos, p);
            // equal up to summation order (not bit for bit: the stored 18-digit figures keep the rank formula, so
            // that models trained before stay byte-identical in model_version)
            assertThat(ours).as("trial %d", trial).isCloseTo(tribuo, org.assertj.core.data.Offset.offset(1e-12));
        }
    }

    @Test
    void accuracyEqualsTribuosConfusionMatrixAccuracyOfThePredictedLabels() {
        Random r = new Random(13);
        org.tribuo.MutableOutputInfo<org.tribuo.classification.Label> info = new org.tribuo.classification.LabelFactory().generateInfo();
        info.observe(TribuoData.NEGATIVE);
        info.observe(TribuoData.POSITIVE);
        org.tribuo.ImmutableOutputInfo<org.tribuo.classification.Label> domain = info.generateImmutableOutputInfo();
        for (int trial = 0; trial < 10; trial++) {
            int n = 100 + r.nextInt(2000);
            double[] p = new double[n];
            byte[] y = new byte[n];
            java.util.List<org.tribuo.Prediction<org.tribuo.classification.Label>> predictions = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                p[i] = r.nextDouble();
                y[i] = (byte) (r.nextDouble() < p[i] ? 1 : 0);
                org.tribuo.classification.Label truth = y[i] > 0 ? TribuoData.POSITIVE : TribuoData.NEGATIVE;
                org.tribuo.classification.Label predicted = p[i] >= 0.5 ? TribuoData.POSITIVE : TribuoData.NEGATIVE;
                predictions.add(new org.tribuo.Prediction<>(predicted, 1,
                        new org.tribuo.impl.ArrayExample<>(truth, new String[] {"p"}, new double[] {p[i]})));
            }
            org.tribuo.classification.evaluation.LabelConfusionMatrix cm =
                    new org.tribuo.classification.evaluation.LabelConfusionMatrix(domain, predictions);
            double tribuo = (cm.tp(TribuoData.POSITIVE) + cm.tp(TribuoData.NEGATIVE)) / cm.support();
            assertThat(Metrics.accuracy(p, y)).as("trial %d", trial).isEqualTo(tribuo);
        }
    }
}
