package io.tradingcore.adapter.exchange.binance;

import io.tradingcore.domain.OrderStatus;
import io.tradingcore.adapter.exchange.model.Reconciliation;
import io.tradingcore.adapter.exchange.model.VenueFill;
import io.tradingcore.adapter.exchange.model.VenueOrder;
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
        Set<String> ours = Set.of("c-0003", "c-0010", "c-0011");
        Set<Reconciliation.FillKey> booked = new HashSet<>(Set.of(
                new Reconciliation.FillKey("c-0003", "900002"), new Reconciliation.FillKey("c-0003", "900003")));

        // a new client instance: nothing of the previous process is remembered
        Reconciliation.Report first = fake.exchange().reconcile(new Reconciliation.Input(ours, booked, SINCE));

        assertThat(first.missingFills()).extracting(VenueFill::clientOrderId, VenueFill::tradeId, VenueFill::liquidity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("c-0011", "900010", "MAKER"),
                        org.assertj.core.groups.Tuple.tuple("c-0011", "900011", "MAKER"));
        assertThat(first.missingFills().get(0).fee()).isEqualByComparingTo("0.00015");
        assertThat(first.missingFills().get(0).feeAsset()).isEqualTo("BTC");
        assertThat(first.unknownOrders()).extracting(Reconciliation.UnknownOrder::venueOrderId, Reconciliation.UnknownOrder::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("7001", OrderStatus.ACK),
                        org.assertj.core.groups.Tuple.tuple("7002", OrderStatus.FILLED));
        assertThat(first.unknownOrders().get(1).why()).contains("not placed by us");
        assertThat(first.ourOpenOrders()).extracting(VenueOrder::clientOrderId).containsExactly("c-0010");
        assertThat(first.clean()).isFalse();
        fake.server.verify(getRequestedFor(urlPathEqualTo("/api/v3/myTrades")).withQueryParam("startTime", equalTo(Long.toString(SINCE.toEpochMilli())))
                .withQueryParam("endTime", equalTo(Long.toString(SINCE.toEpochMilli() + 86_400_000L - 1))).withQueryParam("symbol", equalTo("BTCUSDT")));

        // the caller books them; a second reconciliation (another restart) reports nothing new
        first.missingFills().forEach(f -> booked.add(new Reconciliation.FillKey(f.clientOrderId(), f.tradeId())));
        Reconciliation.Report second = fake.exchange().reconcile(new Reconciliation.Input(ours, booked, SINCE));
        assertThat(second.missingFills()).isEmpty();
        assertThat(second.unknownOrders()).hasSize(2);
    }

    @Test
    void venueThatCannotBeReadFailsTheReconciliationInsteadOfReportingAPartialPicture() {
        fake.server.stubFor(get(urlPathEqualTo("/api/v3/allOrders")).atPriority(1)
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(502).withBody("Bad Gateway")));
        assertThatThrownBy(() -> fake.exchange().reconcile(new Reconciliation.Input(Set.of(), Set.of(), SINCE)))
                .isInstanceOf(VenueUnavailableException.class).hasMessageContaining("allOrders").hasMessageContaining("502");
    }

    @Test
    void aFullPageOfTradesIsContinuedByTradeIdAndEveryFillIsReportedOnce() {
        fake.server.stubFor(get(urlPathEqualTo("/api/v3/openOrders")).atPriority(1).willReturn(okJsonArray("[]")));
        fake.server.stubFor(get(urlPathEqualTo("/api/v3/myTrades")).withQueryParam("startTime", matching("\\d+")).atPriority(1)
                .willReturn(okJsonArray(trades(1, 1000))));
        fake.server.stubFor(get(urlPathEqualTo("/api/v3/myTrades")).withQueryParam("fromId", equalTo("1001")).atPriority(1)
                .willReturn(okJsonArray(trades(1001, 2))));

        Reconciliation.Report r = fake.exchange().reconcile(new Reconciliation.Input(Set.of("c-0011"), Set.of(), SINCE));

        assertThat(r.missingFills()).hasSize(1002);
        assertThat(r.missingFills()).extracting(VenueFill::tradeId).doesNotHaveDuplicates().contains("1", "1000", "1001", "1002");
        fake.server.verify(1, getRequestedFor(urlPathEqualTo("/api/v3/myTrades")).withQueryParam("fromId", equalTo("1001")));
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
