package io.tradingcore.adapter.exchange;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.tradingcore.adapter.exchange.binance.BinanceConfig;
import io.tradingcore.adapter.exchange.binance.BinanceCredentials;
import io.tradingcore.adapter.exchange.sim.SymbolRules;
import io.tradingcore.domain.OrderRequest;
import io.tradingcore.domain.OrderSide;
import io.tradingcore.domain.OrderType;
import io.tradingcore.ports.out.RejectReason;
import io.tradingcore.ports.out.SubmitResult;
import io.tradingcore.ports.testing.OrderRequestBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * LIVE orders are rounded to Binance's BTCUSDT filters (exchangeInfo fixture: stepSize 0.00001, minQty 0.00001,
 * tickSize 0.01, NOTIONAL minNotional 5) before the signed POST, and what cannot be traded is refused as a value
 * without any POST.
 */
class BinanceOrderRoundingTest {
    private static final String ORDER = "/api/v3/order";
    private final WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    private BinanceGateway binance;

    @BeforeEach
    void start() {
        server.start();
        server.stubFor(get(urlPathEqualTo("/api/v3/exchangeInfo")).withQueryParam("symbols", equalTo("[\"BTCUSDT\"]"))
                .willReturn(fixture(200, "exchange-info-btcusdt.json")));
        server.stubFor(get(urlPathEqualTo(ORDER)).willReturn(fixture(400, "error-no-such-order.json")));
        server.stubFor(post(urlPathEqualTo(ORDER)).willReturn(fixture(200, "order-new.json")));
        binance = Exchanges.binance(BinanceConfig.builder().baseUrl("http://127.0.0.1:" + server.port()).symbols(List.of("BTC/USDT"))
                .credentials(BinanceCredentials.of("k", "s")).requestTimeout(Duration.ofSeconds(5))
                .clock(Clock.fixed(Instant.parse("2024-01-01T00:00:05Z"), ZoneOffset.UTC)).sleeper(d -> { }).build());
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    /** An order as the cycle sizes it: scale 18, notional = quantity x price, cash 10000. */
    private static OrderRequest order(OrderSide side, OrderType type, String qty, String price) {
        OrderRequest r = ExchangesPortTest.request(ExchangesPortTest.H0, side, type, qty, type == OrderType.LIMIT ? price : null);
        BigDecimal notional = new BigDecimal(qty).multiply(new BigDecimal(price));
        return OrderRequestBuilder.from(r).side(side).type(type).quantity(new BigDecimal(qty)).notional(notional).build();
    }

    private LoggedRequest onlyPost() {
        List<LoggedRequest> posts = server.findAll(postRequestedFor(urlPathEqualTo(ORDER)));
        assertThat(posts).hasSize(1);
        return posts.get(0);
    }

    private int posts() {
        return server.findAll(postRequestedFor(urlPathEqualTo(ORDER))).size();
    }

    @Test
    void startUpReadsTheFiltersOfTheTradedSymbolsInOneExchangeInfoRequest() {
        assertThat(binance.loadSymbolRules()).containsExactly(SymbolRules.of("BTC/USDT", "0.01", "0.00001", "0.00001", "5"));
        assertThat(server.findAll(getRequestedFor(urlPathEqualTo("/api/v3/exchangeInfo")))).hasSize(1);
    }

    @Test
    void marketBuyAtScale18IsRoundedDownToTheStepBeforeTheSignedPost() {
        OrderRequest decided = order(OrderSide.BUY, OrderType.MARKET, "0.012349999999999999", "40000");

        OrderRequest conformed = binance.conform(decided);
        assertThat(conformed.quantity()).isEqualByComparingTo("0.01234");
        assertThat(conformed.requestedNotional()).isEqualByComparingTo("493.6"); // 0.01234 x 40000, not more than decided
        assertThat(conformed.requestedNotional()).isLessThanOrEqualTo(decided.requestedNotional());
        assertThat(conformed.clientOrderId()).isEqualTo(decided.clientOrderId());
        assertThat(binance.conform(conformed)).as("conforming twice changes nothing").isEqualTo(conformed);

        assertThat(binance.submit(decided)).isInstanceOf(SubmitResult.Accepted.class);
        LoggedRequest post = onlyPost();
        assertThat(post.queryParameter("quantity").firstValue()).isEqualTo("0.01234");
        assertThat(post.queryParameter("type").firstValue()).isEqualTo("MARKET");
        assertThat(post.queryParameter("price").isPresent()).isFalse();
        assertThat(post.queryParameter("newClientOrderId").firstValue()).isEqualTo(decided.clientOrderId().value());
    }

    @Test
    void sellIsRoundedDownSoItNeverSellsMoreThanHeld() {
        OrderRequest held = order(OrderSide.SELL, OrderType.MARKET, "0.123456789012345678", "40000");
        assertThat(binance.conform(held).quantity()).isEqualByComparingTo("0.12345");
        assertThat(binance.submit(held)).isInstanceOf(SubmitResult.Accepted.class);
        assertThat(onlyPost().queryParameter("quantity").firstValue()).isEqualTo("0.12345");
        assertThat(onlyPost().queryParameter("side").firstValue()).isEqualTo("SELL");
    }

    @Test
    void limitBuyPriceIsRoundedDownToTheTickAndQuantityToTheStep() {
        OrderRequest buy = order(OrderSide.BUY, OrderType.LIMIT, "0.100009", "40000.019");
        OrderRequest conformed = binance.conform(buy);
        assertThat(conformed.limitPrice()).isEqualByComparingTo("40000.01");
        assertThat(conformed.requestedNotional()).isEqualByComparingTo("4000.001"); // 0.1 x 40000.01

        assertThat(binance.submit(buy)).isInstanceOf(SubmitResult.Accepted.class);
        LoggedRequest post = onlyPost();
        assertThat(post.queryParameter("price").firstValue()).isEqualTo("40000.01");
        assertThat(post.queryParameter("quantity").firstValue()).isEqualTo("0.1");
        assertThat(post.queryParameter("timeInForce").firstValue()).isEqualTo("GTC");
    }

    @Test
    void limitSellPriceIsRoundedUpToTheTick() {
        assertThat(binance.submit(order(OrderSide.SELL, OrderType.LIMIT, "0.5", "40000.011"))).isInstanceOf(SubmitResult.Accepted.class);
        assertThat(onlyPost().queryParameter("price").firstValue()).isEqualTo("40000.02");
        assertThat(onlyPost().queryParameter("quantity").firstValue()).isEqualTo("0.5");
    }

    @Test
    void orderWhoseRoundedNotionalIsBelowMinNotionalIsARejectionValueAndNothingIsSent() {
        // 0.000129 -> 0.00012 BTC x 40000 = 4.8 USDT < 5
        OrderRequest small = order(OrderSide.BUY, OrderType.MARKET, "0.000129", "40000");
        SubmitResult r = binance.submit(small);
        assertThat(r).isInstanceOf(SubmitResult.Rejected.class);
        SubmitResult.Rejected rej = (SubmitResult.Rejected) r;
        assertThat(rej.reason()).isEqualTo(RejectReason.MIN_NOTIONAL);
        assertThat(rej.message()).contains("notional 4.8 of BTC/USDT is below minNotional 5").contains(small.clientOrderId().value())
                .contains("was not sent");
        assertThat(posts()).isZero();
    }

    @Test
    void quantityBelowOneStepIsLeftForSubmitToRefuseAsLotSizeAndNothingIsSent() {
        OrderRequest dust = order(OrderSide.SELL, OrderType.MARKET, "0.000009999999999999", "40000");
        assertThat(binance.conform(dust)).as("nothing tradable: unchanged, for submit to refuse with a reason").isEqualTo(dust);
        SubmitResult r = binance.submit(dust);
        assertThat(r).isInstanceOf(SubmitResult.Rejected.class);
        assertThat(((SubmitResult.Rejected) r).reason()).isEqualTo(RejectReason.LOT_SIZE);
        assertThat(((SubmitResult.Rejected) r).message()).contains("minQty 0.00001");
        assertThat(posts()).isZero();
    }

    @Test
    void sellableQuantityIsTheHoldingRoundedDownOrZeroForDustExactlyWhenSubmitWouldRefuseTheSell() {
        // what a 0.01234 BTC buy leaves after its 0.1 % fee in BTC: the EXIT can sell 0.01232, the rest is dust
        assertThat(binance.sellableQuantity(ExchangesPortTest.BTC, new BigDecimal("0.01232766"), new BigDecimal("40000")))
                .isEqualTo(new BigDecimal("0.012320000000000000"));
        assertThat(binance.sellableQuantity(ExchangesPortTest.BTC, new BigDecimal("0.00000766"), new BigDecimal("40000")))
                .as("below one step").isEqualTo(new BigDecimal("0.000000000000000000"));
        assertThat(binance.sellableQuantity(ExchangesPortTest.BTC, new BigDecimal("0.000129"), new BigDecimal("40000")))
                .as("0.00012 x 40000 = 4.8 < minNotional 5").isZero();
        assertThat(binance.sellableQuantity(ExchangesPortTest.BTC, new BigDecimal("0.000129"), new BigDecimal("41667")))
                .as("0.00012 x 41667 = 5.00004").isEqualTo(new BigDecimal("0.000120000000000000"));

        // the dust verdict agrees with submit: a sell of a dust holding is refused, a sellable one is sent
        for (String[] c : new String[][] {{"0.00000766", "40000"}, {"0.000129", "40000"}, {"0.000129", "41667"}, {"0.01232766", "40000"}}) {
            boolean dust = binance.sellableQuantity(ExchangesPortTest.BTC, new BigDecimal(c[0]), new BigDecimal(c[1])).signum() == 0;
            assertThat(binance.submit(order(OrderSide.SELL, OrderType.MARKET, c[0], c[1])) instanceof SubmitResult.Rejected)
                    .as("sell of " + c[0] + " at " + c[1]).isEqualTo(dust);
        }
        assertThat(posts()).isEqualTo(2);
    }

    @Test
    void unreadableRulesMakeNothingDustSoTheExitIsStillAttempted() {
        server.resetAll();
        server.stubFor(get(urlPathEqualTo("/api/v3/exchangeInfo")).willReturn(aResponse().withStatus(503)));
        assertThat(binance.sellableQuantity(ExchangesPortTest.BTC, new BigDecimal("0.00000766"), new BigDecimal("40000")))
                .isEqualByComparingTo("0.00000766");
    }

    @Test
    void unreadableRulesLeaveTheOrderUnsentAndUnknownSoItCanBeSubmittedLater() {
        server.resetAll();
        server.stubFor(get(urlPathEqualTo("/api/v3/exchangeInfo")).willReturn(aResponse().withStatus(503)));
        OrderRequest o = order(OrderSide.BUY, OrderType.MARKET, "0.01", "40000");
        assertThat(binance.conform(o)).isEqualTo(o);
        assertThat(binance.submit(o)).isInstanceOf(SubmitResult.Unknown.class);
        assertThat(posts()).isZero();
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder fixture(int status, String name) {
        try (InputStream in = Objects.requireNonNull(BinanceOrderRoundingTest.class.getResourceAsStream("/binance/" + name), name)) {
            return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                    .withBody(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
