package io.tradingcore.application.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EquityChartTest {

    @Test
    void shortSeriesArePlottedWhole() {
        assertThat(EquityChart.decimate(List.of(1.0, 2.0, 3.0, 4.0), 2)).containsExactly(0, 1, 2, 3);
    }

    @Test
    void longSeriesKeepEachSlicesExtremesInTimeOrderAndTheLastPoint() {
        List<Double> y = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            y.add((double) (i % 10));
        }
        y.set(437, -50.0);
        y.set(801, 99.0);

        List<Integer> keep = EquityChart.decimate(y, 100);

        assertThat(keep).contains(0, 437, 801, 999).isSorted().doesNotHaveDuplicates();
        assertThat(keep.size()).isLessThanOrEqualTo(301);
    }
}
