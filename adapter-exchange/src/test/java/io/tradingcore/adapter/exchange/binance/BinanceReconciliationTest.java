package io.tradingcore.adapter.exchange.binance;

import io.tradingcore.domain.OrderStatus;
import io.tradingcore.adapter.exchange.StartupReconciliation;
import io.tradingcore.domain.ClientOrderId;
import io.tradingcore.domain.ExchangeTradeId;
import io.tradingcore.ports.out.ExchangeFill;
import io.tradingcore.adapter.exchange.model.VenueUnavailableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.tradingcore.adapter.exchange.binance.BinanceFake.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BinanceReconciliationTest {
    static final Instant SINCE = Instant.parse("2024-01-01T00:00:00Z");
    final BinanceFake fake = new BinanceFake();

    @BeforeEach
    void venueAfterADowntime() {
        fake.server.stubFor(get(urlPathEqualTo("/api/v3/openOrders")).willReturn(json(200, "reconcile-open-orders.json")));
        fake.server.stubFor(get(urlPathEqualTo("/api/v3/allOrders")).willReturn(json(200, "reconcile-all-orders.json")));
        fake.server.stubFor(get(urlPathEqualTo("/api/v3/myTrades")).willReturn(json(200, "reconcile-my-trades.json")));
        fake.server.stubFor(get(urlPathEqualTo("/api/v3/order")).withQueryParam("orderId", equalTo("7002"))
                .willReturn(json(200, "reconcile-order-7002.json")));
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void afterARestartFillsMadeWhileDownAreReportedOnceAndForeignOrdersAreReported() {
        Set<ClientOrderId> ours = Set.of(new ClientOrderId("c-0003"), new ClientOrderId("c-0010"), new ClientOrderId("c-0011"));
        Set<StartupReconciliation.KnownFill> booked = new HashSet<>(Set.of(
                known("c-0003", "900002"), known("c-0003", "900003")));

        // a new client instance: nothing of the previous process is remembered
        StartupReconciliation.Report first = fake.exchange().reconcile(new StartupReconciliation.Request(ours, booked, SINCE));

        assertThat(first.missingFills()).extracting(f -> f.clientOrderId().value(), f -> f.exchangeTradeId().value(), ExchangeFill::liquidity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("c-0011", "900010", "MAKER"),
                        org.assertj.core.groups.Tuple.tuple("c-0011", "900011", "MAKER"));
        assertThat(first.missingFills().get(0).fee()).isEqualByComparingTo("0.00015");
        assertThat(first.missingFills().get(0).feeAsset()).isEqualTo("BTC");
        assertThat(first.foreignOrders()).extracting(StartupReconciliation.ForeignOrder::venueOrderId, StartupReconciliation.ForeignOrder::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("7001", OrderStatus.ACK),
                        org.assertj.core.groups.Tuple.tuple("7002", OrderStatus.FILLED));
        assertThat(first.foreignOrders().get(1).why()).contains("not placed by us");
        assertThat(first.ourOpenOrders()).extracting(o -> o.clientOrderId().value()).containsExactly("c-0010");
        assertThat(first.clean()).isFalse();
        fake.server.verify(getRequestedFor(urlPathEqualTo("/api/v3/myTrades")).withQueryParam("startTime", equalTo(Long.toString(SINCE.toEpochMilli())))
                .withQueryParam("endTime", equalTo(Long.toString(SINCE.toEpochMilli() + 86_400_000L - 1))).withQueryParam("symbol", equalTo("BTCUSDT")));

        // the caller books them; a second reconciliation (another restart) reports nothing new
        first.missingFills().forEach(f -> booked.add(new StartupReconciliation.KnownFill(f.clientOrderId(), f.exchangeTradeId())));
        StartupReconciliation.Report second = fake.exchange().reconcile(new StartupReconciliation.Request(ours, booked, SINCE));
        assertThat(second.missingFills()).isEmpty();
        assertThat(second.foreignOrders()).hasSize(2);
    }

    @Test
    void venueThatCannotBeReadFailsTheReconciliationInsteadOfReportingAPartialPicture() {
        fake.server.stubFor(get(urlPathEqualTo("/api/v3/allOrders")).atPriority(1)
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(502).withBody("Bad Gateway")));
        assertThatThrownBy(() -> fake.exchange().reconcile(new StartupReconciliation.Request(Set.of(), Set.of(), SINCE)))
                .isInstanceOf(VenueUnavailableException.class).hasMessageContaining("allOrders").hasMessageContaining("502");
    }

    @Test
    void aFullPageOfTradesIsContinuedByTradeIdAndEveryFillIsReportedOnce() {
        fake.server.stubFor(get(urlPathEqualTo("/api/v3/openOrders")).atPriority(1).willReturn(okJsonArray("[]")));
        fake.server.stubFor(get(urlPathEqualTo("/api/v3/myTrades")).withQueryParam("startTime", matching("\\d+")).atPriority(1)
                .willReturn(okJsonArray(trades(1, 1000))));
        fake.server.stubFor(get(urlPathEqualTo("/api/v3/myTrades")).withQueryParam("fromId", equalTo("1001")).atPriority(1)
                .willReturn(okJsonArray(trades(1001, 2))));

        StartupReconciliation.Report r = fake.exchange().reconcile(new StartupReconciliation.Request(Set.of(new ClientOrderId("c-0011")), Set.of(), SINCE));

        assertThat(r.missingFills()).hasSize(1002);
        assertThat(r.missingFills()).extracting(f -> f.exchangeTradeId().value()).doesNotHaveDuplicates().contains("1", "1000", "1001", "1002");
        fake.server.verify(1, getRequestedFor(urlPathEqualTo("/api/v3/myTrades")).withQueryParam("fromId", equalTo("1001")));
    }

    private static StartupReconciliation.KnownFill known(String clientOrderId, String tradeId) {
        return new StartupReconciliation.KnownFill(new ClientOrderId(clientOrderId), new ExchangeTradeId(tradeId));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder okJsonArray(String body) {
        return com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    /** {@code n} trades of order 5011 (c-0011) from id {@code first}, one second apart from 00:30. */
    private static String trades(int first, int n) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < n; i++) {
            long id = first + i;
            b.append(i == 0 ? "" : ",").append("{\"symbol\":\"BTCUSDT\",\"id\":").append(id)
                    .append(",\"orderId\":5011,\"orderListId\":-1,\"price\":\"39500.00000000\",\"qty\":\"0.00010000\",")
                    .append("\"quoteQty\":\"3.95000000\",\"commission\":\"0.00000010\",\"commissionAsset\":\"BTC\",\"time\":")
                    .append(SINCE.toEpochMilli() + 1_800_000L + id * 1000).append(",\"isBuyer\":true,\"isMaker\":true,\"isBestMatch\":true}");
        }
        return b.append("]").toString();
    }
}
