package io.tradingcore.domain.portfolio;

import static io.tradingcore.domain.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradingcore.domain.OrderSide;
import io.tradingcore.domain.order.Order;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class PositionTest {
    private final Order buy = placed(buy("10", "10000", "100000"));
    private final Order sell = placed(request(OrderSide.SELL, "10", "10000", "0"));

    @Test
    void buyFeesGoIntoAverageCostAndSellFeesReduceRealisedPnl() {
        Position p = Position.flat(BTC.id()).apply(fill(buy, "b1", "1", "100", "1"));
        p = p.apply(fill(buy, "b2", "1", "200", "1"));
        assertThat(p.quantity()).isEqualByComparingTo("2");
        assertThat(p.avgCost()).isEqualByComparingTo("151");
        assertThat(p.unrealisedPnl(d("160"))).isEqualByComparingTo("18");
        assertThat(p.marketValue(d("160"))).isEqualByComparingTo("320");
        p = p.apply(fill(sell, "s1", "1", "171", "0.5"));
        assertThat(p.realisedPnl()).isEqualByComparingTo("19.5");
        assertThat(p.avgCost()).isEqualByComparingTo("151");
        p = p.apply(fill(sell, "s2", "1", "141", "0.5"));
        assertThat(p.isFlat()).isTrue();
        assertThat(p.avgCost()).isZero();
        assertThat(p.realisedPnl()).isEqualByComparingTo("9");
    }

    @Test
    void longOnlySellingMoreThanHeldIsABrokenInvariant() {
        Position p = Position.flat(BTC.id()).apply(fill(buy, "b1", "1", "100", "0"));
        assertThatThrownBy(() -> p.apply(fill(sell, "s1", "1.000000000000000001", "100", "0"))).hasMessageContaining("long-only");
        assertThatThrownBy(() -> new Position(BTC.id(), d("-1"), d("0"), d("0"))).hasMessageContaining("long-only");
    }

    @Test
    void portfolioEquityIsCashPlusMarketValueWithPeakAndDrawdown() {
        Portfolio pf = Portfolio.empty().apply(fill(buy, "b1", "2", "100", "0"));
        Map<io.tradingcore.domain.AssetId, java.math.BigDecimal> marks = new TreeMap<>(Map.of(BTC.id(), d("90")));
        PortfolioState s = PortfolioState.of(HOUR, d("800"), pf.marketValue(marks), d("1000"));
        assertThat(s.equity()).isEqualByComparingTo("980");
        assertThat(s.peakEquity()).isEqualByComparingTo("1000");
        assertThat(s.drawdown()).isEqualByComparingTo("0.02");
        PortfolioState up = PortfolioState.of(HOUR, d("900"), pf.marketValue(marks), d("1000"));
        assertThat(up.peakEquity()).isEqualByComparingTo("1080");
        assertThat(up.drawdown()).isZero();
        assertThat(pf.states(HOUR, marks)).singleElement().satisfies(ps -> {
            assertThat(ps.unrealisedPnl()).isEqualByComparingTo("-20");
            assertThat(ps.position()).isEqualTo(pf.position(BTC.id()));
        });
        assertThatThrownBy(() -> pf.marketValue(Map.of())).hasMessageContaining("no mark price");
    }
}
