package io.tradingcore.ports.service;

import static io.tradingcore.ports.service.CycleFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.tradingcore.domain.Asset;
import io.tradingcore.domain.Decimals;
import io.tradingcore.domain.HourTs;
import io.tradingcore.domain.OrderSide;
import io.tradingcore.domain.OrderStatus;
import io.tradingcore.domain.RunMode;
import io.tradingcore.domain.SignalAction;
import io.tradingcore.domain.order.Fill;
import io.tradingcore.domain.order.Order;
import io.tradingcore.domain.portfolio.PositionState;
import io.tradingcore.domain.risk.RiskEvent;
import io.tradingcore.domain.risk.RiskEventType;
import io.tradingcore.ports.in.CycleReport;
import io.tradingcore.ports.out.HourlyState;
import io.tradingcore.ports.testing.InMemoryPorts;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Dust (issue 8): a venue with Binance's BTCUSDT rules (LOT_SIZE step 0.00001, NOTIONAL 5) that withholds a BUY's fee
 * in BTC leaves a remainder after every EXIT that is rounded down to the step. That remainder can never be sold on its
 * own; the cycle keeps it in the position and equity, decides on it as flat (no EXIT refused every hour, a new ENTER
 * allowed), tells the operator once, and sells it with the next position.
 */
class DustCycleTest {
    private static final Asset BTC = InMemoryPorts.btc();
    private static final HourTs FIRST = START.plusHours(LOOKBACK);
    /** Cycle indexes (hour FIRST + i) of the four orders of the price path below. */
    private static final int ENTER_1 = 0;
    private static final int EXIT_1 = 7;
    private static final int ENTER_2 = 13;
    private static final int EXIT_2 = 20;

    /**
     * 1000 USDT, half of equity per ENTER, fee 0.1 %, no slippage: a position is bought and sold at the mark. Closes
     * step by 400 from 40000: up 9 hours, down 7, up 6, down 6.
     */
    static InMemoryPorts ports() {
        List<BigDecimal> closes = new ArrayList<>();
        BigDecimal c = new BigDecimal("40000");
        for (int step : new int[] {9, -7, 6, -6}) {
            for (int i = 0; i < Math.abs(step); i++) {
                c = c.add(BigDecimal.valueOf(Integer.signum(step) * 400L));
                closes.add(c);
            }
        }
        InMemoryPorts p = oneAsset(BTC, new BigDecimal("40000"), closes);
        p.exchange.feeInBaseForBuys(true).lotRules(new BigDecimal("0.00001"), new BigDecimal("5"));
        return p;
    }

    private static List<CycleReport> run(InMemoryPorts p, int hours) {
        return runOneAsset(p, BTC, hours, new BigDecimal("1000"));
    }

    private static BigDecimal d(String s) {
        return Decimals.of(s);
    }

    private static HourlyState state(CycleReport r) {
        return r.state().orElseThrow();
    }

    private static PositionState btc(CycleReport r) {
        return state(r).positions().stream().filter(x -> x.asset().equals(BTC.id())).findFirst().orElseThrow();
    }

    @Test
    void exitLeavesDustThatIsHeldDecidedOnAsFlatReportedOnceAndSoldWithTheNextPosition() {
        InMemoryPorts p = ports();

        List<CycleReport> reports = run(p, EXIT_2 + 1);

        // exactly four orders, each filled, at the planned hours; nothing refused by the venue or the books
        List<Order> orders = p.execution.allOrders();
        assertThat(orders).extracting(Order::status).containsOnly(OrderStatus.FILLED);
        assertThat(orders).extracting(o -> o.request().side()).containsExactly(OrderSide.BUY, OrderSide.SELL, OrderSide.BUY, OrderSide.SELL);
        assertThat(orders).extracting(o -> o.request().hour())
                .containsExactly(FIRST.plusHours(ENTER_1), FIRST.plusHours(EXIT_1), FIRST.plusHours(ENTER_2), FIRST.plusHours(EXIT_2));
        assertThat(p.exchange.placedOrders()).isEqualTo(4);

        // ENTER 1 at 42400: 500 / 42400 = 0.0117924... -> 0.01179 BTC (step), fee 0.00001179 BTC; cash 1000 - 499.896
        List<Fill> fills = p.execution.allFills();
        assertThat(fills).extracting(Fill::quantity).containsExactly(d("0.01179"), d("0.01177"), d("0.01183"), d("0.01182"));
        assertThat(fills).extracting(Fill::price).containsExactly(d("42400"), d("42000"), d("42000"), d("41600"));
        assertThat(fills).extracting(Fill::fee).containsExactly(d("0.00001179"), d("0.49434"), d("0.00001183"), d("0.491712"));
        assertThat(btc(reports.get(ENTER_1)).quantity()).isEqualTo(d("0.01177821"));
        assertThat(state(reports.get(ENTER_1)).portfolio().cash()).isEqualTo(d("500.104"));

        // EXIT 1 at 42000: 0.01177821 rounds down to 0.01177; 0.00000821 BTC (0.34482 USDT) is dust.
        // cash 500.104 + 494.34 - 0.49434 (fee in USDT)
        assertThat(btc(reports.get(EXIT_1)).quantity()).isEqualTo(d("0.00000821"));
        assertThat(btc(reports.get(EXIT_1)).marketValue()).isEqualTo(d("0.34482"));
        assertThat(state(reports.get(EXIT_1)).portfolio().cash()).isEqualTo(d("993.94966"));
        assertThat(state(reports.get(EXIT_1)).portfolio().equity()).isEqualTo(d("994.29448"));

        // the falling hours after it: a sellable position would be EXITed (p below 0.45); the dust is decided on as flat:
        // HOLD at zero, no order, no event, and it stays in the position and in equity at each hour's mark
        for (int i = EXIT_1 + 1; i < ENTER_2; i++) {
            CycleReport r = reports.get(i);
            assertThat(r.signals()).singleElement().satisfies(s -> {
                assertThat(s.decision().action()).isEqualTo(SignalAction.HOLD);
                assertThat(s.decision().targetNotional()).isZero();
            });
            assertThat(r.orders()).isEmpty();
            assertThat(r.riskEvents()).isEmpty();
            assertThat(btc(r).quantity()).isEqualTo(d("0.00000821"));
            assertThat(state(r).portfolio().equity()).isEqualTo(d("993.94966").add(Decimals.multiply(d("0.00000821"), btc(r).markPrice())));
        }
        assertThat(reports.subList(EXIT_1 + 1, EXIT_1 + 4)).allSatisfy(r ->
                assertThat(r.signals().get(0).decision().probability()).isLessThanOrEqualTo(0.45));

        // ENTER 2 at 42000 on top of the dust: target half of equity 994.29448 = 497.14724 -> 0.01183 BTC (step);
        // held 0.00000821 + 0.01183 - 0.00001183 = 0.01182638; cash 993.94966 - 496.86
        assertThat(btc(reports.get(ENTER_2)).quantity()).isEqualTo(d("0.01182638"));
        assertThat(state(reports.get(ENTER_2)).portfolio().cash()).isEqualTo(d("497.08966"));

        // EXIT 2 at 41600 sells the rounded-down total 0.01182 (the old dust included), leaving 0.00000638 as new dust;
        // cash 497.08966 + 491.712 - 0.491712
        assertThat(btc(reports.get(EXIT_2)).quantity()).isEqualTo(d("0.00000638"));
        assertThat(state(reports.get(EXIT_2)).portfolio().cash()).isEqualTo(d("988.309948"));
        assertThat(p.execution.cashBalance(ACCOUNT, RunMode.BACKTEST)).isEqualTo(d("988.309948"));
        assertThat(p.exchange.balances().get("BTC")).as("the venue's wallet holds the same dust").isEqualByComparingTo("0.00000638");

        // one informative event per EXIT that left dust, none in between, and no refusal at all
        List<RiskEvent> events = p.decisions.riskEvents(ACCOUNT, RunMode.BACKTEST, FIRST, FIRST.plusHours(EXIT_2 + 1));
        assertThat(events).extracting(RiskEvent::type).containsExactly(RiskEventType.SIZE_REDUCED, RiskEventType.SIZE_REDUCED);
        assertThat(events).extracting(RiskEvent::hour).containsExactly(FIRST.plusHours(EXIT_1), FIRST.plusHours(EXIT_2));
        assertThat(events).extracting(RiskEvent::rule).containsOnly("dust");
        assertThat(events.get(0).detail()).startsWith("0.00000821 BTC worth 0.34482 USDT at 42000 is below what the venue sells");
        assertThat(events.get(1).detail()).startsWith("0.00000638 BTC worth 0.265408 USDT at 41600 ");
        assertBooksReconcile(p, reports);
    }

    @Test
    void withoutLotRulesTheSamePathEndsFlatAndRecordsNoDustEvent() {
        InMemoryPorts p = ports();
        p.exchange.lotRules(new BigDecimal("0.000000000000000001"), BigDecimal.ZERO);

        List<CycleReport> reports = run(p, EXIT_1 + 1);

        assertThat(btc(reports.get(EXIT_1)).quantity()).isZero();
        assertThat(p.decisions.riskEvents(ACCOUNT, RunMode.BACKTEST, FIRST, FIRST.plusHours(EXIT_1 + 1))).isEmpty();
    }
}
