package io.tradingcore.application.report;

import static io.tradingcore.application.report.Curves.d;
import static io.tradingcore.application.report.Curves.h;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class BuyAndHoldTest {

    static SortedMap<Instant, BigDecimal> prices(Object... hourPrice) {
        TreeMap<Instant, BigDecimal> m = new TreeMap<>();
        for (int i = 0; i < hourPrice.length; i += 2) {
            m.put(h((Integer) hourPrice[i]), d((String) hourPrice[i + 1]));
        }
        return m;
    }

    /*
     * 1000 split equally at hour 1: A 500/100 = 5 units, B 500/10 = 50 units.
     *   hour 1: 5*100 + 50*10 = 1000
     *   hour 2: 5*110 + 50*10 = 1050   (B has no price at hour 2: its hour-1 price carries forward)
     *   hour 3: 5*90  + 50*11 = 1000
     * total return 0; max drawdown 50/1050 from the hour-2 peak, not recovered, 1 hour to the end.
     */
    @Test
    void equalWeightTwoAssetsMarkedHourlyWithCarriedForwardPrice() {
        TreeMap<String, SortedMap<Instant, BigDecimal>> closes = new TreeMap<>();
        closes.put("A", prices(1, "100", 2, "110", 3, "90"));
        closes.put("B", prices(1, "10", 3, "11"));

        BuyAndHold.Run run = BuyAndHold.simulate(d("1000"), closes, List.of(h(1), h(2), h(3)));

        assertThat(run.curve()).extracting(EquityPoint::equity)
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(d("1000"), d("1050"), d("1000"));
        assertThat(run.trades()).extracting(TradeRecord::asset).containsExactly("A", "B");
        assertThat(run.trades()).extracting(TradeRecord::quantity).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(d("5"), d("50"));
        assertThat(run.trades()).allSatisfy(t -> assertThat(t.time()).isEqualTo(h(1)));

        PerformanceMetrics m = MetricsCalculator.compute(d("1000"), h(0), run.curve(), run.trades());
        assertThat(m.totalReturn()).isCloseTo(0.0, within(1e-15));
        assertThat(m.maxDrawdown()).isCloseTo(50.0 / 1050, within(1e-12));
        assertThat(m.maxDrawdownPeak()).isEqualTo(h(2));
        assertThat(m.maxDrawdownDurationHours()).isEqualTo(1);
        assertThat(m.trades()).isEqualTo(2);
        assertThat(m.tradedNotional()).isEqualByComparingTo("1000");
        assertThat(m.fees()).isEqualByComparingTo("0");
        assertThat(m.exposure()).isEqualTo(1.0);
        assertThat(m.winRate()).isEmpty();
        assertThat(m.hoursIn("NORMAL")).isEqualTo(3);
    }

    @Test
    void undivisibleAllocationKeepsTheDustAsCashSoEntryEquityIsTheCapital() {
        TreeMap<String, SortedMap<Instant, BigDecimal>> closes = new TreeMap<>();
        closes.put("A", prices(1, "3"));
        closes.put("B", prices(1, "7"));
        closes.put("C", prices(1, "11"));

        BuyAndHold.Run run = BuyAndHold.simulate(d("1000"), closes, List.of(h(1)));

        assertThat(run.curve().get(0).equity()).isEqualByComparingTo("1000");
        assertThat(run.curve().get(0).cash().signum()).isPositive();
    }

    @Test
    void hypotheticalTierFollowsTheDrawdownThresholds() {
        TreeMap<String, SortedMap<Instant, BigDecimal>> closes = new TreeMap<>();
        closes.put("A", prices(1, "100", 2, "89", 3, "84", 4, "80", 5, "95"));

        BuyAndHold.Run run = BuyAndHold.simulate(d("1000"), closes, List.of(h(1), h(2), h(3), h(4), h(5)));

        assertThat(run.curve()).extracting(EquityPoint::drawdownTier)
                .containsExactly("NORMAL", "DD10", "DD15", "HALT20", "NORMAL");
    }

    @Test
    void rejectsAnAssetWithoutPriceAtOrBeforeTheEntryHour() {
        TreeMap<String, SortedMap<Instant, BigDecimal>> closes = new TreeMap<>();
        closes.put("A", prices(1, "100"));
        closes.put("LATE", prices(2, "10"));

        assertThatThrownBy(() -> BuyAndHold.simulate(d("1000"), closes, List.of(h(1), h(2))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no close price for LATE");
    }
}
