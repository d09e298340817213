package io.tradingcore.application.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class DeflatedSharpeTest {

    @Test
    void reproducesThePapersNumericalExample() {
        // Bailey & Lopez de Prado (2014), section 5: 100 trials, annualised SR 2.5 on 5 years of daily returns (T = 1250,
        // 250 per year), variance of the trials' annualised SRs 0.5, skewness -3, kurtosis 10: DSR = 0.9004
        double perYear = 250;
        double sr = 2.5 / Math.sqrt(perYear);
        double variance = 0.5 / perYear;
        DeflatedSharpe.Result r = DeflatedSharpe.deflate(sr, 100, variance, 1250, -3, 10);
        assertThat(r.expectedMaxSharpe() * Math.sqrt(perYear)).isCloseTo(1.7894, within(1e-4));
        assertThat(r.deflatedSharpe()).isCloseTo(0.9004, within(1e-4));
    }

    @Test
    void normalDistributionFunctionsMatchKnownValuesAndInvertEachOther() {
        assertThat(DeflatedSharpe.normalCdf(0)).isCloseTo(0.5, within(1e-15));
        assertThat(DeflatedSharpe.normalCdf(1.959963984540054)).isCloseTo(0.975, within(1e-14));
        assertThat(DeflatedSharpe.normalCdf(-3)).isCloseTo(0.0013498980316300946, within(1e-15));
        assertThat(DeflatedSharpe.inverseNormalCdf(0.99)).isCloseTo(2.3263478740408408, within(1e-12));
        assertThat(DeflatedSharpe.inverseNormalCdf(1e-6)).isCloseTo(-4.753424308822899, within(1e-10));
        for (double p = 0.001; p < 1; p += 0.0737) {
            assertThat(DeflatedSharpe.normalCdf(DeflatedSharpe.inverseNormalCdf(p))).isCloseTo(p, within(1e-13));
        }
        assertThatThrownBy(() -> DeflatedSharpe.inverseNormalCdf(1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void moreTrialsDeflateTheSameBestSharpeMoreAndOneTrialIsNotDeflated() {
        double one = DeflatedSharpe.deflate(0.05, 1, 0.001, 2000, 0, 3).deflatedSharpe();
        double six = DeflatedSharpe.deflate(0.05, 6, 0.001, 2000, 0, 3).deflatedSharpe();
        double hundred = DeflatedSharpe.deflate(0.05, 100, 0.001, 2000, 0, 3).deflatedSharpe();
        assertThat(DeflatedSharpe.expectedMaxSharpe(1, 0.001)).isZero();
        assertThat(one).isCloseTo(DeflatedSharpe.normalCdf(0.05 * Math.sqrt(1999) / Math.sqrt(1 + 0.5 * 0.0025)), within(1e-12));
        assertThat(six).isLessThan(one);
        assertThat(hundred).isLessThan(six);
    }

    @Test
    void fromReturnSeriesTheBestTrialIsDeflatedWithItsOwnMoments() {
        double[] flat = {0, 0, 0, 0};
        double[] good = {0.01, -0.005, 0.02, 0.0, 0.015, -0.01};
        double[] bad = {-0.01, 0.005, -0.02, 0.0, 0.001, -0.01};
        DeflatedSharpe.Result r = DeflatedSharpe.ofReturns(List.of(flat, good, bad));
        assertThat(r.trials()).isEqualTo(3);
        assertThat(r.observations()).isEqualTo(6);
        assertThat(r.bestSharpe()).isCloseTo(DeflatedSharpe.sharpe(good), within(0.0));
        double[] sharpes = {0, DeflatedSharpe.sharpe(good), DeflatedSharpe.sharpe(bad)};
        assertThat(r.trialSharpeVariance()).isCloseTo(DeflatedSharpe.sampleVariance(sharpes), within(1e-15));
        assertThat(DeflatedSharpe.kurtosis(flat)).isEqualTo(3.0);
        assertThat(DeflatedSharpe.skewness(new double[] {1, 2, 3})).isCloseTo(0.0, within(1e-15));
        assertThat(r.deflatedSharpe()).isBetween(0.0, 1.0);
    }
}
