package io.tradingcore.domain.order;

import static io.tradingcore.domain.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradingcore.domain.OrderStatus;
import org.junit.jupiter.api.Test;

class OrderFillTest {
    private final Order order = placed(buy("2", "200", "1000")).on(new OrderEvent.Acknowledged());

    @Test
    void fillEqualToTheRemainderCompletesTheOrder() {
        Order after = applied(order.applyFill(fill(order, "t1", "2", "100", "0.2")));
        assertThat(after.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(after.remaining()).isZero();
        assertThat(after.filledNotional()).isEqualByComparingTo("200");
        assertThat(after.fees()).isEqualByComparingTo("0.2");
    }

    @Test
    void partialFillsAccumulateAndTheLastEqualToTheRemainderFills() {
        Order a = applied(order.applyFill(fill(order, "t1", "0.5", "100", "0")));
        assertThat(a.status()).isEqualTo(OrderStatus.PARTIAL);
        Order b = applied(a.applyFill(fill(order, "t2", "1", "101", "0")));
        assertThat(b.status()).isEqualTo(OrderStatus.PARTIAL);
        assertThat(b.remaining()).isEqualByComparingTo("0.5");
        Order c = applied(b.applyFill(fill(order, "t3", "0.5", "102", "0")));
        assertThat(c.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(c.tradeIds()).extracting(t -> t.value()).containsExactly("t1", "t2", "t3");
    }

    @Test
    void fillExceedingTheRemainderIsRefusedAndChangesNothing() {
        Order a = applied(order.applyFill(fill(order, "t1", "1.5", "100", "0")));
        FillOutcome out = a.applyFill(fill(order, "t2", "0.500000000000000001", "100", "0"));
        assertThat(out).isInstanceOf(FillOutcome.Refused.class);
        assertThat(((FillOutcome.Refused) out).reason()).contains("exceeds remaining");
    }

    @Test
    void duplicateFillIsReportedAsAValueAndNotBookedTwice() {
        Order a = applied(order.applyFill(fill(order, "t1", "1", "100", "0.1")));
        FillOutcome again = a.applyFill(fill(order, "t1", "1", "100", "0.1"));
        assertThat(again).isInstanceOf(FillOutcome.Duplicate.class);
        assertThat(a.filledQuantity()).isEqualByComparingTo("1");
    }

    @Test
    void fillOnAClosedOrderOrAnotherOrderIsRefused() {
        Order cancelled = order.on(new OrderEvent.Cancelled("halt"));
        assertThat(cancelled.applyFill(fill(order, "t1", "1", "100", "0"))).isInstanceOf(FillOutcome.Refused.class);
        Order other = placed(request(io.tradingcore.domain.OrderSide.SELL, "1", "100", "0"));
        assertThat(other.applyFill(fill(order, "t1", "1", "100", "0"))).isInstanceOf(FillOutcome.Refused.class);
    }

    @Test
    void aNewOrderTakesNoFillUntilAcknowledged() {
        Order fresh = placed(buy("2", "200", "1000"));
        assertThat(fresh.applyFill(fill(fresh, "t1", "1", "100", "0"))).isInstanceOf(FillOutcome.Refused.class);
    }

    @Test
    void placedOrderRefusesLeverageWithItsReservedFeeAndSellingMoreThanHeld() {
        assertThatThrownBy(() -> Order.placed(buy("2", "200", "200"), new java.math.BigDecimal("0.2"), java.math.BigDecimal.ZERO))
                .hasMessageContaining("no-leverage rule");
        assertThatThrownBy(() -> Order.placed(request(io.tradingcore.domain.OrderSide.SELL, "2", "200", "0"), java.math.BigDecimal.ZERO,
                java.math.BigDecimal.ONE)).hasMessageContaining("long-only");
    }

    @Test
    void nonFillEventsGoThroughTheTableAndFillsCannotBypassQuantityChecks() {
        assertThatThrownBy(() -> order.on(new OrderEvent.Filled())).hasMessageContaining("applyFill");
        assertThatThrownBy(() -> order.on(new OrderEvent.Acknowledged())).hasMessageContaining("illegal order transition");
        assertThat(placed(buy("1", "1", "1")).on(new OrderEvent.Rejected("MIN_NOTIONAL")).status()).isEqualTo(OrderStatus.REJECTED);
    }

    private static Order applied(FillOutcome o) {
        assertThat(o).isInstanceOf(FillOutcome.Applied.class);
        return ((FillOutcome.Applied) o).order();
    }
}
