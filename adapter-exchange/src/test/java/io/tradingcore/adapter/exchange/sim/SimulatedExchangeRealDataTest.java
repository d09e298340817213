package io.tradingcore.adapter.exchange.sim;

import io.tradingcore.domain.ClientOrderId;
import io.tradingcore.domain.OrderSide;
import io.tradingcore.domain.OrderType;
import io.tradingcore.domain.OrderStatus;
import io.tradingcore.domain.AssetId;
import io.tradingcore.domain.Candle;
import io.tradingcore.domain.HourTs;
import io.tradingcore.domain.Decimals;
import io.tradingcore.adapter.exchange.model.VenueDecimals;
import io.tradingcore.adapter.exchange.model.OrderTicket;
import io.tradingcore.domain.AssetId;
import io.tradingcore.domain.BookSnapshot;
import io.tradingcore.ports.out.SubmitResult;
import io.tradingcore.adapter.exchange.model.TimeInForce;
import io.tradingcore.ports.out.ExchangeFill;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/** The fill rules on excerpts of real Binance candles and bookTicker updates (src/test/resources/sim). */
class SimulatedExchangeRealDataTest {

    @Test
    void bookTickerUpdateAfterTheHourIsNotUsedButIsUsedForTheNextHour() throws IOException {
        SimulatedExchange s = SimulatedExchange.create(SimConfig.builder().defaultSpreadBps("4").slippageBps("1")
                .rules(SymbolRules.of("BTC/USDT", "0.01", "0.00001", "0.00001", "5")).balance("USDT", "100000").build());
        s.addCandles("BTC/USDT", bars("sim/BTC_USDT_1h-2023-10-01T23..02T02.csv"));
        List<BookSnapshot> quotes = quotes("sim/BTCUSDT-bookTicker-2023-10-02-first20.csv");
        s.addBooks("BTC/USDT", quotes);
        Instant h0 = Instant.parse("2023-10-02T00:00:00Z");
        Instant h1 = h0.plusSeconds(3600);
        submit(s, new OrderTicket(new ClientOrderId("at00"), "BTC/USDT", OrderSide.BUY, OrderType.MARKET, TimeInForce.IOC, new BigDecimal("0.5"), null, h0));
        submit(s, new OrderTicket(new ClientOrderId("at01"), "BTC/USDT", OrderSide.BUY, OrderType.MARKET, TimeInForce.IOC, new BigDecimal("0.5"), null, h1));
        s.executeThrough(h1);

        // the first update is at 00:00:00.012, after hour 00:00: the configured 4 bps spread applies (2 + 1 bp)
        assertThat(s.fills("at00").get(0).price()).isEqualByComparingTo(bps("27992.58", "3"));
        // at 01:00 the last update (bid 27981.3 / ask 27981.4, ~0.036 bps) sets the spread
        BigDecimal half = quotes.get(quotes.size() - 1).spreadBps().divide(BigDecimal.valueOf(2));
        assertThat(s.fills("at01").get(0).price()).isEqualByComparingTo(bps("27932.05", half.add(BigDecimal.ONE).toPlainString()));
    }

    @Test
    void shibOrderDecidedOnTheZeroVolumeCandleFillsAtTheNextTradedOpenAfterTheOutage() throws IOException {
        SimulatedExchange s = SimulatedExchange.create(SimConfig.builder().defaultSpreadBps("2").slippageBps("0")
                .rules(SymbolRules.of("SHIB/USDT", "0.00000001", "1", "1", "5")).balance("USDT", "100").build());
        s.addCandles("SHIB/USDT", bars("sim/SHIB_USDT_1h-2023-03-24T10..13.csv"));
        Instant flat = Instant.parse("2023-03-24T12:00:00Z");
        submit(s, new OrderTicket(new ClientOrderId("shib"), "SHIB/USDT", OrderSide.BUY, OrderType.MARKET, TimeInForce.GTC, new BigDecimal("1000000"), null, flat));
        s.executeThrough(flat);
        assertThat(s.fills("shib")).isEmpty();
        assertThat(s.query("shib").orElseThrow().status()).isEqualTo(OrderStatus.ACK);

        s.executeThrough(Instant.parse("2023-03-24T14:00:00Z")); // 13:00 is missing in the data (exchange outage)
        ExchangeFill f = s.fills("shib").get(0);
        assertThat(f.tradeTs()).isEqualTo(Instant.parse("2023-03-24T14:00:00Z"));
        assertThat(f.price()).isEqualByComparingTo("0.000010641064"); // 0.00001064 * (1 + 1 bp)
        assertThat(f.fee()).isEqualByComparingTo("0.0106410640"); // 10.641064 USDT * 10 bps, exact at 1e-5 prices
        assertThat(s.balances().get("USDT").free()).isEqualByComparingTo("89.348294936");
    }

    private static BigDecimal bps(String price, String bps) {
        BigDecimal p = new BigDecimal(price);
        return Decimals.value(p.add(VenueDecimals.bps(p, new BigDecimal(bps))));
    }

    private static void submit(SimulatedExchange s, OrderTicket t) {
        assertThat(s.submit(t)).isInstanceOf(SubmitResult.Accepted.class);
    }

    static List<Candle> bars(String resource) throws IOException {
        List<Candle> out = new ArrayList<>();
        for (String[] c : csv(resource)) {
            out.add(new Candle(AssetId.of(1), HourTs.of(Instant.parse(c[0])), new BigDecimal(c[1]), new BigDecimal(c[2]), new BigDecimal(c[3]),
                    new BigDecimal(c[4]), new BigDecimal(c[5])));
        }
        return out;
    }

    static List<BookSnapshot> quotes(String resource) throws IOException {
        List<BookSnapshot> out = new ArrayList<>();
        for (String[] c : csv(resource)) {
            out.add(new BookSnapshot(new AssetId((short) 1), Instant.ofEpochMilli(Long.parseLong(c[5])), new BigDecimal(c[1]),
                    new BigDecimal(c[3]), new BigDecimal(c[2]), new BigDecimal(c[4]), "binance"));
        }
        return out;
    }

    private static List<String[]> csv(String resource) throws IOException {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(SimulatedExchangeRealDataTest.class.getClassLoader().getResourceAsStream(resource), resource),
                StandardCharsets.UTF_8))) {
            return r.lines().skip(1).map(l -> l.split(",")).toList();
        }
    }
}
