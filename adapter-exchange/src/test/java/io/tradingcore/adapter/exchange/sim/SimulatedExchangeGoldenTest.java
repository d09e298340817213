package io.tradingcore.adapter.exchange.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradingcore.domain.ClientOrderId;
import io.tradingcore.domain.AssetId;
import io.tradingcore.domain.Candle;
import io.tradingcore.domain.HourTs;
import io.tradingcore.adapter.exchange.model.OrderTicket;
import io.tradingcore.adapter.exchange.model.TimeInForce;
import io.tradingcore.domain.OrderSide;
import io.tradingcore.ports.out.ExchangeFill;
import io.tradingcore.ports.out.ExchangeOrderState;
import io.tradingcore.ports.out.SubmitResult;
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
 * was split into matching, pricing, fees and balances: a refactor that moves any price, fee or id fails here. The
 * values are written out field by field (decimals without trailing zeros), so the digests do not depend on the
 * classes that carry them; they were taken with the venue's own result types, before it returned the ports' types.
 */
class SimulatedExchangeGoldenTest {
    private static final Instant START = Instant.parse("2024-03-01T00:00:00Z");

    @Test
    void feeInQuote() {
        assertThat(run(false)).isEqualTo("58d7617c634523b61b84e488cd63032d4fb55649895120f647c5e1a5c1f56cbb");
    }

    @Test
    void feeInBase() {
        assertThat(run(true)).isEqualTo("58039b68ddf023d516d1eb40ac942bfd4cb1ba7db38b7203828f540c7b6794ad");
    }

    private static String run(boolean feeInBase) {
        SimulatedExchange s = SimulatedExchange.create(SimConfig.builder().seed(7).defaultSpreadBps("3").slippageBps("1")
                .slippageJitterBps("2").makerFeeBps("8").takerFeeBps("10").maxVolumeShare("0.05").feeInBaseForBuys(feeInBase)
                .rules(SymbolRules.of("BTC/USDT", "0.01", "0.00001", "0.00001", "5"))
                .rules(SymbolRules.of("ETH/USDT", "0.01", "0.0001", "0.0001", "5"))
                .balance("USDT", "50000").balance("ETH", "3").build());
        SplittableRandom r = new SplittableRandom(11);
        List<Candle> bars = new ArrayList<>();
        for (String sym : List.of("BTC/USDT", "ETH/USDT")) {
            List<Candle> ofSymbol = new ArrayList<>();
            AssetId asset = AssetId.of(sym.startsWith("BTC") ? 1 : 2);
            BigDecimal c = sym.startsWith("BTC") ? new BigDecimal("40000") : new BigDecimal("2500");
            for (int h = 0; h < 48; h++) {
                BigDecimal open = c;
                c = c.multiply(BigDecimal.valueOf(1 + (r.nextDouble() - 0.5) * 0.02)).setScale(2, RoundingMode.HALF_EVEN);
                BigDecimal hi = open.max(c).multiply(new BigDecimal("1.003")).setScale(2, RoundingMode.HALF_EVEN);
                BigDecimal lo = open.min(c).multiply(new BigDecimal("0.997")).setScale(2, RoundingMode.HALF_EVEN);
                ofSymbol.add(new Candle(asset, HourTs.of(START.plusSeconds(3600L * h)), open, hi, lo, c, BigDecimal.valueOf(r.nextInt(1, 40))));
            }
            s.addCandles(sym, ofSymbol);
            bars.addAll(ofSymbol);
        }
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
                t = new OrderTicket(new ClientOrderId(id), sym, side, OrderType.LIMIT, h % 8 == 3 ? TimeInForce.IOC : TimeInForce.GTC, qty,
                        limit.setScale(2, RoundingMode.DOWN), at);
            } else {
                t = new OrderTicket(new ClientOrderId(id), sym, side, OrderType.MARKET, TimeInForce.IOC, qty, null, at);
            }
            StringBuilder sb = new StringBuilder(id).append(' ').append(submitted(s.submit(t)));
            ids.add(sb.toString());
            s.executeThrough(at);
        }
        s.executeThrough(START.plusSeconds(3600L * 47));
        StringBuilder all = new StringBuilder();
        ids.forEach(x -> all.append(x).append('\n'));
        for (int h = 0; h < 40; h++) {
            all.append(order(s.query("g" + h).orElseThrow())).append('\n');
            s.fills("g" + h).forEach(f -> all.append(fill(f)).append('\n'));
        }
        all.append(s.balances());
        assertThat(all.toString()).as("the scenario exercises takers, makers and cancels")
                .contains(" TAKER", " MAKER", " CANCELLED ", " FILLED ");
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(all.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // the values, written out field by field, so that the digest does not depend on the classes that carry them

    private static String submitted(SubmitResult r) {
        if (r instanceof SubmitResult.Accepted a) {
            return "ACCEPTED " + order(a.state());
        }
        if (r instanceof SubmitResult.Rejected j) {
            return "REJECTED " + j.reason() + " " + j.message();
        }
        return "UNKNOWN " + ((SubmitResult.Unknown) r).why();
    }

    private static String order(ExchangeOrderState o) {
        return String.join(" ", o.clientOrderId().value(), o.venueOrderId(), o.status().name(), plain(o.filledQuantity()),
                plain(o.averagePrice()), String.valueOf(o.rejectReason()), String.valueOf(o.rejectMessage()));
    }

    private static String fill(ExchangeFill f) {
        return String.join(" ", f.clientOrderId().value(), f.exchangeTradeId().value(), plain(f.quantity()), plain(f.price()),
                plain(f.fee()), f.feeAsset(), f.tradeTs().toString(), f.liquidity());
    }

    private static String plain(BigDecimal v) {
        return v == null ? "-" : v.stripTrailingZeros().toPlainString();
    }
}
