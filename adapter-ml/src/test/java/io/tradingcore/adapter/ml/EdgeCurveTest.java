package io.tradingcore.adapter.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EdgeCurveTest {

    private static final int N = 20_000;

    @Test
    void learnsARisingNetEdgeAndEntersOnlyWhereItIsPositive() {
        Random rnd = new Random(3);
        double[] p = new double[N];
        double[] net = new double[N];
        for (int i = 0; i < N; i++) {
            p[i] = rnd.nextDouble();
            net[i] = 0.01 * (p[i] - 0.7) + 0.002 * rnd.nextGaussian(); // positive above p = 0.7
        }
        EdgeCurve c = EdgeCurve.fit(p, net, IntStream.range(0, N).toArray(), EdgeCurve.Params.DEFAULT);
        assertThat(c.knots()).isEqualTo(20);
        assertThat(c.at(0.2)).isCloseTo(-0.005, within(0.0005));
        assertThat(c.at(0.95)).isCloseTo(0.0025, within(0.0005));
        assertThat(c.at(0.6)).isNegative();
        assertThat(c.at(0.8)).isPositive();
        for (double q = 0; q < 1; q += 0.001) {
            assertThat(c.at(q + 0.001)).isGreaterThanOrEqualTo(c.at(q));
        }
    }

    @Test
    void aFallingRelationPoolsIntoTheMeanSoNoProbabilityIsPreferred() {
        Random rnd = new Random(4);
        double[] p = new double[N];
        double[] net = new double[N];
        double mean = 0;
        for (int i = 0; i < N; i++) {
            p[i] = rnd.nextDouble();
            net[i] = -0.01 * p[i] + 0.001 * rnd.nextGaussian();
            mean += net[i] / N;
        }
        EdgeCurve c = EdgeCurve.fit(p, net, IntStream.range(0, N).toArray(), EdgeCurve.Params.DEFAULT);
        assertThat(c.minEdge()).isCloseTo(mean, within(1e-12));
        assertThat(c.maxEdge()).isCloseTo(mean, within(1e-12));
    }

    @Test
    void fewRowsGiveFewerBinsOfAtLeastTheMinimumSize() {
        double[] p = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6};
        double[] net = {-1, -1, 0, 0, 1, 1};
        EdgeCurve c = EdgeCurve.fit(p, net, IntStream.range(0, 6).toArray(), new EdgeCurve.Params(20, 2));
        assertThat(c.knots()).isEqualTo(3);
        assertThat(c.at(0.15)).isEqualTo(-1.0);
        assertThat(c.at(0.35)).isEqualTo(0.0);
        assertThat(c.at(0.45)).isCloseTo(0.5, within(1e-12));
    }
}
