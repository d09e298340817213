package io.tradingcore.ports.service;

import static io.tradingcore.ports.service.CycleFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.tradingcore.domain.DrawdownTier;
import io.tradingcore.domain.OrderSide;
import io.tradingcore.domain.RunMode;
import io.tradingcore.domain.ledger.CashLedger;
import io.tradingcore.domain.order.Fill;
import io.tradingcore.domain.order.Order;
import io.tradingcore.domain.risk.OrderSizing;
import io.tradingcore.domain.risk.RiskEvent;
import io.tradingcore.domain.risk.RiskEventType;
import io.tradingcore.ports.in.CycleReport;
import io.tradingcore.ports.out.HourlyState;
import io.tradingcore.ports.testing.InMemoryPorts;
import io.tradingcore.ports.testing.SyntheticCandles;
import java.math.BigDecimal;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * The whole cycle over random price paths, with fills split into parts and delivered twice, and buy fees
 * charged in cash or in the bought asset: every hour's state keeps the invariants, and the books end equal
 * to the venue's wallet.
 */
class CycleInvariantsPropertyTest {
    private static final int HOURS = 30;

    @Property(tries = 12)
    void everyHourKeepsCashLedgerPositionAndTierInvariants(@ForAll @LongRange(min = 1, max = 1_000_000) long seed,
                                                          @ForAll @IntRange(min = 1, max = 8) int volatilityPercent,
                                                          @ForAll boolean splitFills, @ForAll boolean deliverTwice,
                                                          @ForAll boolean feeInBase) {
        InMemoryPorts p = new InMemoryPorts(config(), LOOKBACK, 60.0, START.toInstant());
        double vol = volatilityPercent / 100.0;
        p.load(SyntheticCandles.walk(ASSETS.get(0).id(), START, HOURS + LOOKBACK + 1, seed, new BigDecimal("42000.5"), vol));
        p.load(SyntheticCandles.walk(ASSETS.get(1).id(), START, HOURS + LOOKBACK + 1, seed * 31 + 7, new BigDecimal("0.00001234"), vol));
        p.exchange.splitFills(splitFills).deliverTwice(deliverTwice).feeInBaseForBuys(feeInBase);
        List<CycleReport> reports = runHours(p, START.plusHours(LOOKBACK), HOURS);
        BigDecimal fee = p.config.signal().feeRate();
        for (CycleReport r : reports) {
            HourlyState s = r.state().orElseThrow();
            assertThat(s.portfolio().cash().signum()).as("cash never negative").isGreaterThanOrEqualTo(0);
            assertThat(s.risk().tier()).as("tier is a function of drawdown").isEqualTo(DrawdownTier.forDrawdown(s.risk().drawdown()));
            for (Order o : r.orders()) {
                var q = o.request();
                if (q.side() == OrderSide.BUY && q.hour().equals(s.hour())) {
                    assertThat(q.requestedNotional().add(OrderSizing.feeEstimate(q.requestedNotional(), fee)))
                            .as("no order exceeds available cash").isLessThanOrEqualTo(q.preOrderCashAvailable());
                }
                assertThat(o.filledQuantity()).isLessThanOrEqualTo(q.quantity());
            }
        }
        assertBooksReconcile(p, reports);
        // the books equal the venue's wallet: it refuses to sell more than it holds, so a position that forgot a
        // fee withheld in the base asset would show here as a rejected exit and a position above the wallet
        assertThat(reports.stream().flatMap(r -> r.riskEvents().stream()).map(RiskEvent::type))
                .doesNotContain(RiskEventType.ORDER_REJECTED, RiskEventType.FILL_REFUSED);
        HourlyState last = reports.get(reports.size() - 1).state().orElseThrow();
        for (var a : ASSETS) {
            BigDecimal held = last.positions().stream().filter(x -> x.asset().equals(a.id())).map(x -> x.quantity())
                    .findFirst().orElse(BigDecimal.ZERO);
            assertThat(held).as("position in " + a.symbol() + " = venue balance").isEqualByComparingTo(p.exchange.balances()
                    .getOrDefault(a.base(), BigDecimal.ZERO));
        }
        assertThat(last.portfolio().cash()).as("cash = deposit + the venue's quote balance change")
                .isEqualByComparingTo(new BigDecimal("10000").add(p.exchange.balances().getOrDefault("USDT", BigDecimal.ZERO)));
        for (Order o : p.execution.allOrders()) {
            BigDecimal filled = p.execution.allFills().stream().filter(f -> f.orderId().equals(o.request().orderId()))
                    .map(Fill::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(filled).isEqualByComparingTo(o.filledQuantity()).isLessThanOrEqualTo(o.request().quantity());
        }
    }
}
