package io.tradingcore.adapter.ml;

import io.tradingcore.domain.Horizon;
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
    void everyFeatureSetExtendsTheLastAndSortsInItsOwnOrder() {
        assertThat(FeatureSet.V1.names()).isEqualTo(Features.NAMES).hasSize(22);
        assertThat(FeatureSet.V2.names()).hasSize(28).startsWith(Features.NAMES.toArray(String[]::new))
                .doesNotHaveDuplicates();
        assertThat(new ArrayList<>(FeatureSet.V2.names())).isSorted();
        assertThat(FeatureSet.of(2)).isEqualTo(FeatureSet.latest());
        assertThat(FeatureSet.ofNames(FeatureSet.V1.names())).isEqualTo(FeatureSet.V1);
        assertThatThrownBy(() -> FeatureSet.of(3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void versionTwoKeepsVersionOnesValuesAndAddsTheMultiTimeframeOnes() {
        Instant hour = TestData.t("2023-06-01T12:00:00Z");
        int i = indexOf(BTC, hour);
        Features.Row v1 = Features.compute(BTC.subList(0, i), hour, OptionalDouble.empty(), FeatureSet.V1);
        Features.Row v2 = Features.compute(BTC.subList(0, i), hour, OptionalDouble.empty(), FeatureSet.V2);
        assertThat(java.util.Arrays.copyOf(v2.values(), 22)).containsExactly(v1.values());
        assertThat(v2.windowStart()).isEqualTo(v1.windowStart());
        assertThat(v2.windowEnd()).isEqualTo(v1.windowEnd());
        // up-days share of the last 7 daily returns, by hand
        List<Bar> w = BTC.subList(i - Features.LOOKBACK, i);
        int up = 0;
        for (int d = 0; d < 7; d++) {
            if (w.get(168 - 24 * d).close() > w.get(168 - 24 * (d + 1)).close()) {
                up++;
            }
        }
        assertThat(v2.values()[27]).isEqualTo(up / 7.0);
        double hi = w.subList(1, 169).stream().mapToDouble(Bar::high).max().orElseThrow();
        double lo = w.subList(1, 169).stream().mapToDouble(Bar::low).min().orElseThrow();
        assertThat(v2.values()[25]).isCloseTo((w.get(168).close() - lo) / (hi - lo),
                org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void multiTimeframeFeaturesOfSyntheticSeriesAreWhatTheDefinitionsSay() {
        // steadily rising closes (high = close, low = open): RSI of 4h closes 1, close at the top of its 7-day
        // range, 7 up days of 7, constant returns (variance 0) give variance ratios of 1 by convention
        List<Bar> rising = new ArrayList<>();
        Instant t0 = TestData.t("2024-01-01T00:00:00Z");
        for (int k = 0; k < 200; k++) {
            double open = 100 * Math.pow(1.001, k);
            double close = 100 * Math.pow(1.001, k + 1);
            rising.add(new Bar(t0.plusSeconds(3600L * k), open, close, open, close, 10));
        }
        double[] x = Features.compute(rising, t0.plusSeconds(3600L * 200), OptionalDouble.empty(), FeatureSet.V2).values();
        org.assertj.core.data.Offset<Double> eps = org.assertj.core.data.Offset.offset(1e-9);
        assertThat(x[22]).isCloseTo(1.0, eps);
        assertThat(x[25]).isCloseTo(1.0, eps);
        assertThat(x[27]).isEqualTo(1.0);
        assertThat(x[26]).isPositive();
        // closes alternating 100 / 101: every 4-hour and 24-hour return is 0, so both variance ratios are 0
        List<Bar> zigzag = new ArrayList<>();
        for (int k = 0; k < 200; k++) {
            double c = k % 2 == 0 ? 100 : 101;
            zigzag.add(new Bar(t0.plusSeconds(3600L * k), 100.5, 101, 100, c, 10));
        }
        double[] z = Features.compute(zigzag, t0.plusSeconds(3600L * 200), OptionalDouble.empty(), FeatureSet.V2).values();
        assertThat(z[23]).isCloseTo(0.0, eps);
        assertThat(z[24]).isCloseTo(0.0, eps);
        assertThat(z[22]).isEqualTo(0.5); // no 4-hour gains or losses at all
        assertThat(z[27]).isZero();
    }

    @Test
    void noFeatureOfEitherSetAtHourHUsesACandleThatClosesAfterH() {
        // 24 decision hours x 3 assets: for each H every candle opening at or after H (so closing after H) is
        // replaced by a wild one; each feature of hours <= H, in both feature sets, each with and without BTC's
        // context, must not move
        SortedMap<String, List<Bar>> assets = TestData.assets("BTC", "ETH", "SOL");
        Instant start = TestData.t("2024-03-05T00:00:00Z");
        int checked = 0;
        for (int k = 0; k < 24; k++) {
            Instant hour = start.plusSeconds(3600L * (5 * k));
            SortedMap<String, List<Bar>> changed = new TreeMap<>();
            assets.forEach((name, bars) -> changed.put(name, bars.stream().map(b -> b.openTime().isBefore(hour) ? b
                    : new Bar(b.openTime(), b.open() * 1.7, b.high() * 2.0, b.low() * 0.5, b.close() * 0.6,
                            b.volume() * 9 + 1)).toList()));
            Instant from = hour.minusSeconds(3600L * 3);
            Instant to = hour.plusSeconds(3600L * 2);
            for (FeatureSet set : FeatureSet.values()) {
                Samples plain = Samples.build(assets, from, to, CostModel.defaults(), set);
                Samples perturbed = Samples.build(changed, from, to, CostModel.defaults(), set);
                // each set alone, and with BTC's context appended to every asset's row (the evaluation's "btc" option)
                for (boolean btc : new boolean[] {false, true}) {
                    Samples a = btc ? plain.withBtcContext() : plain;
                    Samples b = btc ? perturbed.withBtcContext() : perturbed;
                    assertThat(b.size()).isEqualTo(a.size());
                    boolean later = false;
                    boolean laterContext = false;
                    for (int r = 0; r < a.size(); r++) {
                        if (a.hour[r] <= hour.getEpochSecond()) {
                            assertThat(b.x[r]).as("%s%s features of %s at %s", set, btc ? " + BTC context" : "",
                                    a.assets.get(a.asset[r]), Instant.ofEpochSecond(a.hour[r])).containsExactly(a.x[r]);
                            checked++;
                        } else {
                            later |= !java.util.Arrays.equals(a.x[r], b.x[r]);
                            int n = set.size();
                            laterContext |= !a.assets.get(a.asset[r]).equals("BTC") && !java.util.Arrays.equals(
                                    java.util.Arrays.copyOfRange(a.x[r], n, a.x[r].length),
                                    java.util.Arrays.copyOfRange(b.x[r], n, b.x[r].length));
                        }
                    }
                    assertThat(later).as("the perturbation shows after %s", hour).isTrue();
                    assertThat(laterContext).as("BTC's perturbation shows in the other assets' context after %s", hour)
                            .isEqualTo(btc);
                }
            }
        }
        assertThat(checked).isEqualTo(24 * 3 * 4 * 2 * 2);
    }

    @Test
    void labelsAreForwardOpenToOpenReturnsAgainstTheRoundTripCost() {
        Instant hour = TestData.t("2024-05-01T00:00:00Z");
        int h = indexOf(BTC, hour);
        Samples s = Samples.build(new TreeMap<>(java.util.Map.of("BTC", BTC)), hour, hour.plusSeconds(3600),
                new CostModel(java.math.BigDecimal.TEN, java.math.BigDecimal.valueOf(5), java.math.BigDecimal.ZERO));
        assertThat(s.size()).isEqualTo(1);
        for (Horizon hz : Horizon.values()) {
            double expected = BTC.get(h + hz.hours()).open() / BTC.get(h).open() - 1;
            assertThat(s.forwardReturn[hz.ordinal()][0]).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-12));
            assertThat(s.label[hz.ordinal()][0]).isEqualTo((byte) (expected > 0.0025 ? 1 : 0));
        }
    }
}
