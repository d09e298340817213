package io.tradingcore.adapter.ml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The MLP learns, not only reproduces: a noisy XOR no linear model can separate. */
class DeepModelTest {

    private static final int TRAIN = 4000;
    private static final int HOLDOUT = 2000;

    @Test
    void learnsNoisyXorToAtLeastNinetyPercentHoldoutAccuracy() {
        Random rnd = new Random(11);
        int n = TRAIN + HOLDOUT;
        double[][] x = new double[n][];
        byte[] y = new byte[n];
        long[] hour = new long[n];
        for (int i = 0; i < n; i++) {
            double a = rnd.nextDouble() * 2 - 1;
            double b = rnd.nextDouble() * 2 - 1;
            // two informative inputs, three pure-noise inputs; 5% of the training labels flipped
            x[i] = new double[] {a, b, rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian()};
            boolean label = a * b > 0;
            if (i < TRAIN && rnd.nextDouble() < 0.05) {
                label = !label;
            }
            y[i] = (byte) (label ? 1 : 0);
            hour[i] = i * 3600L;
        }
        DeepModel.Params p = new DeepModel.Params(new int[] {32, 16}, 200, 32, 0.005, 1e-4, 0.2, 10);
        DeepModel m = DeepModel.train(x, y, hour, IntStream.range(0, TRAIN).toArray(), p, 5L);
        int correct = 0;
        for (int i = TRAIN; i < n; i++) {
            if ((m.probability(x[i]) >= 0.5) == (y[i] > 0)) {
                correct++;
            }
        }
        assertThat(correct / (double) HOLDOUT).isGreaterThanOrEqualTo(0.90);
    }

    @Test
    void earlyStoppingKeepsTheBestValidationEpochSoMoreEpochsDoNotOverfitPureNoise() {
        Random rnd = new Random(12);
        int n = 3000;
        double[][] x = new double[n][];
        byte[] y = new byte[n];
        long[] hour = new long[n];
        for (int i = 0; i < n; i++) {
            x[i] = new double[] {rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian()};
            y[i] = (byte) (rnd.nextBoolean() ? 1 : 0);
            hour[i] = i * 3600L;
        }
        DeepModel m = DeepModel.train(x, y, hour, IntStream.range(0, n).toArray(),
                new DeepModel.Params(new int[] {64, 32}, 300, 16, 0.01, 0.0, 0.2, 3), 1L);
        // labels are coin flips: a network kept at its best validation epoch stays near 0.5 everywhere
        for (int i = 0; i < n; i += 100) {
            assertThat(m.probability(x[i])).isBetween(0.35, 0.65);
        }
    }
}
