package io.tradingcore.adapter.exchange.sim;

import io.tradingcore.domain.OrderSide;
import static io.tradingcore.adapter.exchange.sim.SimulatedExchangeTest.BTC;
import static io.tradingcore.adapter.exchange.sim.SimulatedExchangeTest.H0;
import static io.tradingcore.adapter.exchange.sim.SimulatedExchangeTest.accepted;
import static io.tradingcore.adapter.exchange.sim.SimulatedExchangeTest.assertNum;
import static io.tradingcore.adapter.exchange.sim.SimulatedExchangeTest.bar;
import static io.tradingcore.adapter.exchange.sim.SimulatedExchangeTest.config;
import static io.tradingcore.adapter.exchange.sim.SimulatedExchangeTest.limit;
import static io.tradingcore.adapter.exchange.sim.SimulatedExchangeTest.market;
import static org.assertj.core.api.Assertions.assertThat;

import io.tradingcore.adapter.exchange.model.TimeInForce;
import io.tradingcore.ports.out.ExchangeFill;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 8, "missing candles inflating profits": hours without a candle are hours without a market. An order
 * decided before a gap is never filled at an invented (carried-forward or interpolated) price, only at the
 * first real candle after the gap, and a resting limit is never crossed by a move that happened inside it.
 */
class SimulatedExchangeGapTest {
    private static final Instant H = H0;

    /** Candles at H and H+4 only: H+1..H+3 are missing, and the price fell 10% across the gap. */
    private static SimulatedExchange gapped() {
        SimulatedExchange s = SimulatedExchange.create(config().balance("USDT", "100000").build());
        s.addCandles(BTC, List.of(
                bar(H, "40000", "40100", "39900", "40000", "100"),
                bar(H.plusSeconds(4 * 3600), "36000", "36200", "35800", "36100", "100")));
        return s;
    }

    @Test
    void aMarketOrderDecidedInsideAGapFillsOnlyAtTheOpenOfTheFirstRealCandleAfterIt() {
        SimulatedExchange s = gapped();
        s.executeThrough(H);
        accepted(s.submit(market("b1", OrderSide.BUY, "0.1", H.plusSeconds(3600))));
        s.executeThrough(H.plusSeconds(3 * 3600));
        assertThat(s.fills("b1")).as("no candle, no market, no fill").isEmpty();
        s.executeThrough(H.plusSeconds(4 * 3600));
        List<ExchangeFill> f = s.fills("b1");
        assertThat(f).hasSize(1);
        assertThat(f.get(0).tradeTs()).isEqualTo(H.plusSeconds(4 * 3600));
        assertNum(f.get(0).price(), "36007.2"); // the real open 36000 plus half spread and slippage (2 bps), not 40000
    }

    @Test
    void aRestingLimitIsNotFilledByAPriceThatOnlyExistedInsideTheGap() {
        SimulatedExchange s = gapped();
        s.executeThrough(H);
        // a buy limit at 38000: the market fell through 38000 somewhere inside the gap, but no candle shows a trade there
        accepted(s.submit(limit("l1", OrderSide.BUY, "0.1", "38000", TimeInForce.GTC, H.plusSeconds(3600))));
        s.executeThrough(H.plusSeconds(4 * 3600));
        List<ExchangeFill> f = s.fills("l1");
        assertThat(f).hasSize(1);
        assertThat(f.get(0).tradeTs()).as("filled at the first real candle").isEqualTo(H.plusSeconds(4 * 3600));
        assertThat(f.get(0).price()).as("at no worse than its limit, at the real candle's open (taker)")
                .isLessThanOrEqualTo(new java.math.BigDecimal("38000"));
        assertNum(f.get(0).price(), "36007.2");
    }
}
