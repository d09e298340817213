package io.tradingcore.application.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoundTripsAndMonthlyReturnsTest {
    static TradeRecord t(String time, String asset, String side, String qty, String price, String fee, String pnl) {
        return new TradeRecord(Instant.parse(time), asset, side, new BigDecimal(qty), new BigDecimal(price), new BigDecimal(fee),
                pnl == null ? null : new BigDecimal(pnl));
    }

    static EquityPoint p(String hour, String equity) {
        return new EquityPoint(Instant.parse(hour), new BigDecimal(equity), new BigDecimal(equity), BigDecimal.ZERO, "NORMAL");
    }

    @Test
    void buysAndSellsBecomeRoundTripsPerAssetWithWeightedPricesFeesAndPnl() {
        List<RoundTrips.Trip> trips = RoundTrips.of(List.of(
                t("2025-01-01T01:00:00Z", "BTC/USDT", "BUY", "1", "100", "0.1", null),
                t("2025-01-01T02:00:00Z", "ETH/USDT", "SELL", "1", "10", "0.01", "1"), // nothing open: not a trip
                t("2025-01-01T03:00:00Z", "BTC/USDT", "BUY", "1", "110", "0.11", null),
                t("2025-01-01T05:00:00Z", "BTC/USDT", "SELL", "1.5", "120", "0.18", "22.5"),
                t("2025-01-01T09:00:00Z", "BTC/USDT", "SELL", "0.5", "100", "0.05", "-2.5"),
                t("2025-01-02T00:00:00Z", "ETH/USDT", "BUY", "2", "10", "0.02", null)));
        assertThat(trips).hasSize(2);
        RoundTrips.Trip btc = trips.get(0);
        assertThat(btc.asset()).isEqualTo("BTC/USDT");
        assertThat(btc.entryPrice()).isEqualByComparingTo("105");
        assertThat(btc.exitPrice()).isEqualByComparingTo("115");
        assertThat(btc.quantity()).isEqualByComparingTo("2");
        assertThat(btc.fees()).isEqualByComparingTo("0.44");
        assertThat(btc.realisedPnl()).isEqualByComparingTo("20");
        assertThat(btc.holdingHours(null)).isEqualTo(8);
        assertThat(btc.fills()).isEqualTo(4);
        RoundTrips.Trip eth = trips.get(1);
        assertThat(eth.open()).isTrue();
        assertThat(eth.holdingHours(Instant.parse("2025-01-02T06:00:00Z"))).isEqualTo(6);
    }

    @Test
    void aDustRemainderClosesTheTrip() {
        List<RoundTrips.Trip> trips = RoundTrips.of(List.of(
                t("2025-01-01T01:00:00Z", "BTC/USDT", "BUY", "1", "100", "0", null),
                t("2025-01-01T02:00:00Z", "BTC/USDT", "SELL", "0.9999999", "100", "0", "0")));
        assertThat(trips).singleElement().satisfies(x -> assertThat(x.open()).isFalse());
    }

    @Test
    void monthlyReturnsChainFromTheInitialCapitalAndCompoundIntoYears() {
        Map<YearMonth, Double> m = MonthlyReturns.of(new BigDecimal("1000"), List.of(
                p("2024-12-31T22:00:00Z", "1000"), p("2024-12-31T23:00:00Z", "1100"),
                p("2025-01-01T00:00:00Z", "1000"), p("2025-01-31T23:00:00Z", "990"),
                p("2025-02-01T00:00:00Z", "1089")));
        assertThat(m.keySet()).containsExactly(YearMonth.of(2024, 12), YearMonth.of(2025, 1), YearMonth.of(2025, 2));
        assertThat(m.get(YearMonth.of(2024, 12))).isCloseTo(0.10, within(1e-12));
        assertThat(m.get(YearMonth.of(2025, 1))).isCloseTo(-0.10, within(1e-12));
        assertThat(m.get(YearMonth.of(2025, 2))).isCloseTo(0.10, within(1e-12));
        assertThat(MonthlyReturns.yearly(m).get(2025)).isCloseTo(0.9 * 1.1 - 1, within(1e-12));
    }

    @Test
    void drawdownEpisodesAreRankedByDepthAndAnOpenOneRunsToTheEnd() {
        List<DrawdownPeriods.Period> d = DrawdownPeriods.deepest(new BigDecimal("100"), Instant.parse("2025-01-01T00:00:00Z"), List.of(
                p("2025-01-01T01:00:00Z", "90"), p("2025-01-01T02:00:00Z", "100"), // -10%, recovered after 2 h
                p("2025-01-01T03:00:00Z", "120"), p("2025-01-01T04:00:00Z", "114"), p("2025-01-01T05:00:00Z", "121"), // -5%
                p("2025-01-01T06:00:00Z", "96.8"), p("2025-01-01T07:00:00Z", "100")), 2); // -20%, open
        assertThat(d).hasSize(2);
        assertThat(d.get(0).depth()).isCloseTo(0.20, within(1e-12));
        assertThat(d.get(0).recovery()).isNull();
        assertThat(d.get(0).peak()).isEqualTo(Instant.parse("2025-01-01T05:00:00Z"));
        assertThat(d.get(0).trough()).isEqualTo(Instant.parse("2025-01-01T06:00:00Z"));
        assertThat(d.get(0).hours()).isEqualTo(2);
        assertThat(d.get(1).depth()).isCloseTo(0.10, within(1e-12));
        assertThat(d.get(1).recovery()).isEqualTo(Instant.parse("2025-01-01T02:00:00Z"));
        assertThat(d.get(1).hours()).isEqualTo(2);
    }
}
