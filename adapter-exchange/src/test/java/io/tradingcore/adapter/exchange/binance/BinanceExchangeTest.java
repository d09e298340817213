package io.tradingcore.adapter.exchange.binance;

import io.tradingcore.domain.ClientOrderId;
import io.tradingcore.domain.OrderSide;
import io.tradingcore.domain.OrderType;
import io.tradingcore.ports.out.RejectReason;
import io.tradingcore.domain.OrderStatus;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.tradingcore.adapter.exchange.model.OrderTicket;
import io.tradingcore.ports.out.SubmitResult;
import io.tradingcore.adapter.exchange.model.TimeInForce;
import io.tradingcore.ports.out.ExchangeFill;
import io.tradingcore.ports.out.ExchangeOrderState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.tradingcore.adapter.exchange.binance.BinanceFake.json;
import static org.assertj.core.api.Assertions.assertThat;

class BinanceExchangeTest {
    static final String ORDER = "/api/v3/order";
    /** Timeout tests: the client gives up after 1.5 s, the fake answers after 4 s. */
    static final Duration SHORT_TIMEOUT = Duration.ofMillis(1500);
    static final int TIMEOUT_DELAY_MS = 4000;
    final BinanceFake fake = new BinanceFake();

    @AfterEach
    void stop() {
        fake.close();
    }

    static OrderTicket limitBuy(String id, String qty, String price) {
        return new OrderTicket(new ClientOrderId(id), "BTC/USDT", OrderSide.BUY, OrderType.LIMIT, TimeInForce.GTC, new BigDecimal(qty), new BigDecimal(price),
                Instant.parse("2024-01-01T00:00:00Z"));
    }

    static OrderTicket marketBuy(String id, String qty) {
        return new OrderTicket(new ClientOrderId(id), "BTC/USDT", OrderSide.BUY, OrderType.MARKET, TimeInForce.IOC, new BigDecimal(qty), null,
                Instant.parse("2024-01-01T00:00:00Z"));
    }

    /** The order id is unknown to the venue (the check before placing). */
    void unknownOnVenue(String id) {
        fake.server.stubFor(get(urlPathEqualTo(ORDER)).withQueryParam("origClientOrderId", equalTo(id)).atPriority(10)
                .willReturn(json(400, "error-no-such-order.json")));
    }

    int posts() {
        return fake.server.findAll(postRequestedFor(urlPathEqualTo(ORDER))).size();
    }

    static ExchangeOrderState accepted(SubmitResult s) {
        assertThat(s).isInstanceOf(SubmitResult.Accepted.class);
        return ((SubmitResult.Accepted) s).state();
    }

    @Test
    void acceptedOrderIsPlacedOnceSignedWithOurClientOrderIdAndMapsToAck() {
        unknownOnVenue("c-0001");
        fake.server.stubFor(post(urlPathEqualTo(ORDER)).willReturn(json(200, "order-new.json")));

        ExchangeOrderState o = accepted(fake.exchange().submit(limitBuy("c-0001", "0.1", "39000")));

        assertThat(o.status()).isEqualTo(OrderStatus.ACK);
        assertThat(o.venueOrderId()).isEqualTo("5001");
        assertThat(o.clientOrderId()).isEqualTo(new ClientOrderId("c-0001"));
        assertThat(o.averagePrice()).isNull();
        LoggedRequest r = fake.server.findAll(postRequestedFor(urlPathEqualTo(ORDER))).get(0);
        assertThat(r.getHeader("X-MBX-APIKEY")).isEqualTo(BinanceFake.KEY);
        assertThat(r.queryParameter("newClientOrderId").firstValue()).isEqualTo("c-0001");
        assertThat(r.queryParameter("symbol").firstValue()).isEqualTo("BTCUSDT");
        assertThat(r.queryParameter("type").firstValue()).isEqualTo("LIMIT");
        assertThat(r.queryParameter("timeInForce").firstValue()).isEqualTo("GTC");
        assertThat(r.queryParameter("price").firstValue()).isEqualTo("39000");
        assertThat(r.queryParameter("quantity").firstValue()).isEqualTo("0.1");
        assertThat(r.queryParameter("timestamp").firstValue()).isEqualTo(Long.toString(BinanceFake.NOW.toEpochMilli()));
        assertThat(r.queryParameter("recvWindow").firstValue()).isEqualTo("5000");
        String url = r.getUrl();
        String signed = url.substring(url.indexOf('?') + 1, url.indexOf("&signature="));
        String expected = new BinanceHttp(fake.config().build()).sign(signed);
        assertThat(r.queryParameter("signature").firstValue()).isEqualTo(expected);
        assertThat(posts()).isEqualTo(1);
    }

    @Test
    void partiallyFilledAnswerMapsToPartialWithAveragePrice() {
        unknownOnVenue("c-0002");
        fake.server.stubFor(post(urlPathEqualTo(ORDER)).willReturn(json(200, "order-partial.json")));
        ExchangeOrderState o = accepted(fake.exchange().submit(limitBuy("c-0002", "0.2", "40010")));
        assertThat(o.status()).isEqualTo(OrderStatus.PARTIAL);
        assertThat(o.filledQuantity()).isEqualByComparingTo("0.05");
        assertThat(o.averagePrice()).isEqualByComparingTo("40005");
    }

    @Test
    void filledOrderMapsToFilledAndItsFillsComeFromMyTradesWithVenueTradeIds() {
        unknownOnVenue("c-0003");
        fake.server.stubFor(post(urlPathEqualTo(ORDER)).willReturn(json(200, "order-filled.json")));
        BinanceExchange ex = fake.exchange();
        ExchangeOrderState o = accepted(ex.submit(marketBuy("c-0003", "0.1")));
        assertThat(o.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(o.averagePrice()).isEqualByComparingTo("40006");
        assertThat(fake.server.findAll(postRequestedFor(urlPathEqualTo(ORDER))).get(0).queryParameter("timeInForce").isPresent()).isFalse();

        fake.server.stubFor(get(urlPathEqualTo(ORDER)).withQueryParam("origClientOrderId", equalTo("c-0003")).atPriority(1)
                .willReturn(json(200, "query-filled.json")));
        fake.server.stubFor(get(urlPathEqualTo("/api/v3/myTrades")).withQueryParam("orderId", equalTo("5003"))
                .willReturn(json(200, "my-trades-c-0003.json")));
        List<ExchangeFill> fills = ex.fills("c-0003");
        assertThat(fills).extracting(f -> f.exchangeTradeId().value()).containsExactly("900002", "900003");
        assertThat(fills.get(0).fee()).isEqualByComparingTo("2.4003");
        assertThat(fills.get(0).feeAsset()).isEqualTo("USDT");
        assertThat(fills.get(0).liquidity()).isEqualTo("TAKER");
        assertThat(fills.get(1).price()).isEqualByComparingTo("40007.5");
        assertThat(fills.get(1).tradeTs()).isEqualTo(Instant.ofEpochMilli(1704067200789L));
    }

    @Test
    void cancelOfRestingOrderReturnsCancelledAndAddressesItByOurClientOrderId() {
        fake.server.stubFor(get(urlPathEqualTo(ORDER)).withQueryParam("origClientOrderId", equalTo("c-0001")).willReturn(json(200, "query-new.json")));
        fake.server.stubFor(delete(urlPathEqualTo(ORDER)).willReturn(json(200, "cancel-canceled.json")));
        ExchangeOrderState o = fake.exchange().cancel("c-0001");
        assertThat(o.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(o.clientOrderId()).isEqualTo(new ClientOrderId("c-0001"));
        fake.server.verify(1, deleteRequestedFor(urlPathEqualTo(ORDER)).withQueryParam("origClientOrderId", equalTo("c-0001"))
                .withQueryParam("symbol", equalTo("BTCUSDT")));
    }

    @Test
    void insufficientBalanceIsRejectedWithItsReasonAndNotRetried() {
        unknownOnVenue("c-0004");
        fake.server.stubFor(post(urlPathEqualTo(ORDER)).willReturn(json(400, "error-insufficient-balance.json")));
        SubmitResult s = fake.exchange().submit(marketBuy("c-0004", "100"));
        assertThat(s).isInstanceOf(SubmitResult.Rejected.class);
        assertThat(((SubmitResult.Rejected) s).reason()).isEqualTo(RejectReason.INSUFFICIENT_BALANCE);
        assertThat(((SubmitResult.Rejected) s).message()).contains("-2010").contains("insufficient balance");
        assertThat(posts()).isEqualTo(1);
    }

    @Test
    void tooManyRequestsThenSuccessWaitsRetryAfterAndPlacesOnce() {
        unknownOnVenue("c-0003");
        fake.server.stubFor(post(urlPathEqualTo(ORDER)).inScenario("429").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("ok")
                .willReturn(json(429, "error-too-much-weight.json").withHeader("Retry-After", "2")));
        fake.server.stubFor(post(urlPathEqualTo(ORDER)).inScenario("429").whenScenarioStateIs("ok").willReturn(json(200, "order-filled.json")));

        ExchangeOrderState o = accepted(fake.exchange().submit(marketBuy("c-0003", "0.1")));

        assertThat(o.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(fake.slept).containsExactly(Duration.ofSeconds(2));
        assertThat(posts()).isEqualTo(2); // a 429 is refused unprocessed: repeating it cannot double the order
    }

    @Test
    void tooManyRequestsWithoutRetryAfterBacksOffExponentiallyUntilTheBudgetThenRejectsAsRateLimited() {
        unknownOnVenue("c-0003");
        fake.server.stubFor(post(urlPathEqualTo(ORDER)).willReturn(json(429, "error-too-much-weight.json")));
        SubmitResult s = BinanceExchange.create(fake.config().rateLimitBudget(Duration.ofSeconds(2)).build()).submit(marketBuy("c-0003", "0.1"));
        assertThat(((SubmitResult.Rejected) s).reason()).isEqualTo(RejectReason.RATE_LIMITED);
        assertThat(fake.slept).containsExactly(Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofMillis(1000));
        assertThat(posts()).isEqualTo(4);
    }

    @Test
    void ipBanWith418HonoursRetryAfterWithinBudget() {
        unknownOnVenue("c-0003");
        fake.server.stubFor(post(urlPathEqualTo(ORDER)).inScenario("418").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("ok")
                .willReturn(json(418, "error-ip-banned.json").withHeader("Retry-After", "3")));
        fake.server.stubFor(post(urlPathEqualTo(ORDER)).inScenario("418").whenScenarioStateIs("ok").willReturn(json(200, "order-filled.json")));
        accepted(fake.exchange().submit(marketBuy("c-0003", "0.1")));
        assertThat(fake.slept).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void ipBanLongerThanTheBudgetIsRejectedAsRateLimitedWithoutWaiting() {
        unknownOnVenue("c-0003");
        fake.server.stubFor(post(urlPathEqualTo(ORDER)).willReturn(json(418, "error-ip-banned.json").withHeader("Retry-After", "120")));
        SubmitResult s = fake.exchange().submit(marketBuy("c-0003", "0.1"));
        assertThat(((SubmitResult.Rejected) s).reason()).isEqualTo(RejectReason.RATE_LIMITED);
        assertThat(((SubmitResult.Rejected) s).message()).contains("IP banned");
        assertThat(fake.slept).isEmpty();
        assertThat(posts()).isEqualTo(1);
    }

    @Test
    void timeoutThenQueryByClientOrderIdFindsTheOrderAndNoSecondOrderIsPlaced() {
        fake.server.stubFor(get(urlPathEqualTo(ORDER)).inScenario("timeout").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(400, "error-no-such-order.json")));
        fake.server.stubFor(post(urlPathEqualTo(ORDER)).inScenario("timeout").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("placed")
                .willReturn(json(200, "order-filled.json").withFixedDelay(TIMEOUT_DELAY_MS)));
        fake.server.stubFor(get(urlPathEqualTo(ORDER)).inScenario("timeout").whenScenarioStateIs("placed")
                .willReturn(json(200, "query-filled.json")));

        ExchangeOrderState o = accepted(BinanceExchange.create(fake.config().requestTimeout(SHORT_TIMEOUT).build()).submit(marketBuy("c-0003", "0.1")));

        assertThat(o.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(o.venueOrderId()).isEqualTo("5003");
        assertThat(posts()).isEqualTo(1);
        fake.server.verify(2, getRequestedFor(urlPathEqualTo(ORDER)).withQueryParam("origClientOrderId", equalTo("c-0003")));
    }

    @Test
    void unknownExecutionAnswerThenOrderDoesNotExistForAFewSecondsThenFoundIsAcceptedWithoutResubmitting() {
        unknownOnVenue("c-0003"); // the check before placing
        fake.server.stubFor(post(urlPathEqualTo(ORDER)).inScenario("lag").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("miss1")
                .willReturn(json(503, "error-unknown-execution.json")));
        fake.server.stubFor(get(urlPathEqualTo(ORDER)).inScenario("lag").whenScenarioStateIs("miss1").willSetStateTo("miss2")
                .willReturn(json(400, "error-no-such-order.json")));
        fake.server.stubFor(get(urlPathEqualTo(ORDER)).inScenario("lag").whenScenarioStateIs("miss2").willSetStateTo("miss3")
                .willReturn(json(400, "error-no-such-order.json")));
        fake.server.stubFor(get(urlPathEqualTo(ORDER)).inScenario("lag").whenScenarioStateIs("miss3").willSetStateTo("found")
                .willReturn(json(400, "error-no-such-order.json")));
        fake.server.stubFor(get(urlPathEqualTo(ORDER)).inScenario("lag").whenScenarioStateIs("found").willReturn(json(200, "query-filled.json")));

        ExchangeOrderState o = accepted(fake.exchange().submit(marketBuy("c-0003", "0.1")));

        assertThat(o.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(posts()).isEqualTo(1);
        assertThat(fake.slept).containsExactly(Duration.ofMillis(500), Duration.ofMillis(500), Duration.ofMillis(500));
    }

    @Test
    void timeoutAndOrderAbsentForTheWholeBudgetAllowsExactlyOneResubmission() {
        fake.server.stubFor(get(urlPathEqualTo(ORDER)).willReturn(json(400, "error-no-such-order.json")));
        fake.server.stubFor(post(urlPathEqualTo(ORDER)).inScenario("lost").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("again")
                .willReturn(aResponse().withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)));
        fake.server.stubFor(post(urlPathEqualTo(ORDER)).inScenario("lost").whenScenarioStateIs("again").willReturn(json(200, "order-filled.json")));

        accepted(fake.exchange().submit(marketBuy("c-0003", "0.1")));

        assertThat(posts()).isEqualTo(2);
        assertThat(fake.slept).hasSize(6); // 3 s budget polled every 500 ms
        assertThat(fake.server.findAll(postRequestedFor(urlPathEqualTo(ORDER))))
                .allSatisfy(r -> assertThat(r.queryParameter("newClientOrderId").firstValue()).isEqualTo("c-0003"));
    }

    @Test
    void withASingleAttemptAnUnconfirmedPlacementIsReportedUnknownNotRetried() {
        fake.server.stubFor(get(urlPathEqualTo(ORDER)).willReturn(json(400, "error-no-such-order.json")));
        fake.server.stubFor(post(urlPathEqualTo(ORDER)).willReturn(json(200, "order-filled.json").withFixedDelay(TIMEOUT_DELAY_MS)));
        SubmitResult s = BinanceExchange.create(fake.config().maxSubmitAttempts(1).requestTimeout(SHORT_TIMEOUT).build()).submit(marketBuy("c-0003", "0.1"));
        assertThat(s).isInstanceOf(SubmitResult.Unknown.class);
        assertThat(((SubmitResult.Unknown) s).why()).contains("c-0003");
        assertThat(posts()).isEqualTo(1);
    }

    @Test
    void resubmittingAClientOrderIdTheVenueAlreadyHasReturnsItWithoutPlacing() {
        fake.server.stubFor(get(urlPathEqualTo(ORDER)).withQueryParam("origClientOrderId", equalTo("c-0003")).willReturn(json(200, "query-filled.json")));
        fake.server.stubFor(post(urlPathEqualTo(ORDER)).willReturn(json(200, "order-filled.json")));
        ExchangeOrderState o = accepted(fake.exchange().submit(marketBuy("c-0003", "0.1")));
        assertThat(o.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(posts()).isZero();
    }

    @Test
    void duplicateOrderAnswerResolvesToTheExistingOrder() {
        fake.server.stubFor(get(urlPathEqualTo(ORDER)).inScenario("dup").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(400, "error-no-such-order.json")));
        fake.server.stubFor(post(urlPathEqualTo(ORDER)).inScenario("dup").willSetStateTo("exists")
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"code\":-2010,\"msg\":\"Duplicate order sent.\"}")));
        fake.server.stubFor(get(urlPathEqualTo(ORDER)).inScenario("dup").whenScenarioStateIs("exists").willReturn(json(200, "query-new.json")));
        ExchangeOrderState o = accepted(fake.exchange().submit(limitBuy("c-0001", "0.1", "39000")));
        assertThat(o.venueOrderId()).isEqualTo("5001");
        assertThat(posts()).isEqualTo(1);
    }

    @Test
    void queryOfAnIdNeverPlacedIsEmptyAndBalancesAreMappedWithoutZeroAssets() {
        unknownOnVenue("c-9999");
        fake.server.stubFor(get(urlPathEqualTo("/api/v3/account")).willReturn(json(200, "account.json")));
        BinanceExchange ex = fake.exchange();
        assertThat(ex.query("c-9999")).isEmpty();
        assertThat(ex.fills("c-9999")).isEmpty();
        var b = ex.balances();
        assertThat(b.keySet()).containsExactly("BTC", "USDT");
        assertThat(b.get("USDT").free()).isEqualByComparingTo("5999.2");
        assertThat(b.get("USDT").locked()).isEqualByComparingTo("3900");
        fake.server.verify(getRequestedFor(urlPathEqualTo("/api/v3/account")).withQueryParam("signature", matching("[0-9a-f]{64}")));
    }

    @Test
    void nothingSentCarriesTheSecretAndToStringRedactsBoth() {
        unknownOnVenue("c-0004");
        fake.server.stubFor(post(urlPathEqualTo(ORDER)).willReturn(json(400, "error-insufficient-balance.json")));
        fake.exchange().submit(marketBuy("c-0004", "100"));
        for (LoggedRequest r : fake.server.getAllServeEvents().stream().map(e -> e.getRequest()).toList()) {
            assertThat(r.getAbsoluteUrl()).doesNotContain(BinanceFake.SECRET);
            assertThat(r.getAllHeaderKeys()).allSatisfy(h -> assertThat(r.getHeader(h)).doesNotContain(BinanceFake.SECRET));
        }
        String shown = fake.config().build().toString() + BinanceCredentials.of(BinanceFake.KEY, BinanceFake.SECRET);
        assertThat(shown).doesNotContain(BinanceFake.KEY).doesNotContain(BinanceFake.SECRET).contains("redacted");
    }


    @Test
    void symbolOutsideTheConfigurationIsRejectedWithoutAnyRequest() {
        SubmitResult s = fake.exchange().submit(new OrderTicket(new ClientOrderId("c-0005"), "ETH/USDT", OrderSide.BUY, OrderType.MARKET, TimeInForce.IOC,
                BigDecimal.ONE, null, Instant.parse("2024-01-01T00:00:00Z")));
        assertThat(((SubmitResult.Rejected) s).reason()).isEqualTo(RejectReason.UNKNOWN_SYMBOL);
        assertThat(fake.server.getAllServeEvents()).isEmpty();
    }
}
