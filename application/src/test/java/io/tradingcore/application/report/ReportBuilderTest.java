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

class ReportBuilderTest {

    static final List<EquityPoint> CURVE = Curves.HAND_CURVE;
    static final List<TradeRecord> TRADES = Curves.HAND_TRADES;

    static SortedMap<String, SortedMap<Instant, BigDecimal>> closes() {
        TreeMap<String, SortedMap<Instant, BigDecimal>> c = new TreeMap<>();
        TreeMap<Instant, BigDecimal> btc = new TreeMap<>();
        TreeMap<Instant, BigDecimal> eth = new TreeMap<>();
        String[] b = {"50000", "49000", "48000", "51000", "52000", "53000"};
        String[] e = {"3000", "3100", "2900", "3000", "3200", "3300"};
        for (int i = 0; i < 6; i++) {
            btc.put(h(i + 1), d(b[i]));
            eth.put(h(i + 1), d(e[i]));
        }
        c.put("BTC/USDT", btc);
        c.put("ETH/USDT", eth);
        return c;
    }

    static ReportInput input() {
        return new ReportInput("Hand-computed run", d("1000"), CURVE, TRADES,
                List.of(new FoldWindow(2, h(4), h(7)), new FoldWindow(1, h(1), h(4))), closes());
    }

    /*
     * fold 1 = [01:00, 04:00): starts from the initial 1000 at 00:00; ends at 997.5 -> return -0.25%;
     *   drawdown 10% from the 1050 peak at 01, not recovered inside the fold -> 01..03 = 2 hours;
     *   one closed trade (-20): win rate 0, profit factor 0/20 = 0.
     * fold 2 = [04:00, 07:00): starts from 997.5 (03:00, the last point before the fold); ends 1100 ->
     *   return 1100/997.5 - 1; drawdown 1102.5 -> 1047.375 = 5%, not recovered -> 04..06 = 2 hours;
     *   two closed trades, both winners: win rate 1, profit factor n/a (no loss).
     */
    @Test
    void foldsStartFromThePreviousHourAndTakeOnlyTheirOwnTrades() {
        Report r = ReportBuilder.build(input());

        assertThat(r.folds()).extracting(f -> f.fold().index()).containsExactly(1, 2);
        PerformanceMetrics f1 = r.folds().get(0).metrics().strategy();
        assertThat(f1.startEquity()).isEqualByComparingTo("1000");
        assertThat(f1.hours()).isEqualTo(3);
        assertThat(f1.totalReturn()).isCloseTo(-0.0025, within(1e-12));
        assertThat(f1.maxDrawdown()).isCloseTo(0.10, within(1e-12));
        assertThat(f1.maxDrawdownDurationHours()).isEqualTo(2);
        assertThat(f1.trades()).isEqualTo(2);
        assertThat(f1.winRate()).hasValue(0.0);
        assertThat(f1.profitFactor()).hasValue(0.0);

        PerformanceMetrics f2 = r.folds().get(1).metrics().strategy();
        assertThat(f2.start()).isEqualTo(h(3));
        assertThat(f2.startEquity()).isEqualByComparingTo("997.5");
        assertThat(f2.totalReturn()).isCloseTo(1100 / 997.5 - 1, within(1e-12));
        assertThat(f2.maxDrawdown()).isCloseTo(0.05, within(1e-12));
        assertThat(f2.maxDrawdownPeak()).isEqualTo(h(4));
        assertThat(f2.maxDrawdownDurationHours()).isEqualTo(2);
        assertThat(f2.trades()).isEqualTo(3);
        assertThat(f2.winRate()).hasValue(1.0);
        assertThat(f2.profitFactor()).isEmpty();
        assertThat(f2.fees()).isEqualByComparingTo("0.625");
    }

    /*
     * buy-and-hold: 500 in BTC at 50000 (0.01) and 500 in ETH at 3000 (1/6 rounded down to 18 places).
     * end (06): 0.01*53000 + ETH 500*3300/3000 = 530 + 550 = 1080 (less sub-1e-14 dust) -> +8%.
     * fold 2 starts from hour 3: 480 + 500*2900/3000 = 480 + 483.33... = 963.33...
     */
    @Test
    void benchmarkIsComputedOverallAndPerFoldOnTheSameHours() {
        Report r = ReportBuilder.build(input());

        PerformanceMetrics bh = r.overall().buyAndHold();
        assertThat(r.benchmarkCurve()).extracting(EquityPoint::hour).containsExactlyElementsOf(
                CURVE.stream().map(EquityPoint::hour).toList());
        assertThat(bh.totalReturn()).isCloseTo(0.08, within(1e-12));
        assertThat(bh.trades()).isEqualTo(2);
        assertThat(r.overall().strategy().totalReturn()).isCloseTo(0.10, within(1e-12));

        PerformanceMetrics bhFold2 = r.folds().get(1).metrics().buyAndHold();
        assertThat(bhFold2.startEquity().doubleValue()).isCloseTo(480 + 500 * 2900.0 / 3000, within(1e-9));
        assertThat(bhFold2.trades()).isZero();
        assertThat(r.assets()).containsExactly("BTC/USDT", "ETH/USDT");
    }

    @Test
    void rejectsAFoldWithoutEquityHours() {
        assertThatThrownBy(() -> new ReportInput("x", d("1000"), CURVE, TRADES,
                List.of(new FoldWindow(1, h(100), h(200))), closes()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fold 1");
    }

    @Test
    void rejectsEquityHoursOutOfOrder() {
        assertThatThrownBy(() -> new ReportInput("x", d("1000"), List.of(CURVE.get(1), CURVE.get(0)), TRADES,
                List.of(), closes()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("strictly increase");
    }

    @Test
    void rejectsAnUnalignedHour() {
        assertThatThrownBy(() -> new EquityPoint(h(1).plusSeconds(60), d("1"), d("1"), d("0"), "NORMAL"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not aligned");
    }
}
