package io.tradingcore.ports.service;

import io.tradingcore.domain.risk.RuleId;
import io.tradingcore.domain.Asset;
import io.tradingcore.domain.OrderStatus;
import io.tradingcore.domain.order.Order;
import io.tradingcore.domain.order.OrderEvent;
import io.tradingcore.domain.order.OrderStateMachine;
import io.tradingcore.domain.risk.RiskEventType;
import io.tradingcore.ports.out.ExchangeGateway;
import io.tradingcore.ports.out.ExchangeOrderState;
import io.tradingcore.ports.out.ExecutionRepository;
import io.tradingcore.ports.out.SubmitResult;
import java.util.Optional;

/**
 * Brings our orders in line with the venue, shared by the steps that talk to it (reconcile, the halt's cancels,
 * execute): takes over the venue's answers to a submission and its order states, books its fills, and moves each
 * order through the {@link OrderStateMachine} in the store.
 */
final class VenueOrderSync {
    private final ExchangeGateway exchange;
    private final ExecutionRepository execution;

    VenueOrderSync(ExchangeGateway exchange, ExecutionRepository execution) {
        this.exchange = exchange;
        this.execution = execution;
    }

    /** Submits a NEW order (again: the same client order id, so a resubmit cannot duplicate) and takes over the answer. */
    Order submit(CycleState s, Order o) {
        return submitted(s, o, exchange.submit(o.request()));
    }

    /**
     * Brings an order in line with the venue: acknowledge it if the venue holds it, book the venue's
     * fills, then take over a terminal CANCELLED/REJECTED (fills first: a cancel may follow a partial fill).
     */
    Order sync(CycleState s, Order o, Optional<ExchangeOrderState> venue) {
        if (venue.isEmpty()) {
            return o;
        }
        Order cur = o;
        if (cur.status() == OrderStatus.NEW && venue.get().status() != OrderStatus.REJECTED) {
            cur = move(cur, new OrderEvent.Acknowledged());
        }
        if (cur.status().isOpen() && cur.status() != OrderStatus.NEW) {
            cur = s.book.bookFills(cur, exchange.fills(cur.request().clientOrderId()), s.tier());
        }
        return adoptVenueStatus(s, cur, venue.get());
    }

    private Order submitted(CycleState s, Order o, SubmitResult result) {
        Asset asset = o.request().asset();
        if (result instanceof SubmitResult.Accepted acc) {
            return sync(s, o, Optional.of(acc.state()));
        }
        if (result instanceof SubmitResult.Rejected rej) {
            s.book.event(RiskEventType.ORDER_REJECTED, s.tier(), asset, o.request().orderId(), RuleId.VENUE,
                    rej.reason() + ": " + rej.message() + " (" + o.request().clientOrderId() + ")");
            return move(o, new OrderEvent.Rejected(rej.reason() + ": " + rej.message()));
        }
        SubmitResult.Unknown unk = (SubmitResult.Unknown) result;
        Optional<ExchangeOrderState> q = exchange.query(o.request().clientOrderId());
        if (q.isPresent()) {
            return sync(s, o, q);
        }
        s.book.event(RiskEventType.ORDER_UNKNOWN, s.tier(), asset, o.request().orderId(), RuleId.VENUE,
                "no answer for " + o.request().clientOrderId() + ": " + unk.why() + "; will query next hour");
        return o;
    }

    /**
     * Takes over the venue's non-fill status (ACK, CANCELLED, REJECTED). Fill-driven statuses come
     * only from booked fills, so a venue saying FILLED before we saw its trades leaves us at ACK. A
     * CANCELLED whose cumulative filled quantity is ahead of what we booked (the venue's trade list
     * lags its order) is not taken over yet: the order stays open and its trades are read next hour.
     */
    private Order adoptVenueStatus(CycleState s, Order o, ExchangeOrderState venue) {
        if (venue.status() == OrderStatus.CANCELLED && venue.filledQuantity().compareTo(o.filledQuantity()) > 0) {
            return o;
        }
        OrderEvent event = switch (venue.status()) {
            case NEW, ACK, PARTIAL, FILLED -> new OrderEvent.Acknowledged();
            case CANCELLED -> new OrderEvent.Cancelled("venue reports CANCELLED");
            case REJECTED -> new OrderEvent.Rejected(venue.rejectReason() + ": " + venue.rejectMessage());
        };
        if (OrderStateMachine.next(o.status(), event).isEmpty()) {
            return o;
        }
        if (event instanceof OrderEvent.Rejected) {
            s.book.event(RiskEventType.ORDER_REJECTED, s.tier(), o.request().asset(), o.request().orderId(), RuleId.VENUE,
                    venue.rejectReason() + ": " + venue.rejectMessage() + " (" + o.request().clientOrderId() + ")");
        }
        return move(o, event);
    }

    private Order move(Order o, OrderEvent event) {
        Order after = o.on(event);
        String reason = event instanceof OrderEvent.Cancelled c ? c.reason() : event instanceof OrderEvent.Rejected r ? r.reason() : null;
        if (!execution.updateOrderStatus(o.request().orderId(), o.status(), after.status(), reason)) {
            // a resumed cycle replays from NEW while the store already moved on: fine if the stored
            // status is the target or lies beyond it
            OrderStatus stored = execution.order(o.request().orderId()).map(Order::status).orElseThrow();
            if (!OrderStateMachine.reachable(after.status(), stored)) {
                throw new IllegalStateException("order " + o.request().orderId() + " is " + stored
                        + " in the store, cannot move " + o.status() + " -> " + after.status());
            }
        }
        return after;
    }
}
