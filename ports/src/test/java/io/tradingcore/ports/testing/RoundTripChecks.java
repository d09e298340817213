package io.tradingcore.ports.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradingcore.domain.OrderSide;
import io.tradingcore.domain.OrderStatus;
import io.tradingcore.domain.order.FeeCurrency;
import io.tradingcore.domain.order.Fill;
import io.tradingcore.domain.order.Order;
import io.tradingcore.domain.risk.RiskEvent;
import io.tradingcore.domain.risk.RiskEventType;
import io.tradingcore.ports.in.CycleReport;
import java.util.List;

/** Checks shared by the tests of a round trip whose entry fee the venue charged in the base asset. */
public final class RoundTripChecks {
    private RoundTripChecks() {
    }

    /**
     * One BUY then one SELL, both FILLED, nothing rejected or refused, the buy's fee charged in the base asset
     * and the SELL sized at exactly what that fee left. Returns the buy's fill.
     */
    public static Fill assertExitSoldWhatTheBaseFeeLeft(InMemoryExecutionRepository execution, List<CycleReport> reports) {
        List<Order> orders = execution.allOrders();
        assertThat(orders).extracting(o -> o.request().side()).containsExactly(OrderSide.BUY, OrderSide.SELL);
        assertThat(orders).allSatisfy(o -> assertThat(o.status()).isEqualTo(OrderStatus.FILLED));
        assertThat(reports.stream().flatMap(r -> r.riskEvents().stream()).map(RiskEvent::type))
                .doesNotContain(RiskEventType.ORDER_REJECTED, RiskEventType.FILL_REFUSED);
        Fill in = execution.allFills().get(0);
        assertThat(in.feeCurrency()).isEqualTo(FeeCurrency.BASE);
        assertThat(in.fee()).isPositive();
        assertThat(orders.get(1).request().quantity()).isEqualTo(in.quantity().subtract(in.fee()));
        return in;
    }
}
