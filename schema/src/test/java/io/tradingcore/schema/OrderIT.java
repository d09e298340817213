package io.tradingcore.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OrderIT extends SchemaTestSupport {

    private static final String ORDER2 = "00000000-0000-0000-0000-0000000000e2";

    @BeforeEach
    void signal() throws SQLException {
        insert(Fixture.tradeSignal());
    }

    private static Row secondOrder() {
        return Fixture.orderRequest().with("order_id", ORDER2).with("client_order_id", "c-2");
    }

    private void setStatus(String orderId, String status) throws SQLException {
        exec("UPDATE order_request SET status = '" + status + "' WHERE order_id = '" + orderId + "'");
    }

    private String statusChangeRejection(String orderId, String status) throws SQLException {
        return rejectedSql("UPDATE order_request SET status = '" + status + "' WHERE order_id = '" + orderId + "'");
    }

    @Test
    void storesABuyThatFitsTheFreeCashIncludingTheReservedFee() throws SQLException {
        insert(Fixture.orderRequest().with("requested_notional", "4999").with("reserved_fee", "1"));
        assertThat(queryString("SELECT status FROM order_request")).isEqualTo("NEW");
    }

    @Test
    void refusesABuyCostingMoreThanTheFreeCash() throws SQLException {
        assertThat(rejected(Fixture.orderRequest().with("requested_notional", "5000.000000000000000001")
                .with("reserved_fee", "0"))).contains("ck_order_request_no_leverage");
        assertThat(rejected(Fixture.orderRequest().with("requested_notional", "5000").with("reserved_fee", "0.000000000000000001")))
                .contains("ck_order_request_no_leverage");
    }

    /** A filled BUY of 4 BTC (order ORDER2), so that a SELL has a stored position to close. */
    private void holdFourBtc() throws SQLException {
        insert(secondOrder(), Fixture.orderFill().with("order_id", ORDER2));
    }

    @Test
    void storesASellOfAtMostTheHoldingEvenWithoutCash() throws SQLException {
        holdFourBtc();
        insert(Fixture.orderRequest().with("side", "SELL").with("requested_qty", "2.5").with("pre_order_position_qty", "2.5")
                .with("pre_order_cash_available", "0"));
        assertThat(queryString("SELECT side FROM order_request WHERE order_id = '" + Fixture.ORDER + "'")).isEqualTo("SELL");
    }

    @Test
    void refusesASellOfMoreThanTheHolding() throws SQLException {
        holdFourBtc();
        assertThat(rejected(Fixture.orderRequest().with("side", "SELL").with("requested_qty", "2.500000000000000001")
                .with("pre_order_position_qty", "2.5"))).contains("ck_order_request_no_leverage");
        assertThat(rejected(Fixture.orderRequest().with("side", "SELL").with("requested_qty", "4")
                .with("pre_order_position_qty", "0"))).contains("ck_order_request_no_leverage");
    }

    @Test
    void limitPriceIsRequiredForLimitOrdersAndForbiddenForMarketOrders() throws SQLException {
        assertThat(rejected(Fixture.orderRequest().with("order_type", "LIMIT"))).contains("ck_order_request_limit_price");
        assertThat(rejected(Fixture.orderRequest().with("limit_price", "100"))).contains("ck_order_request_limit_price");
        assertThat(rejected(Fixture.orderRequest().with("order_type", "LIMIT").with("limit_price", "0")))
                .contains("ck_order_request_limit_price");
        insert(Fixture.orderRequest().with("order_type", "LIMIT").with("limit_price", "100"));
    }

    @Test
    void aLimitBuysNotionalMustCoverQuantityTimesLimit() throws SQLException {
        assertThat(rejected(Fixture.orderRequest().with("order_type", "LIMIT").with("limit_price", "100.000000000000000001")))
                .contains("ck_order_request_limit_buy_notional");
        insert(Fixture.orderRequest().with("order_type", "LIMIT").with("limit_price", "100"));
    }

    @Test
    void refusesAnOrderForAnUnknownSignal() throws SQLException {
        assertThat(rejected(Fixture.orderRequest().with("signal_id", "00000000-0000-0000-0000-0000000000dd")))
                .contains("fk_order_request_signal_identity");
    }

    @Test
    void orderRowChecks() throws SQLException {
        assertThat(rejected(Fixture.orderRequest().with("requested_qty", "0"))).contains("ck_order_request_qty_positive");
        assertThat(rejected(Fixture.orderRequest().with("requested_notional", "0"))).contains("ck_order_request_notional_positive");
        assertThat(rejected(Fixture.orderRequest().with("reserved_fee", "-1"))).contains("ck_order_request_reserved_fee_nonneg");
        assertThat(rejected(Fixture.orderRequest().with("client_order_id", "has space")))
                .contains("ck_order_request_client_order_id_format");
        insert(Fixture.orderRequest());
        assertThat(rejected(secondOrder().with("client_order_id", "c-1"))).contains("uq_order_request_client_order_id");
    }

    @Test
    void followsTheLegalLifecycle() throws SQLException {
        insert(Fixture.orderRequest(), secondOrder(),
                Fixture.orderRequest().with("order_id", "00000000-0000-0000-0000-0000000000e3").with("client_order_id", "c-3"));
        exec("UPDATE order_request SET status = 'ACK', venue_order_id = 'v-1' WHERE order_id = '" + Fixture.ORDER + "'");
        setStatus(Fixture.ORDER, "PARTIAL");
        exec("UPDATE order_request SET status = 'PARTIAL', status_reason = 'more fills' WHERE order_id = '" + Fixture.ORDER + "'");
        setStatus(Fixture.ORDER, "FILLED");
        setStatus(ORDER2, "REJECTED");
        setStatus("00000000-0000-0000-0000-0000000000e3", "CANCELLED");
        assertThat(queryString("SELECT string_agg(status::text, ',' ORDER BY client_order_id) FROM order_request"))
                .isEqualTo("FILLED,REJECTED,CANCELLED");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"NEW,PARTIAL", "NEW,FILLED", "ACK,NEW", "ACK,REJECTED", "PARTIAL,ACK", "PARTIAL,NEW",
            "FILLED,CANCELLED", "FILLED,PARTIAL", "CANCELLED,ACK", "REJECTED,ACK", "REJECTED,NEW"})
    void refusesAnIllegalStatusTransition(String from, String to) throws SQLException {
        insert(Fixture.orderRequest());
        for (String step : pathTo(from)) {
            setStatus(Fixture.ORDER, step);
        }
        assertThat(statusChangeRejection(Fixture.ORDER, to))
                .contains("trg_order_request_lifecycle", "illegal order status transition " + from + " -> " + to);
    }

    private static List<String> pathTo(String status) {
        switch (status) {
            case "NEW": return List.of();
            case "ACK": return List.of("ACK");
            case "PARTIAL": return List.of("ACK", "PARTIAL");
            case "FILLED": return List.of("ACK", "FILLED");
            case "CANCELLED": return List.of("CANCELLED");
            case "REJECTED": return List.of("REJECTED");
            default: throw new IllegalArgumentException(status);
        }
    }

    @Test
    void refusesChangingAnythingButTheLifecycleColumnsAndDeleting() throws SQLException {
        insert(Fixture.orderRequest());
        assertThat(rejectedSql("UPDATE order_request SET requested_qty = 11")).contains("trg_order_request_lifecycle");
        assertThat(rejectedSql("UPDATE order_request SET pre_order_cash_available = 1000000"))
                .contains("trg_order_request_lifecycle");
        exec("UPDATE order_request SET venue_order_id = 'v-1'");
        assertThat(rejectedSql("UPDATE order_request SET venue_order_id = 'v-2'")).contains("venue_order_id is already set");
        assertThat(rejectedSql("DELETE FROM order_request")).contains("trg_order_request_lifecycle", "cannot be deleted");
    }

    @Test
    void storesFillsUpToTheRequestedQuantity() throws SQLException {
        insert(Fixture.orderRequest(), Fixture.orderFill(),
                Fixture.orderFill().with("fill_id", "00000000-0000-0000-0000-0000000000f2").with("exchange_trade_id", "t-2")
                        .with("fill_qty", "6"));
        assertThat(queryString("SELECT sum(fill_qty) FROM order_fill")).isEqualTo("10.000000000000000000");
    }

    @Test
    void refusesADuplicateFill() throws SQLException {
        insert(Fixture.orderRequest(), secondOrder(), Fixture.orderFill());
        assertThat(rejected(Fixture.orderFill().with("fill_id", "00000000-0000-0000-0000-0000000000f2")
                .with("fill_qty", "1"))).contains("uq_order_fill_order_trade");
        // the same venue trade id under another order is another fill
        insert(Fixture.orderFill().with("fill_id", "00000000-0000-0000-0000-0000000000f3").with("order_id", ORDER2));
    }

    @Test
    void aReSentFillIsSkippedOrRefusedAsADuplicateEvenWhenTheOrderIsFull() throws SQLException {
        insert(Fixture.orderRequest(), Fixture.orderFill(), Fixture.orderFill().with("fill_id",
                "00000000-0000-0000-0000-0000000000f2").with("exchange_trade_id", "t-2").with("fill_qty", "6"));
        assertThat(Fixture.orderFill().insertOnConflictDoNothing(c)).isZero();
        assertThat(rejected(Fixture.orderFill().with("fill_id", "00000000-0000-0000-0000-0000000000f3")))
                .contains("uq_order_fill_order_trade");
        assertThat(rejected(Fixture.orderFill().with("exchange_trade_id", "t-3"))).contains("pk_order_fill");
        assertThat(queryString("SELECT sum(fill_qty) FROM order_fill")).isEqualTo("10.000000000000000000");
    }

    @Test
    void refusesAFillThatWouldExceedTheOrderQuantity() throws SQLException {
        insert(Fixture.orderRequest(), Fixture.orderFill());
        assertThat(rejected(Fixture.orderFill().with("fill_id", "00000000-0000-0000-0000-0000000000f2")
                .with("exchange_trade_id", "t-2").with("fill_qty", "6.000000000000000001")))
                .contains("trg_order_fill_within_requested_qty", "would total 10.000000000000000001");
        assertThat(rejected(Fixture.orderFill().with("fill_id", "00000000-0000-0000-0000-0000000000f2")
                .with("exchange_trade_id", "t-2").with("fill_qty", "11"))).contains("trg_order_fill_within_requested_qty");
    }

    @Test
    void refusesAFillOfARejectedOrder() throws SQLException {
        insert(Fixture.orderRequest());
        setStatus(Fixture.ORDER, "REJECTED");
        assertThat(rejected(Fixture.orderFill())).contains("trg_order_fill_within_requested_qty", "REJECTED");
    }

    @Test
    void fillRowChecks() throws SQLException {
        insert(Fixture.orderRequest());
        assertThat(rejected(Fixture.orderFill().with("fill_qty", "0"))).contains("ck_order_fill_qty_positive");
        assertThat(rejected(Fixture.orderFill().with("fill_price", "0"))).contains("ck_order_fill_price_positive");
        assertThat(rejected(Fixture.orderFill().with("fee", "-0.1"))).contains("ck_order_fill_fee_nonneg");
        assertThat(rejected(Fixture.orderFill().with("liquidity", "BOTH"))).contains("ck_order_fill_liquidity");
        assertThat(rejected(Fixture.orderFill().with("order_id", ORDER2))).contains("fk_order_fill_order");
    }

    @Test
    void storesOneExecutedTradePerFillMatchingItsFillAndOrder() throws SQLException {
        insert(Fixture.orderRequest(), Fixture.orderFill(), Fixture.executedTrade());
        assertThat(rejected(Fixture.executedTrade().with("trade_id", "00000000-0000-0000-0000-000000000012")))
                .contains("uq_executed_trade_fill");
    }

    @Test
    void refusesAnExecutedTradeThatDisagreesWithItsFillOrOrder() throws SQLException {
        insert(Fixture.orderRequest(), Fixture.orderFill());
        assertThat(rejected(Fixture.executedTrade().with("quantity", "5"))).contains("fk_executed_trade_fill");
        assertThat(rejected(Fixture.executedTrade().with("price", "101"))).contains("fk_executed_trade_fill");
        assertThat(rejected(Fixture.executedTrade().with("side", "SELL"))).contains("fk_executed_trade_order");
        assertThat(rejected(Fixture.executedTrade().with("asset_id", Fixture.ETH))).contains("fk_executed_trade_order");
        assertThat(rejected(Fixture.executedTrade().with("fee_quote", "-1"))).contains("ck_executed_trade_fee_nonneg");
    }

    @Test
    void signalChecks() throws SQLException {
        Row other = Fixture.tradeSignal().with("signal_id", "00000000-0000-0000-0000-0000000000d2").with("horizon", "H4");
        assertThat(rejected(other.copy().with("target_notional", "-1"))).contains("ck_trade_signal_target_notional_nonneg");
        assertThat(rejected(other.copy().with("probability", "2"))).contains("ck_trade_signal_probability_range");
        assertThat(rejected(other.copy().with("horizon", "H1"))).contains("uq_trade_signal_run_asset_horizon");
        insert(other);
    }
}
