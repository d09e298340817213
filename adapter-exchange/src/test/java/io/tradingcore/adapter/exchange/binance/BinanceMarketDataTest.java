package io.tradingcore.adapter.exchange.binance;

import io.tradingcore.domain.Asset;
import io.tradingcore.domain.AssetId;
import io.tradingcore.domain.BookSnapshot;
import io.tradingcore.domain.Candle;
import io.tradingcore.domain.HourTs;
import io.tradingcore.adapter.exchange.sim.SymbolRules;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.tradingcore.adapter.exchange.binance.BinanceFake.json;
import static org.assertj.core.api.Assertions.assertThat;

class BinanceMarketDataTest {
    final BinanceFake fake = new BinanceFake();

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void hourlyKlinesAreMappedExactlyAndTheStillOpenCandleIsLeftOut() {
        fake.server.stubFor(get(urlPathEqualTo("/api/v3/klines")).willReturn(json(200, "klines-btcusdt-1h.json")));
        Instant now = Instant.parse("2024-01-01T02:30:00Z"); // the 02:00 candle is still open
        BinanceMarketData md = BinanceMarketData.create(fake.config().credentials(null).clock(Clock.fixed(now, ZoneOffset.UTC)).build());

        List<Candle> bars = md.hourlyCandles(Asset.of(1, "BTC/USDT"), Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2024-01-01T03:00:00Z"));

        assertThat(bars).extracting(Candle::openTime).containsExactly(HourTs.parse("2024-01-01T00:00:00Z"), HourTs.parse("2024-01-01T01:00:00Z"));
        assertThat(bars).extracting(Candle::asset).containsOnly(AssetId.of(1));
        assertThat(bars.get(0).open()).isEqualByComparingTo("42283.58");
        assertThat(bars.get(0).volume()).isEqualByComparingTo("1271.68108");
        assertThat(bars.get(1).close()).isEqualByComparingTo("42613.56");
        fake.server.verify(getRequestedFor(urlPathEqualTo("/api/v3/klines")).withQueryParam("symbol", equalTo("BTCUSDT"))
                .withQueryParam("interval", equalTo("1h")).withQueryParam("startTime", equalTo("1704067200000"))
                .withQueryParam("endTime", equalTo("1704077999999")).withQueryParam("limit", equalTo("1000"))
                .withQueryParam("signature", absent()).withHeader("X-MBX-APIKEY", absent()));
    }

    @Test
    void bookTickerGivesBestBidAndAskStampedWithTheClock() {
        fake.server.stubFor(get(urlPathEqualTo("/api/v3/ticker/bookTicker")).withQueryParam("symbol", equalTo("BTCUSDT"))
                .willReturn(json(200, "book-ticker-btcusdt.json")));
        BookSnapshot q = BinanceMarketData.create(fake.config().build())
                .bestBidAsk(new Asset(new AssetId((short) 1), "BTC/USDT", "BTC", "USDT"), "binance").orElseThrow();
        assertThat(q.bestBid()).isEqualByComparingTo("42519.99");
        assertThat(q.bestAsk()).isEqualByComparingTo("42520");
        assertThat(q.askSize()).isEqualByComparingTo("0.901");
        assertThat(q.snapshotTs()).isEqualTo(BinanceFake.NOW);
        assertThat(q.asset()).isEqualTo(new AssetId((short) 1));
        assertThat(q.venue()).isEqualTo("binance");
        assertThat(q.spreadBps()).isEqualByComparingTo("0.00235183"); // 0.01 / 42519.99 * 10000 = 0.0023518349..
    }

    @Test
    void exchangeInfoFiltersBecomeTheSymbolRulesASimulationEnforces() {
        fake.server.stubFor(get(urlPathEqualTo("/api/v3/exchangeInfo")).withQueryParam("symbols", equalTo("[\"BTCUSDT\"]"))
                .willReturn(json(200, "exchange-info-btcusdt.json")));
        SymbolRules r = BinanceMarketData.create(fake.config().build()).symbolRules(List.of("BTC/USDT")).get(0);
        assertThat(r).isEqualTo(SymbolRules.of("BTC/USDT", "0.01", "0.00001", "0.00001", "5"));
    }
}
