package io.tradingcore.adapter.exchange.binance;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.tradingcore.adapter.exchange.Exchanges;
import io.tradingcore.domain.Asset;
import io.tradingcore.domain.Candle;
import io.tradingcore.domain.HourTs;
import io.tradingcore.ports.out.CandleHistoryGateway;
import io.tradingcore.ports.out.MarketDataUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.tradingcore.adapter.exchange.binance.BinanceFake.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** download-data's client: GET /api/v3/klines page by page, a 429 waited out with Retry-After, a gap left as a gap. */
class BinanceCandleHistoryTest {
    static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
    static final Asset BTC = Asset.of(1, "BTC/USDT");
    final BinanceFake fake = new BinanceFake();

    @AfterEach
    void stop() {
        fake.close();
    }

    /** Binance's kline arrays for the hours [from, to) of T0, leaving out {@code gap} hours; prices drift with the hour. */
    static String klines(int from, int to, List<Integer> gap) {
        StringJoiner j = new StringJoiner(",\n", "[\n", "\n]");
        for (int h = from; h < to; h++) {
            if (gap.contains(h)) {
                continue;
            }
            long open = T0.plus(Duration.ofHours(h)).toEpochMilli();
            double o = 42000 + h;
            j.add(String.format(Locale.ROOT, "[%d,\"%.8f\",\"%.8f\",\"%.8f\",\"%.8f\",\"%.8f\",%d,\"0\",10,\"0\",\"0\",\"0\"]",
                    open, o, o + 50, o - 50, o + 1, 100.5 + h, open + 3_599_999));
        }
        return j.toString();
    }

    static long ms(int hour) {
        return T0.plus(Duration.ofHours(hour)).toEpochMilli();
    }

    CandleHistoryGateway client(Instant now) {
        return Exchanges.binanceCandleHistory(fake.config().credentials(null).clock(Clock.fixed(now, ZoneOffset.UTC)).build());
    }

    @Test
    void pagesOfAThousandAreHandedOverAsTheyArriveA429IsWaitedOutAndAGapStaysAGap() {
        // 1,200 hours asked; the venue has no candles for hours 500..502, so the first page of 1,000 ends at hour 1002
        fake.server.stubFor(get(urlPathEqualTo("/api/v3/klines")).withQueryParam("startTime", equalTo(Long.toString(ms(0))))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(klines(0, 1003, List.of(500, 501, 502)))));
        fake.server.stubFor(get(urlPathEqualTo("/api/v3/klines")).withQueryParam("startTime", equalTo(Long.toString(ms(1003))))
                .inScenario("rate").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("ok")
                .willReturn(json(429, "error-too-much-weight.json").withHeader("Retry-After", "3")));
        fake.server.stubFor(get(urlPathEqualTo("/api/v3/klines")).withQueryParam("startTime", equalTo(Long.toString(ms(1003))))
                .inScenario("rate").whenScenarioStateIs("ok")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(klines(1003, 1200, List.of()))));

        List<List<Candle>> pages = new ArrayList<>();
        CandleHistoryGateway g = client(T0.plus(Duration.ofDays(400)));
        g.hourlyCandlePages(BTC, HourTs.of(T0), HourTs.of(T0.plus(Duration.ofHours(1200))), pages::add);

        assertThat(g.venue()).isEqualTo("BINANCE");
        assertThat(pages).extracting(List::size).containsExactly(1000, 197);
        List<Candle> all = pages.stream().flatMap(List::stream).toList();
        assertThat(all).extracting(c -> c.openTime().toInstant()).doesNotContain(T0.plus(Duration.ofHours(500)), T0.plus(Duration.ofHours(502)))
                .contains(T0.plus(Duration.ofHours(499)), T0.plus(Duration.ofHours(503)), T0.plus(Duration.ofHours(1199)));
        assertThat(all.get(0).open()).isEqualByComparingTo("42000");
        assertThat(all.get(0).volume()).isEqualByComparingTo("100.5");
        assertThat(all.get(0).asset()).isEqualTo(BTC.id());
        assertThat(fake.slept).containsExactly(Duration.ofSeconds(3));
        fake.server.verify(3, getRequestedFor(urlPathEqualTo("/api/v3/klines")).withQueryParam("symbol", equalTo("BTCUSDT"))
                .withQueryParam("limit", equalTo("1000")).withQueryParam("endTime", equalTo(Long.toString(ms(1200) - 1))));
    }

    @Test
    void theStillOpenHourIsNotDownloaded() {
        fake.server.stubFor(get(urlPathEqualTo("/api/v3/klines"))
                .willReturn(aResponse().withStatus(200).withBody(klines(0, 5, List.of()))));
        List<Candle> got = new ArrayList<>();
        client(T0.plus(Duration.ofMinutes(4 * 60 + 30))).hourlyCandlePages(BTC, HourTs.of(T0), HourTs.of(T0.plus(Duration.ofHours(5))), got::addAll);
        assertThat(got).hasSize(4);
    }

    @Test
    void aRateLimitThatOutlastsTheBudgetFailsNamingTheAssetAndKeepsThePagesAlreadyHandedOver() {
        fake.server.stubFor(get(urlPathEqualTo("/api/v3/klines")).withQueryParam("startTime", equalTo(Long.toString(ms(0))))
                .willReturn(aResponse().withStatus(200).withBody(klines(0, 1000, List.of()))));
        fake.server.stubFor(get(urlPathEqualTo("/api/v3/klines")).withQueryParam("startTime", equalTo(Long.toString(ms(1000))))
                .willReturn(json(418, "error-ip-banned.json").withHeader("Retry-After", "4")));
        List<Candle> got = new ArrayList<>();
        CandleHistoryGateway g = client(T0.plus(Duration.ofDays(400)));
        assertThatThrownBy(() -> g.hourlyCandlePages(BTC, HourTs.of(T0), HourTs.of(T0.plus(Duration.ofHours(1500))), got::addAll))
                .isInstanceOf(MarketDataUnavailableException.class).hasMessageContaining("BTC/USDT").hasMessageContaining("HTTP 418")
                .hasMessageContaining("rate limited");
        assertThat(got).hasSize(1000);
        assertThat(fake.slept).isNotEmpty().allMatch(d -> d.equals(Duration.ofSeconds(4)));
    }
}
