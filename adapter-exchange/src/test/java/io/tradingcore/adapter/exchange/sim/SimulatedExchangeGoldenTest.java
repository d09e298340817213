package io.tradingcore.adapter.exchange.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradingcore.adapter.exchange.model.Bar;
import io.tradingcore.adapter.exchange.model.OrderTicket;
import io.tradingcore.adapter.exchange.model.TimeInForce;
import io.tradingcore.domain.OrderSide;
import io.tradingcore.domain.OrderType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Every fill, order state and balance of a fixed mixed scenario (MARKET and LIMIT, GTC and IOC, buys and sells,
 * slippage jitter, volume cap, fee in quote and in base) pinned to what the simulated exchange produced before it
 * was split into matching, pricing, fees and balances: a refactor that moves any price, fee or id fails here.
 */
class SimulatedExchangeGoldenTest {
    private static final Instant START = Instant.parse("2024-03-01T00:00:00Z");

    @Test
    void feeInQuote() {
        assertThat(run(false)).isEqualTo("4e2f6f6dc9f4fcd5bebcb0ce7073e0fbb31d04bc107e11656e6bb7f1b0185e98");
    }

    @Test
    void feeInBase() {
        assertThat(run(true)).isEqualTo("2a416c6fc82ba77625a6b3f09d7a8be3e2bbe1dcfea02f8045390fbcda89fe28");
    }

    private static String run(boolean feeInBase) {
        SimulatedExchange s = SimulatedExchange.create(SimConfig.builder().seed(7).defaultSpreadBps("3").slippageBps("1")
                .slippageJitterBps("2").makerFeeBps("8").takerFeeBps("10").maxVolumeShare("0.05").feeInBaseForBuys(feeInBase)
                .rules(SymbolRules.of("BTC/USDT", "0.01", "0.00001", "0.00001", "5"))
                .rules(SymbolRules.of("ETH/USDT", "0.01", "0.0001", "0.0001", "5"))
                .balance("USDT", "50000").balance("ETH", "3").build());
        SplittableRandom r = new SplittableRandom(11);
        List<Bar> bars = new ArrayList<>();
        for (String sym : List.of("BTC/USDT", "ETH/USDT")) {
            BigDecimal c = sym.startsWith("BTC") ? new BigDecimal("40000") : new BigDecimal("2500");
            for (int h = 0; h < 48; h++) {
                BigDecimal open = c;
                c = c.multiply(BigDecimal.valueOf(1 + (r.nextDouble() - 0.5) * 0.02)).setScale(2, RoundingMode.HALF_EVEN);
                BigDecimal hi = open.max(c).multiply(new BigDecimal("1.003")).setScale(2, RoundingMode.HALF_EVEN);
                BigDecimal lo = open.min(c).multiply(new BigDecimal("0.997")).setScale(2, RoundingMode.HALF_EVEN);
                bars.add(new Bar(sym, START.plusSeconds(3600L * h), open, hi, lo, c, BigDecimal.valueOf(r.nextInt(1, 40))));
            }
        }
        s.addBars(bars);
        List<String> ids = new ArrayList<>();
        for (int h = 0; h < 40; h++) {
            Instant at = START.plusSeconds(3600L * h);
            String sym = h % 2 == 0 ? "BTC/USDT" : "ETH/USDT";
            OrderSide side = h % 3 == 2 ? OrderSide.SELL : OrderSide.BUY;
            BigDecimal qty = sym.startsWith("BTC") ? new BigDecimal("0.05") : new BigDecimal("0.7");
            String id = "g" + h;
            OrderTicket t;
            if (h % 4 == 3) {
                BigDecimal ref = bars.get((sym.startsWith("BTC") ? 0 : 48) + h).open();
                BigDecimal limit = side == OrderSide.BUY ? ref.multiply(new BigDecimal("0.995")) : ref.multiply(new BigDecimal("1.005"));
                t = new OrderTicket(id, sym, side, OrderType.LIMIT, h % 8 == 3 ? TimeInForce.IOC : TimeInForce.GTC, qty,
                        limit.setScale(2, RoundingMode.DOWN), at);
            } else {
                t = new OrderTicket(id, sym, side, OrderType.MARKET, TimeInForce.IOC, qty, null, at);
            }
            StringBuilder sb = new StringBuilder(id).append(' ').append(s.submit(t));
            ids.add(sb.toString());
            s.executeThrough(at);
        }
        s.executeThrough(START.plusSeconds(3600L * 47));
        StringBuilder all = new StringBuilder();
        ids.forEach(x -> all.append(x).append('\n'));
        for (int h = 0; h < 40; h++) {
            all.append(s.query("g" + h).orElseThrow()).append('\n').append(s.fills("g" + h)).append('\n');
        }
        all.append(s.balances());
        assertThat(all.toString()).as("the scenario exercises takers, makers and cancels")
                .contains("liquidity=TAKER", "liquidity=MAKER", "status=CANCELLED", "status=FILLED");
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(all.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
