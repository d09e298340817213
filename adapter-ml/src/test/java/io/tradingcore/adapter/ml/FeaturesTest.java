package io.tradingcore.adapter.ml;

import io.tradingcore.domain.CostModel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class FeaturesTest {

    private static final List<Bar> BTC = TestData.bars("BTC");

    private static int indexOf(List<Bar> bars, Instant openTime) {
        for (int i = 0; i < bars.size(); i++) {
            if (bars.get(i).openTime().equals(openTime)) {
                return i;
            }
        }
        throw new AssertionError("no candle at " + openTime);
    }

    @Test
    void featureNamesAreFixedAndSortEqualToTheirOrderBecauseTribuoNumbersFeaturesByName() {
        assertThat(Features.NAMES).hasSize(Features.SIZE).doesNotHaveDuplicates();
        assertThat(new ArrayList<>(Features.NAMES)).isSorted();
    }

    @Test
    void refusesACandleThatClosesAfterTheDecisionHour() {
        Instant hour = TestData.t("2023-06-01T12:00:00Z");
        int i = indexOf(BTC, hour);
        // candle opening AT the decision hour closes an hour later: it is not known yet
        assertThatThrownBy(() -> Features.compute(BTC.subList(0, i + 1), hour, OptionalDouble.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lookahead");
        assertThat(Features.compute(BTC.subList(0, i), hour, OptionalDouble.empty()).windowEnd()).isEqualTo(hour);
    }

    @Test
    void refusesTooShortAHistory() {
        Instant hour = BTC.get(10).openTime();
        assertThatThrownBy(() -> Features.compute(BTC.subList(0, 10), hour, OptionalDouble.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least");
    }

    @Test
    void windowEndsAtTheLastClosedCandleAndNeverAfterTheHour() {
        Instant hour = TestData.t("2023-03-24T15:00:00Z"); // shortly after the 2023-03-24T12 outage
        int i = indexOf(BTC, hour);
        Features.Row row = Features.compute(BTC.subList(0, i), hour, OptionalDouble.of(2.5));
        assertThat(row.windowEnd()).isBeforeOrEqualTo(hour);
        assertThat(row.windowStart()).isEqualTo(BTC.get(i - Features.LOOKBACK).openTime());
        assertThat(row.values()).hasSize(Features.SIZE);
        assertThat(java.util.Arrays.stream(row.values()).allMatch(Double::isFinite)).isTrue();
        assertThat(row.values()[19]).isEqualTo(2.5);
        assertThat(row.values()[20]).isEqualTo(1.0);
    }

    @Test
    void perturbingAnyCandleAfterTheDecisionHourChangesNoFeatureForThatHour() {
        Instant hour = TestData.t("2024-02-10T08:00:00Z");
        int h = indexOf(BTC, hour);
        List<Bar> perturbed = new ArrayList<>(BTC.subList(0, h));
        for (Bar b : BTC.subList(h, BTC.size())) {
            // candles from the decision hour on: known only at or after their close, i.e. after H
            perturbed.add(new Bar(b.openTime(), b.open() * 1.7, b.high() * 2.0, b.low() * 0.5, b.close() * 0.6,
                    b.volume() * 9 + 1));
        }
        SortedMap<String, List<Bar>> original = new TreeMap<>(java.util.Map.of("BTC", BTC));
        SortedMap<String, List<Bar>> changed = new TreeMap<>(java.util.Map.of("BTC", perturbed));
        Instant from = hour.minusSeconds(3600L * 48);
        Instant to = hour.plusSeconds(3600L * 48);
        Samples a = Samples.build(original, from, to, CostModel.defaults());
        Samples b = Samples.build(changed, from, to, CostModel.defaults());
        int checked = 0;
        for (int r = 0; r < a.size(); r++) {
            if (a.hour[r] <= hour.getEpochSecond()) {
                assertThat(b.x[r]).as("features at %s", Instant.ofEpochSecond(a.hour[r])).containsExactly(a.x[r]);
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(40);
        // and the perturbation is real: rows after the hour did change
        int last = a.size() - 1;
        assertThat(b.x[last]).isNotEqualTo(a.x[last]);
    }

    @Test
    void labelsAreForwardOpenToOpenReturnsAgainstTheRoundTripCost() {
        Instant hour = TestData.t("2024-05-01T00:00:00Z");
        int h = indexOf(BTC, hour);
        Samples s = Samples.build(new TreeMap<>(java.util.Map.of("BTC", BTC)), hour, hour.plusSeconds(3600),
                new CostModel(java.math.BigDecimal.TEN, java.math.BigDecimal.valueOf(5), java.math.BigDecimal.ZERO));
        assertThat(s.size()).isEqualTo(1);
        for (MlHorizon hz : MlHorizon.values()) {
            double expected = BTC.get(h + hz.hours()).open() / BTC.get(h).open() - 1;
            assertThat(s.forwardReturn[hz.ordinal()][0]).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-12));
            assertThat(s.label[hz.ordinal()][0]).isEqualTo((byte) (expected > 0.0025 ? 1 : 0));
        }
    }
}
