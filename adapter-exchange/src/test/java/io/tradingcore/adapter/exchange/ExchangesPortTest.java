package io.tradingcore.adapter.exchange;

import io.tradingcore.adapter.exchange.binance.BinanceConfig;
import io.tradingcore.adapter.exchange.binance.BinanceCredentials;
import io.tradingcore.adapter.exchange.sim.SimConfig;
import io.tradingcore.adapter.exchange.sim.SymbolRules;
import io.tradingcore.domain.AccountId;
import io.tradingcore.domain.Asset;
import io.tradingcore.domain.BookSnapshot;
import io.tradingcore.domain.Candle;
import io.tradingcore.domain.ClientOrderId;
import io.tradingcore.domain.DeterministicIds;
import io.tradingcore.domain.ExchangeTradeId;
import io.tradingcore.domain.HourTs;
import io.tradingcore.domain.OrderRequest;
import io.tradingcore.domain.OrderSide;
import io.tradingcore.domain.OrderStatus;
import io.tradingcore.domain.OrderType;
import io.tradingcore.domain.RunId;
import io.tradingcore.domain.RunMode;
import io.tradingcore.domain.SignalId;
import io.tradingcore.ports.out.ExchangeFill;
import io.tradingcore.ports.out.ExchangeGateway;
import io.tradingcore.ports.out.MarketDataGateway;
import io.tradingcore.ports.out.RejectReason;
import io.tradingcore.ports.out.SubmitResult;
import io.tradingcore.ports.testing.OrderRequestBuilder;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The ports as the hourly cycle sees them: domain types in, domain types out. */
class ExchangesPortTest {
    static final Asset BTC = Asset.of(1, "BTC/USDT");
    static final AccountId ACCOUNT = AccountId.of(1);
    static final HourTs H0 = HourTs.parse("2024-01-01T00:00:00Z");

    static OrderRequest request(HourTs hour, OrderSide side, OrderType type, String qty, String limit) {
        RunId run = DeterministicIds.runId(ACCOUNT, RunMode.BACKTEST, hour);
        SignalId signal = DeterministicIds.signalId(run, BTC.id());
        BigDecimal notional = new BigDecimal(qty).multiply(new BigDecimal(limit == null ? "40000" : limit));
        return OrderRequestBuilder.order(run, signal, BTC, hour).account(ACCOUNT).side(side).type(type).quantity(new BigDecimal(qty))
                .limitPrice(limit == null ? null : new BigDecimal(limit)).notional(notional).cash(new BigDecimal("10000")).build();
    }

    static SimulatedVenue venue() {
        SimulatedVenue v = Exchanges.simulated(SimConfig.builder().seed(3).defaultSpreadBps("2").slippageBps("1").takerFeeBps("10")
                .makerFeeBps("10").rules(SymbolRules.of("BTC/USDT", "0.01", "0.00001", "0.00001", "5"))
                .balance("USDT", "10000").build(), List.of(BTC));
        v.addCandles(List.of(Candle.of(BTC.id(), H0, "40000", "40500", "39500", "40200", "100"),
                Candle.of(BTC.id(), H0.plusHours(1), "40200", "40300", "38900", "39000", "100")));
        return v;
    }

    @Test
    void simulatedVenueImplementsTheExchangePortWithDomainTypes() {
        SimulatedVenue v = venue();
        ExchangeGateway port = v;
        OrderRequest buy = request(H0, OrderSide.BUY, OrderType.MARKET, "0.1", null);

        SubmitResult r = port.submit(buy);
        assertThat(r).isInstanceOf(SubmitResult.Accepted.class);
        assertThat(((SubmitResult.Accepted) r).state().status()).isEqualTo(OrderStatus.ACK);
        assertThat(port.submit(buy)).isEqualTo(r); // idempotent per client order id
        v.executeThrough(H0);

        List<ExchangeFill> fills = port.fills(buy.clientOrderId());
        assertThat(fills).hasSize(1);
        assertThat(fills.get(0).price()).isEqualByComparingTo("40008");
        assertThat(fills.get(0).exchangeTradeId().value()).startsWith("SIM-T-");
        assertThat(fills.get(0).clientOrderId()).isEqualTo(buy.clientOrderId());
        assertThat(port.query(buy.clientOrderId()).orElseThrow().status()).isEqualTo(OrderStatus.FILLED);
        assertThat(port.balances()).containsOnlyKeys("BTC", "USDT");
        assertThat(port.balances().get("BTC")).isEqualByComparingTo("0.1");
        assertThat(port.balances().get("USDT")).isEqualByComparingTo("5995.1992"); // 10000 - 4000.8 - 4.0008
        assertThatThrownBy(() -> port.cancel(new ClientOrderId("nope"))).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void rejectionsCrossThePortAsTypedReasonsAndLimitOrdersRestUntilCancelled() {
        SimulatedVenue v = venue();
        SubmitResult tick = v.submit(request(H0, OrderSide.BUY, OrderType.LIMIT, "0.1", "39000.001"));
        assertThat(((SubmitResult.Rejected) tick).reason()).isEqualTo(RejectReason.TICK_SIZE);

        OrderRequest rest = request(H0.plusHours(1), OrderSide.BUY, OrderType.LIMIT, "0.1", "38000");
        v.submit(rest);
        v.executeThrough(H0.plusHours(1));
        assertThat(v.openOrders()).extracting(s -> s.clientOrderId()).containsExactly(rest.clientOrderId());
        assertThat(v.balances().get("USDT")).isEqualByComparingTo("6196.2"); // 10000 - 3803.8 reserved
        assertThat(v.totalBalances().get("USDT")).isEqualByComparingTo("10000");
        assertThat(v.cancel(rest.clientOrderId()).status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(v.balances().get("USDT")).isEqualByComparingTo("10000");
    }

    @Test
    void bookSnapshotsFromTheDomainSetTheSpread() {
        SimulatedVenue v = venue();
        v.addBooks(List.of(new BookSnapshot(BTC.id(), H0.toInstant().minusSeconds(5), new BigDecimal("40000"), new BigDecimal("40040"),
                BigDecimal.ONE, BigDecimal.ONE, "binance")));
        OrderRequest buy = request(H0, OrderSide.BUY, OrderType.MARKET, "0.1", null);
        v.submit(buy);
        v.executeThrough(H0);
        assertThat(v.fills(buy.clientOrderId()).get(0).price()).isEqualByComparingTo("40024"); // half of 10 bps + 1 bp
    }

    @Test
    void binancePortsTranslateVenueAnswersIntoDomainTypes() {
        var server = new com.github.tomakehurst.wiremock.WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        try {
            server.stubFor(get(urlPathEqualTo("/api/v3/klines")).willReturn(fixture("klines-btcusdt-1h.json")));
            server.stubFor(get(urlPathEqualTo("/api/v3/ticker/bookTicker")).willReturn(fixture("book-ticker-btcusdt.json")));
            server.stubFor(get(urlPathEqualTo("/api/v3/openOrders")).willReturn(fixture("reconcile-open-orders.json")));
            server.stubFor(get(urlPathEqualTo("/api/v3/allOrders")).willReturn(fixture("reconcile-all-orders.json")));
            server.stubFor(get(urlPathEqualTo("/api/v3/myTrades")).willReturn(fixture("reconcile-my-trades.json")));
            server.stubFor(get(urlPathEqualTo("/api/v3/order")).willReturn(fixture("reconcile-order-7002.json")));
            server.stubFor(get(urlPathEqualTo("/api/v3/account")).willReturn(fixture("account.json")));
            BinanceConfig config = BinanceConfig.builder().baseUrl("http://127.0.0.1:" + server.port()).symbols(List.of("BTC/USDT"))
                    .credentials(BinanceCredentials.of("k", "s")).requestTimeout(Duration.ofSeconds(2))
                    .clock(Clock.fixed(Instant.parse("2024-01-01T03:00:00Z"), ZoneOffset.UTC)).sleeper(d -> { }).build();

            MarketDataGateway md = Exchanges.binanceMarketData(config);
            List<Candle> candles = md.hourlyCandles(BTC, H0, H0.plusHours(3));
            assertThat(candles).hasSize(3);
            assertThat(candles.get(2).asset()).isEqualTo(BTC.id());
            assertThat(md.bestBidAsk(BTC).orElseThrow().venue()).isEqualTo("binance");

            BinanceGateway live = Exchanges.binance(config);
            assertThat(live.balances().get("USDT")).isEqualByComparingTo("5999.2");
            StartupReconciliation.Report report = live.reconcile(new StartupReconciliation.Request(
                    Set.of(new ClientOrderId("c-0003"), new ClientOrderId("c-0010"), new ClientOrderId("c-0011")),
                    Set.of(new StartupReconciliation.KnownFill(new ClientOrderId("c-0003"), new ExchangeTradeId("900002")),
                            new StartupReconciliation.KnownFill(new ClientOrderId("c-0003"), new ExchangeTradeId("900003"))),
                    H0.toInstant()));
            assertThat(report.missingFills()).extracting(f -> f.exchangeTradeId().value()).containsExactly("900010", "900011");
            assertThat(report.foreignOrders()).extracting(StartupReconciliation.ForeignOrder::venueOrderId).containsExactly("7001", "7002");
            assertThat(report.ourOpenOrders()).extracting(s -> s.status()).containsExactly(OrderStatus.ACK);
        } finally {
            server.stop();
        }
    }

    @Test
    void binanceOrderClientRefusesToStartWithoutCredentials() {
        assertThatThrownBy(() -> Exchanges.binance(BinanceConfig.builder().symbols(List.of("BTC/USDT")).build()))
                .hasMessageContaining("credentials");
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder fixture(String name) {
        try (var in = ExchangesPortTest.class.getResourceAsStream("/binance/" + name)) {
            return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(new String(in.readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void clockedVenueServesTheHourlyCycleWithoutExtraCalls() {
        Instant[] now = {H0.toInstant()};
        SimulatedVenue v = Exchanges.simulated(SimConfig.builder().seed(3).defaultSpreadBps("2").slippageBps("1")
                .rules(SymbolRules.of("BTC/USDT", "0.01", "0.00001", "0.00001", "5")).balance("USDT", "10000").build(), List.of(BTC),
                () -> now[0]);
        v.addCandles(List.of(Candle.of(BTC.id(), H0, "40000", "40500", "39500", "40200", "100"),
                Candle.of(BTC.id(), H0.plusHours(1), "40200", "40300", "38900", "39000", "100")));
        OrderRequest market = request(H0, OrderSide.BUY, OrderType.MARKET, "0.1", null);
        OrderRequest l = request(H0, OrderSide.SELL, OrderType.LIMIT, "0.05", "40250");
        OrderRequest limit = OrderRequestBuilder.from(l).clientOrderId(new ClientOrderId("tc-limit-sell")).build();

        v.submit(market);
        assertThat(v.fills(market.clientOrderId())).hasSize(1); // filled at H0's open, known at H0
        v.submit(limit);
        assertThat(v.fills(limit.clientOrderId())).isEmpty(); // H0's high is not known at H0
        now[0] = H0.plusHours(1).toInstant();
        assertThat(v.fills(limit.clientOrderId())).extracting(ExchangeFill::price).containsExactly(new BigDecimal("40250.000000000000000000"));
    }
}
