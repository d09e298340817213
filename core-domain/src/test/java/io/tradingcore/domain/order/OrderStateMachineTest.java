package io.tradingcore.domain.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradingcore.domain.OrderStatus;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OrderStateMachineTest {
    private static final List<OrderEvent> EVENTS = List.of(new OrderEvent.Acknowledged(), new OrderEvent.PartiallyFilled(),
            new OrderEvent.Filled(), new OrderEvent.Cancelled("x"), new OrderEvent.Rejected("y"));

    @Test
    void allowsExactlyTheListedTransitionsAndRefusesEveryOther() {
        Map<OrderStatus, Map<OrderEvent.Kind, OrderStatus>> expected = new EnumMap<>(OrderStatus.class);
        expected.put(OrderStatus.NEW, Map.of(OrderEvent.Kind.ACKNOWLEDGE, OrderStatus.ACK, OrderEvent.Kind.CANCEL, OrderStatus.CANCELLED,
                OrderEvent.Kind.REJECT, OrderStatus.REJECTED));
        expected.put(OrderStatus.ACK, Map.of(OrderEvent.Kind.PARTIAL_FILL, OrderStatus.PARTIAL, OrderEvent.Kind.COMPLETE_FILL, OrderStatus.FILLED,
                OrderEvent.Kind.CANCEL, OrderStatus.CANCELLED));
        expected.put(OrderStatus.PARTIAL, Map.of(OrderEvent.Kind.PARTIAL_FILL, OrderStatus.PARTIAL, OrderEvent.Kind.COMPLETE_FILL,
                OrderStatus.FILLED, OrderEvent.Kind.CANCEL, OrderStatus.CANCELLED));
        int allowed = 0;
        for (OrderStatus from : OrderStatus.values()) {
            for (OrderEvent e : EVENTS) {
                OrderStatus want = expected.getOrDefault(from, Map.of()).get(e.kind());
                if (want == null) {
                    assertThat(OrderStateMachine.next(from, e)).as(from + " on " + e.kind()).isEmpty();
                    assertThatThrownBy(() -> OrderStateMachine.transition(from, e)).hasMessageContaining("illegal order transition");
                } else {
                    allowed++;
                    assertThat(OrderStateMachine.transition(from, e)).as(from + " on " + e.kind()).isEqualTo(want);
                }
            }
        }
        assertThat(allowed).isEqualTo(9);
    }

    @Test
    void terminalStatusesTakeNoEvent() {
        for (OrderStatus s : List.of(OrderStatus.FILLED, OrderStatus.CANCELLED, OrderStatus.REJECTED)) {
            assertThat(s.isTerminal()).isTrue();
            for (OrderEvent e : EVENTS) {
                assertThat(OrderStateMachine.next(s, e)).isEmpty();
            }
        }
    }

    @Test
    void reachableIsTheClosureOfTheTable() {
        assertThat(OrderStateMachine.reachable(OrderStatus.NEW, OrderStatus.FILLED)).isTrue();
        assertThat(OrderStateMachine.reachable(OrderStatus.NEW, OrderStatus.REJECTED)).isTrue();
        assertThat(OrderStateMachine.reachable(OrderStatus.ACK, OrderStatus.ACK)).isTrue();
        assertThat(OrderStateMachine.reachable(OrderStatus.ACK, OrderStatus.CANCELLED)).isTrue();
        assertThat(OrderStateMachine.reachable(OrderStatus.ACK, OrderStatus.NEW)).isFalse();
        assertThat(OrderStateMachine.reachable(OrderStatus.ACK, OrderStatus.REJECTED)).as("only a NEW order is rejected").isFalse();
        assertThat(OrderStateMachine.reachable(OrderStatus.PARTIAL, OrderStatus.ACK)).isFalse();
        for (OrderStatus t : List.of(OrderStatus.FILLED, OrderStatus.CANCELLED, OrderStatus.REJECTED)) {
            for (OrderStatus to : OrderStatus.values()) {
                assertThat(OrderStateMachine.reachable(t, to)).as(t + " -> " + to).isEqualTo(t == to);
            }
        }
    }
}
