package io.tradingcore.application.report;

import static io.tradingcore.application.report.Curves.buy;
import static io.tradingcore.application.report.Curves.d;
import static io.tradingcore.application.report.Curves.flatExposureFree;
import static io.tradingcore.application.report.Curves.h;
import static io.tradingcore.application.report.Curves.point;
import static io.tradingcore.application.report.Curves.sell;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsCalculatorTest {

    private static final double EPS = 1e-12;

    private static PerformanceMetrics handCurve() {
        return MetricsCalculator.compute(d("1000"), h(0), Curves.HAND_CURVE, Curves.HAND_TRADES);
    }

    @Test
    void totalReturnPnlAndCagrOfHandComputedCurve() {
        PerformanceMetrics m = handCurve();
        assertThat(m.hours()).isEqualTo(6);
        assertThat(m.start()).isEqualTo(h(0));
        assertThat(m.end()).isEqualTo(h(6));
        assertThat(m.totalReturn()).isCloseTo(0.10, within(EPS));
        assertThat(m.pnl()).isEqualByComparingTo("100");
        // 6 elapsed hours: (1.1)^(8760/6) - 1 would be ~1e60; under 30 days CAGR is n/a
        assertThat(m.cagr()).isEmpty();
    }

    @Test
    void cagrAnnualisesFromThirtyDaysOn() {
        PerformanceMetrics month = MetricsCalculator.compute(d("1000"), h(0), List.of(Curves.point(720, "1100", "0", "NORMAL")), List.of());
        assertThat(month.cagr().getAsDouble()).isCloseTo(Math.pow(1.1, 8760.0 / 720) - 1, within(1e-9));
        PerformanceMetrics shorter = MetricsCalculator.compute(d("1000"), h(0), List.of(Curves.point(719, "1100", "0", "NORMAL")), List.of());
        assertThat(shorter.cagr()).isEmpty();
        assertThat(shorter.calmar()).isEmpty();
    }

    @Test
    void maxDrawdownDepthPeakTroughRecoveryAndDurationOfHandComputedCurve() {
        PerformanceMetrics m = handCurve();
        assertThat(m.maxDrawdown()).isCloseTo(0.10, within(EPS));
        assertThat(m.maxDrawdownPeak()).isEqualTo(h(1));
        assertThat(m.maxDrawdownTrough()).isEqualTo(h(2));
        assertThat(m.maxDrawdownRecovery()).isEqualTo(h(4));
        assertThat(m.maxDrawdownDurationHours()).isEqualTo(3);
        assertThat(m.calmar()).as("CAGR n/a under 30 days, so Calmar too").isEmpty();
    }

    @Test
    void tradeStatisticsOfHandComputedCurve() {
        PerformanceMetrics m = handCurve();
        assertThat(m.trades()).isEqualTo(5);
        assertThat(m.closedTrades()).isEqualTo(3);
        assertThat(m.winningTrades()).isEqualTo(2);
        assertThat(m.winRate().getAsDouble()).isCloseTo(2.0 / 3, within(EPS));
        assertThat(m.grossProfit()).isEqualByComparingTo("25");
        assertThat(m.grossLoss()).isEqualByComparingTo("20");
        assertThat(m.profitFactor().getAsDouble()).isCloseTo(1.25, within(EPS));
        assertThat(m.fees()).isEqualByComparingTo("1.605");
        assertThat(m.tradedNotional()).isEqualByComparingTo("1605");
        assertThat(m.averageEquity()).isEqualByComparingTo(new BigDecimal("6242.375").divide(BigDecimal.valueOf(6),
                18, java.math.RoundingMode.HALF_EVEN));
        assertThat(m.turnover().getAsDouble()).isCloseTo(1605 * 6 / 6242.375, within(EPS));
    }

    @Test
    void exposureAndTimeInTierOfHandComputedCurve() {
        PerformanceMetrics m = handCurve();
        assertThat(m.exposure()).isCloseTo(4.0 / 6, within(EPS));
        assertThat(m.tiers()).extracting(TierTime::tier).containsExactly("NORMAL", "DD10", "DD15", "HALT20");
        assertThat(m.tiers()).extracting(TierTime::hours).containsExactly(4L, 2L, 0L, 0L);
        assertThat(m.tiers().get(0).share()).isCloseTo(4.0 / 6, within(EPS));
        assertThat(m.tiers().get(1).share()).isCloseTo(2.0 / 6, within(EPS));
    }

    @Test
    void volatilitySharpeAndSortinoMatchTheirFormulasOnHandComputedCurve() {
        double[] r = {0.05, 945.0 / 1050 - 1, 997.5 / 945 - 1, 1102.5 / 997.5 - 1, 1047.375 / 1102.5 - 1,
                1100 / 1047.375 - 1};
        double mean = (r[0] + r[1] + r[2] + r[3] + r[4] + r[5]) / 6;
        double ss = 0;
        for (double x : r) {
            ss += (x - mean) * (x - mean);
        }
        double sampleSd = Math.sqrt(ss / 5);
        // only the two negative returns, over all 6 periods
        double downside = Math.sqrt((r[1] * r[1] + r[4] * r[4]) / 6);

        PerformanceMetrics m = handCurve();
        assertThat(m.annualisedVolatility().getAsDouble()).isCloseTo(sampleSd * Math.sqrt(8760), within(1e-9));
        assertThat(m.sharpe().getAsDouble()).isCloseTo(mean / sampleSd * Math.sqrt(8760), within(1e-9));
        assertThat(m.sortino().getAsDouble()).isCloseTo(mean / downside * Math.sqrt(8760), within(1e-9));
        // independent evaluation (Python, exact fractions then float): Sharpe 22.5035, Sortino 37.9570
        assertThat(m.sharpe().getAsDouble()).isCloseTo(22.50355, within(1e-4));
        assertThat(m.sortino().getAsDouble()).isCloseTo(37.95703, within(1e-4));
    }

    @Test
    void flatCurveHasZeroVolatilityAndNoSharpeSortinoCalmarOrTradeRatios() {
        PerformanceMetrics m = MetricsCalculator.compute(d("1000"), h(0), flatExposureFree("1000", "1000", "1000"),
                List.of());
        assertThat(m.totalReturn()).isZero();
        assertThat(m.annualisedVolatility()).hasValue(0.0);
        assertThat(m.sharpe()).isEmpty();
        assertThat(m.sortino()).isEmpty();
        assertThat(m.maxDrawdown()).isZero();
        assertThat(m.maxDrawdownPeak()).isNull();
        assertThat(m.maxDrawdownDurationHours()).isZero();
        assertThat(m.calmar()).isEmpty();
        assertThat(m.winRate()).isEmpty();
        assertThat(m.profitFactor()).isEmpty();
        assertThat(m.trades()).isZero();
        assertThat(m.turnover()).hasValue(0.0);
        assertThat(m.exposure()).isZero();
        assertThat(m.fees()).isEqualByComparingTo("0");
    }

    @Test
    void onlyRisingCurveHasNoSortinoAndNoCalmar() {
        PerformanceMetrics m = MetricsCalculator.compute(d("1000"), h(0), flatExposureFree("1010", "1030", "1031"),
                List.of());
        assertThat(m.sharpe()).isPresent();
        assertThat(m.sortino()).isEmpty();
        assertThat(m.maxDrawdown()).isZero();
        assertThat(m.calmar()).isEmpty();
    }

    @Test
    void singleHourHasNoVolatilityAndNoSharpe() {
        PerformanceMetrics m = MetricsCalculator.compute(d("1000"), h(0), flatExposureFree("990"), List.of());
        assertThat(m.totalReturn()).isCloseTo(-0.01, within(EPS));
        assertThat(m.annualisedVolatility()).isEmpty();
        assertThat(m.sharpe()).isEmpty();
        assertThat(m.sortino()).isEmpty();
        assertThat(m.maxDrawdown()).isCloseTo(0.01, within(EPS));
        assertThat(m.maxDrawdownDurationHours()).isEqualTo(1);
    }

    @Test
    void unrecoveredDrawdownLastsFromPeakToTheEnd() {
        // peak 1100 at 01, trough 990 at 02 (-10%), never back to 1100: 01 -> 05 = 4 hours
        PerformanceMetrics m = MetricsCalculator.compute(d("1000"), h(0),
                flatExposureFree("1100", "990", "1000", "1050", "1099"), List.of());
        assertThat(m.maxDrawdown()).isCloseTo(0.10, within(EPS));
        assertThat(m.maxDrawdownPeak()).isEqualTo(h(1));
        assertThat(m.maxDrawdownTrough()).isEqualTo(h(2));
        assertThat(m.maxDrawdownRecovery()).isNull();
        assertThat(m.maxDrawdownDurationHours()).isEqualTo(4);
    }

    @Test
    void equalDrawdownsReportTheFirstEpisode() {
        // 1000 -> 900 (-10%) recovers at 03; 1100 -> 990 (-10%) is a tie and does not replace the first
        PerformanceMetrics m = MetricsCalculator.compute(d("1000"), h(0),
                flatExposureFree("900", "950", "1000", "1100", "990"), List.of());
        assertThat(m.maxDrawdown()).isCloseTo(0.10, within(EPS));
        assertThat(m.maxDrawdownPeak()).isEqualTo(h(0));
        assertThat(m.maxDrawdownRecovery()).isEqualTo(h(3));
        assertThat(m.maxDrawdownDurationHours()).isEqualTo(3);
    }

    @Test
    void drawdownStartingAtTheInitialCapitalCountsFromTheStartInstant() {
        PerformanceMetrics m = MetricsCalculator.compute(d("1000"), h(0), flatExposureFree("800", "1000"), List.of());
        assertThat(m.maxDrawdown()).isCloseTo(0.20, within(EPS));
        assertThat(m.maxDrawdownPeak()).isEqualTo(h(0));
        assertThat(m.maxDrawdownDurationHours()).isEqualTo(2);
    }

    @Test
    void onlyWinningTradesGiveFullWinRateAndNoProfitFactor() {
        PerformanceMetrics m = MetricsCalculator.compute(d("1000"), h(0), flatExposureFree("1000", "1010"),
                List.of(buy(1, "A", "1", "100", "0"), sell(2, "A", "1", "110", "0", "10"),
                        sell(2, "A", "1", "100", "0", "0")));
        // the zero-PnL close is closed but not a win
        assertThat(m.closedTrades()).isEqualTo(2);
        assertThat(m.winRate().getAsDouble()).isCloseTo(0.5, within(EPS));
        assertThat(m.grossLoss()).isEqualByComparingTo("0");
        assertThat(m.profitFactor()).isEmpty();
    }

    @Test
    void exhaustedCapitalGivesFullDrawdownAndMinusOneCagrWithoutDividingByZero() {
        PerformanceMetrics m = MetricsCalculator.compute(d("1000"), h(0), List.of(Curves.point(1, "500", "0", "NORMAL"),
                Curves.point(2, "0", "0", "NORMAL"), Curves.point(720, "0", "0", "NORMAL")), List.of());
        assertThat(m.totalReturn()).isCloseTo(-1.0, within(EPS));
        assertThat(m.cagr()).hasValue(-1.0);
        assertThat(m.maxDrawdown()).isCloseTo(1.0, within(EPS));
        assertThat(m.sharpe()).isPresent();
        assertThat(Double.isFinite(m.sharpe().getAsDouble())).isTrue();
    }

    @Test
    void drawdownSeriesIsMeasuredFromTheRunningPeak() {
        double[] dd = MetricsCalculator.drawdowns(d("1000"), Curves.HAND_CURVE);
        assertThat(dd).containsExactly(new double[] {0, 0.10, 0.05, 0, 0.05, 1 - 1100 / 1102.5}, within(EPS));
    }

    @Test
    void rejectsAnEmptyPeriodAndAStartNotBeforeTheFirstHour() {
        assertThatThrownBy(() -> MetricsCalculator.compute(d("1000"), h(0), List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no equity points");
        assertThatThrownBy(() -> MetricsCalculator.compute(d("1000"), h(1), flatExposureFree("1000"), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not before the first hour");
    }

    @Test
    void unknownTiersAreListedAfterTheKnownOnes() {
        PerformanceMetrics m = MetricsCalculator.compute(d("1000"), h(0),
                List.of(point(1, "1000", "0", "NORMAL"), point(2, "1000", "0", "CUSTOM")), List.of());
        assertThat(m.tiers()).extracting(TierTime::tier).containsExactly("NORMAL", "DD10", "DD15", "HALT20", "CUSTOM");
        assertThat(m.hoursIn("CUSTOM")).isEqualTo(1);
    }
}
