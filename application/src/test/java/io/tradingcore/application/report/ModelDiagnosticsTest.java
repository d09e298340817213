package io.tradingcore.application.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ModelDiagnosticsTest {

    private static SortedMap<String, Double> fold(double meta, double constant, Double vol) {
        SortedMap<String, Double> m = new TreeMap<>();
        m.put("META.H24.log_loss", meta);
        m.put("META.H24.auc", 0.51);
        m.put("BASE_TREE.H24.log_loss", 0.70);
        m.put("baseline.H24.log_loss", constant);
        if (vol != null) {
            m.put("baseline_vol.H24.log_loss", vol);
        }
        m.put("trading.return", 0.01); // not a model metric: ignored
        return m;
    }

    @Test
    void aModelWorseThanTheConstantOrTheVolatilityBaselineGetsOneWarningLine() {
        SortedMap<Integer, SortedMap<String, Double>> folds = new TreeMap<>();
        folds.put(0, fold(1.170, 0.735, null));
        folds.put(1, fold(0.690, 0.694, 0.689));
        folds.put(2, fold(0.680, 0.694, 0.689));
        List<ModelDiagnostics.Row> rows = ModelDiagnostics.rows(folds);
        assertThat(rows).extracting(ModelDiagnostics.Row::role).containsExactly("BASE_TREE", "META", "BASE_TREE", "META",
                "BASE_TREE", "META");
        assertThat(ModelDiagnostics.warnings(rows)).containsExactly(
                "fold 0 H24 META log loss 1.170 vs baseline 0.735",
                "fold 1 H24 BASE_TREE log loss 0.700 vs baseline 0.694",
                "fold 1 H24 META log loss 0.690 vs volatility baseline 0.689",
                "fold 2 H24 BASE_TREE log loss 0.700 vs baseline 0.694");
        assertThat(rows.get(1).volBaseline()).isNaN();
        assertThat(rows.get(1).auc()).isEqualTo(0.51);
    }

    @Test
    void manyWarningsAreCappedWithACount() {
        SortedMap<Integer, SortedMap<String, Double>> folds = new TreeMap<>();
        for (int f = 0; f < 40; f++) {
            folds.put(f, fold(0.9, 0.7, null)); // META worse, BASE_TREE (0.70) equal: not worse
        }
        List<String> w = ModelDiagnostics.warnings(ModelDiagnostics.rows(folds));
        assertThat(w).hasSize(ModelDiagnostics.MAX_WARNINGS + 1);
        assertThat(w.get(w.size() - 1)).startsWith("... and 10 more models worse than a baseline");
    }

    @Test
    void theRollingSharpeOfAWindowIsTheOverallSharpeOfThoseHours() {
        Random rnd = new Random(5);
        List<EquityPoint> curve = new ArrayList<>();
        double equity = 1000;
        Instant t0 = Instant.parse("2024-01-01T00:00:00Z");
        for (int i = 1; i <= 200; i++) {
            equity *= 1 + rnd.nextGaussian() * 0.01;
            curve.add(new EquityPoint(t0.plusSeconds(3600L * i), BigDecimal.valueOf(equity), BigDecimal.ZERO, BigDecimal.ZERO, "NORMAL"));
        }
        BigDecimal start = new BigDecimal("1000");
        double[] rolling = RollingCharts.rollingSharpe(MetricsCalculator.hourlyReturns(start, curve), 48);
        assertThat(rolling[46]).isNaN();
        // the window ending at index 150 holds the returns of points 103..150, starting from point 102's equity
        double expected = MetricsCalculator.compute(curve.get(102).equity(), curve.get(102).hour(), curve.subList(103, 151), List.of())
                .sharpe().getAsDouble();
        assertThat(rolling[150]).isCloseTo(expected, within(1e-6));
        assertThat(RollingCharts.window(100)).isEqualTo(25);
        assertThat(RollingCharts.window(20_000)).isEqualTo(720);
        assertThat(RollingCharts.window(10)).isEqualTo(24);
    }
}
