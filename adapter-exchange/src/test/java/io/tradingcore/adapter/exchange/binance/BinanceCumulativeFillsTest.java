package io.tradingcore.adapter.exchange.binance;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.tradingcore.adapter.exchange.Exchanges;
import io.tradingcore.domain.Asset;
import io.tradingcore.domain.ClientOrderId;
import io.tradingcore.domain.Decimals;
import io.tradingcore.domain.DeterministicIds;
import io.tradingcore.domain.ExchangeTradeId;
import io.tradingcore.domain.HourTs;
import io.tradingcore.domain.OrderId;
import io.tradingcore.domain.OrderRequest;
import io.tradingcore.domain.OrderStatus;
import io.tradingcore.domain.OrderType;
import io.tradingcore.domain.RunId;
import io.tradingcore.domain.SignalId;
import io.tradingcore.domain.order.FeeCurrency;
import io.tradingcore.domain.order.Fill;
import io.tradingcore.domain.order.FillOutcome;
import io.tradingcore.domain.order.Order;
import io.tradingcore.domain.order.OrderEvent;
import io.tradingcore.ports.out.ExchangeFill;
import io.tradingcore.ports.out.ExchangeGateway;
import io.tradingcore.ports.out.ExchangeOrderState;
import io.tradingcore.ports.testing.OrderRequestBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8, "a partial fill reported with cumulative quantity": Binance's order endpoint reports executedQty and
 * cummulativeQuoteQty cumulatively, and successive REST reads may come back lagging or out of order. The fills the
 * gateway reports come from myTrades, per trade id, so booking them (the domain de-duplicates by order and trade id)
 * books each trade exactly once, whatever the polls say: growing cumulative reports, trades lagging the order, and an
 * older, smaller report arriving after a newer one.
 */
class BinanceCumulativeFillsTest {
    static final String COID = "c-cum-1";
    static final Asset BTC = Asset.of(1, "BTC/USDT");
    final BinanceFake fake = new BinanceFake();

    @AfterEach
    void stop() {
        fake.close();
    }

    static String order(String status, String executed, String quote) {
        return "{\"symbol\":\"BTCUSDT\",\"orderId\":6001,\"orderListId\":-1,\"clientOrderId\":\"" + COID + "\",\"price\":\"0.00000000\","
                + "\"origQty\":\"1.00000000\",\"executedQty\":\"" + executed + "\",\"cummulativeQuoteQty\":\"" + quote + "\","
                + "\"status\":\"" + status + "\",\"timeInForce\":\"GTC\",\"type\":\"LIMIT\",\"side\":\"BUY\",\"time\":1704067200000,"
                + "\"updateTime\":1704067260000,\"isWorking\":true}";
    }

    /** Trades of order 6001: 0.3 @ 40000, 0.4 @ 40010, 0.3 @ 40020, each charged 0.1% in BTC (Binance's default for a buy). */
    static String trade(int n) {
        String[][] t = {{"0.30000000", "40000.00000000", "0.00030000"}, {"0.40000000", "40010.00000000", "0.00040000"},
            {"0.30000000", "40020.00000000", "0.00030000"}};
        String[] x = t[n - 1];
        return "{\"symbol\":\"BTCUSDT\",\"id\":" + (910000 + n) + ",\"orderId\":6001,\"orderListId\":-1,\"price\":\"" + x[1]
                + "\",\"qty\":\"" + x[0] + "\",\"quoteQty\":\"0\",\"commission\":\"" + x[2] + "\",\"commissionAsset\":\"BTC\","
                + "\"time\":" + (1704067200000L + n * 1000) + ",\"isBuyer\":true,\"isMaker\":true,\"isBestMatch\":true}";
    }

    static String trades(int... ns) {
        List<String> out = new ArrayList<>();
        for (int n : ns) {
            out.add(trade(n));
        }
        return "[" + String.join(",", out) + "]";
    }

    static ResponseDefinitionBuilder ok(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    /**
     * Poll k (one query and one fills read) sees state k; each myTrades read moves the venue to the next state.
     * 1: 0.3 executed, trade 1. 2: 0.7 executed but myTrades still lags at trade 1. 3: FILLED, trades 1-3.
     * 4: an older answer arriving late: 0.7 executed, trades 2 and 1 (repeated, out of id order). 5: FILLED again.
     */
    void pollsWithGrowingCumulativeQuantity() {
        String[][] states = {
            {order("PARTIALLY_FILLED", "0.30000000", "12000.00000000"), trades(1)},
            {order("PARTIALLY_FILLED", "0.70000000", "28004.00000000"), trades(1)},
            {order("FILLED", "1.00000000", "40010.00000000"), trades(1, 2, 3)},
            {order("PARTIALLY_FILLED", "0.70000000", "28004.00000000"), trades(2, 1, 1)},
            {order("FILLED", "1.00000000", "40010.00000000"), trades(1, 2, 3)}};
        for (int i = 0; i < states.length; i++) {
            String state = i == 0 ? Scenario.STARTED : "poll-" + (i + 1);
            fake.server.stubFor(get(urlPathEqualTo("/api/v3/order")).inScenario("polls").whenScenarioStateIs(state)
                    .willReturn(ok(states[i][0])));
            fake.server.stubFor(get(urlPathEqualTo("/api/v3/myTrades")).withQueryParam("orderId", equalTo("6001")).inScenario("polls")
                    .whenScenarioStateIs(state).willSetStateTo("poll-" + (i + 2)).willReturn(ok(states[i][1])));
        }
    }

    static Order acknowledgedBuy() {
        RunId run = new RunId(DeterministicIds.uuid("cum-run"));
        SignalId signal = new SignalId(DeterministicIds.uuid("cum-signal"));
        OrderRequest r = OrderRequestBuilder.order(run, signal, BTC, HourTs.parse("2024-01-01T00:00:00Z"))
                .orderId(new OrderId(UUID.nameUUIDFromBytes(COID.getBytes()))).clientOrderId(new ClientOrderId(COID))
                .type(OrderType.LIMIT).quantity(Decimals.of("1")).limitPrice(Decimals.of("40100")).notional(Decimals.of("40100"))
                .cash(Decimals.of("50000")).build();
        return Order.placed(r, Decimals.ZERO, Decimals.ZERO).on(new OrderEvent.Acknowledged());
    }

    /** What the cycle does with a venue fill: into the domain, where (order id, trade id) de-duplicates. */
    static Fill toFill(Order o, ExchangeFill f) {
        FeeCurrency currency = f.feeAsset().equals(BTC.base()) ? FeeCurrency.BASE : FeeCurrency.QUOTE;
        return new Fill(o.request().orderId(), new ExchangeTradeId(f.exchangeTradeId().value()), BTC.id(), o.request().side(), f.quantity(),
                f.price(), f.fee(), f.tradeTs(), f.liquidity(), currency);
    }

    @Test
    void growingLaggingAndOutOfOrderCumulativeReportsBookEachTradeOnce() {
        pollsWithGrowingCumulativeQuantity();
        ExchangeGateway gateway = Exchanges.binance(fake.config().build());
        ClientOrderId id = new ClientOrderId(COID);
        Order order = acknowledgedBuy();
        List<Fill> booked = new ArrayList<>();
        int duplicates = 0;
        List<BigDecimal> cumulative = new ArrayList<>();
        List<BigDecimal> bookedAfterPoll = new ArrayList<>();

        for (int poll = 1; poll <= 5; poll++) {
            ExchangeOrderState venue = gateway.query(id).orElseThrow();
            cumulative.add(venue.filledQuantity());
            List<ExchangeFill> fills = gateway.fills(id);
            if (poll == 4) {
                assertThat(fills).as("a read repeating a trade reports it once, in id order")
                        .extracting(f -> f.exchangeTradeId().value()).containsExactly("910001", "910002");
            }
            for (ExchangeFill f : fills) {
                FillOutcome out = order.applyFill(toFill(order, f));
                if (out instanceof FillOutcome.Applied a) {
                    order = a.order();
                    booked.add(a.fill());
                } else {
                    assertThat(out).isInstanceOf(FillOutcome.Duplicate.class);
                    duplicates++;
                }
            }
            bookedAfterPoll.add(order.filledQuantity());
        }

        assertThat(cumulative).extracting(BigDecimal::stripTrailingZeros)
                .containsExactly(new BigDecimal("0.3"), new BigDecimal("0.7"), BigDecimal.ONE, new BigDecimal("0.7"), BigDecimal.ONE);
        // poll 2 says 0.7 while its trades say 0.3: only 0.3 is booked, the rest comes with the trades at poll 3;
        // the late 0.7 of poll 4 neither reduces nor re-books anything
        assertThat(bookedAfterPoll).containsExactly(Decimals.of("0.3"), Decimals.of("0.3"), Decimals.of("1"), Decimals.of("1"),
                Decimals.of("1"));
        assertThat(booked).extracting(f -> f.tradeId().value()).containsExactly("910001", "910002", "910003");
        assertThat(booked.stream().map(Fill::quantity).reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualTo(Decimals.of("1"));
        assertThat(booked.stream().map(Fill::baseFee).reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualTo(Decimals.of("0.001"));
        assertThat(booked.stream().map(Fill::positionDelta).reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualTo(Decimals.of("0.999"));
        assertThat(duplicates).as("trade 1 at polls 2 and 3, trades 1-2 at poll 4, trades 1-3 at poll 5").isEqualTo(7);
        assertThat(order.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(order.filledNotional()).isEqualTo(Decimals.of("40010")); // 12000 + 16004 + 12006, as cummulativeQuoteQty says
        fake.server.verify(5, getRequestedFor(urlPathEqualTo("/api/v3/myTrades")));
    }
}
