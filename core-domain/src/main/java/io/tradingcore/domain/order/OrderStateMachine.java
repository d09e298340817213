package io.tradingcore.domain.order;

import io.tradingcore.domain.OrderStatus;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The order lifecycle as an explicit table of (status, event) -&gt; status; anything not listed is refused.
 * Fills need an acknowledged order (as the schema's trg_order_request_lifecycle): a caller that sees
 * venue fills for a NEW order acknowledges it first (the venue evidently holds it).
 */
public final class OrderStateMachine {
    private static final Map<OrderStatus, Map<OrderEvent.Kind, OrderStatus>> TABLE = build();

    private OrderStateMachine() {
    }

    private static Map<OrderStatus, Map<OrderEvent.Kind, OrderStatus>> build() {
        EnumMap<OrderStatus, Map<OrderEvent.Kind, OrderStatus>> t = new EnumMap<>(OrderStatus.class);
        for (OrderStatus s : OrderStatus.values()) {
            t.put(s, new EnumMap<>(OrderEvent.Kind.class));
        }
        t.get(OrderStatus.NEW).put(OrderEvent.Kind.ACKNOWLEDGE, OrderStatus.ACK);
        t.get(OrderStatus.NEW).put(OrderEvent.Kind.CANCEL, OrderStatus.CANCELLED);
        t.get(OrderStatus.NEW).put(OrderEvent.Kind.REJECT, OrderStatus.REJECTED);
        t.get(OrderStatus.ACK).put(OrderEvent.Kind.PARTIAL_FILL, OrderStatus.PARTIAL);
        t.get(OrderStatus.ACK).put(OrderEvent.Kind.COMPLETE_FILL, OrderStatus.FILLED);
        t.get(OrderStatus.ACK).put(OrderEvent.Kind.CANCEL, OrderStatus.CANCELLED);
        t.get(OrderStatus.PARTIAL).put(OrderEvent.Kind.PARTIAL_FILL, OrderStatus.PARTIAL);
        t.get(OrderStatus.PARTIAL).put(OrderEvent.Kind.COMPLETE_FILL, OrderStatus.FILLED);
        t.get(OrderStatus.PARTIAL).put(OrderEvent.Kind.CANCEL, OrderStatus.CANCELLED);
        EnumMap<OrderStatus, Map<OrderEvent.Kind, OrderStatus>> frozen = new EnumMap<>(OrderStatus.class);
        t.forEach((k, v) -> frozen.put(k, Collections.unmodifiableMap(v)));
        return Collections.unmodifiableMap(frozen);
    }

    /** The next status, or empty if the table has no entry for (from, event). */
    public static Optional<OrderStatus> next(OrderStatus from, OrderEvent event) {
        return Optional.ofNullable(TABLE.get(from).get(event.kind()));
    }

    /**
     * {@code to} is {@code from} or follows it by some sequence of events in the table. A resumed cycle replays an
     * order from an earlier status while the store may already have moved it on: that is consistent exactly when the
     * stored status is reachable from the replayed one.
     */
    public static boolean reachable(OrderStatus from, OrderStatus to) {
        EnumSet<OrderStatus> seen = EnumSet.of(from);
        ArrayDeque<OrderStatus> todo = new ArrayDeque<>(List.of(from));
        while (!todo.isEmpty()) {
            for (OrderStatus next : TABLE.get(todo.poll()).values()) {
                if (seen.add(next)) {
                    todo.add(next);
                }
            }
        }
        return seen.contains(to);
    }

    /**
     * The next status.
     *
     * @throws IllegalOrderTransitionException if (from, event) is not in the table
     */
    public static OrderStatus transition(OrderStatus from, OrderEvent event) {
        return next(from, event).orElseThrow(() -> new IllegalOrderTransitionException(from, event));
    }

    /** Thrown when code tries a transition the table does not list: a broken invariant, not a venue answer. */
    public static final class IllegalOrderTransitionException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        IllegalOrderTransitionException(OrderStatus from, OrderEvent event) {
            super("illegal order transition: " + from + " on " + event.kind());
        }
    }
}
