package io.tradingcore.domain.order;

import io.tradingcore.domain.Decimals;
import io.tradingcore.domain.ExchangeTradeId;
import io.tradingcore.domain.OrderRequest;
import io.tradingcore.domain.OrderStatus;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An order and what has happened to it: status, filled quantity and notional, fees (valued in the quote
 * currency, {@link Fill#feeQuote()}), and the trade ids already booked (the de-duplication key is
 * (order id, exchange trade id)). Immutable: every change
 * returns a new Order. The filled quantity never exceeds the order quantity.
 */
public record Order(OrderRequest request, BigDecimal reservedFee, BigDecimal preOrderPositionQty, OrderStatus status,
                    BigDecimal filledQuantity, BigDecimal filledNotional, BigDecimal fees, List<ExchangeTradeId> tradeIds) {
    public Order {
        Objects.requireNonNull(request, "order.request");
        Objects.requireNonNull(status, "order.status");
        reservedFee = Decimals.exact(reservedFee, "order.reservedFee");
        preOrderPositionQty = Decimals.exact(preOrderPositionQty, "order.preOrderPositionQty");
        if (reservedFee.signum() < 0 || preOrderPositionQty.signum() < 0) {
            throw new IllegalArgumentException("order reservedFee and preOrderPositionQty must be >= 0");
        }
        if (request.side() == io.tradingcore.domain.OrderSide.BUY
                && request.requestedNotional().add(reservedFee).compareTo(request.preOrderCashAvailable()) > 0) {
            throw new IllegalArgumentException("no-leverage rule: requested " + request.requestedNotional().toPlainString() + " + fee "
                    + reservedFee.toPlainString() + " > cash " + request.preOrderCashAvailable().toPlainString());
        }
        if (request.side() == io.tradingcore.domain.OrderSide.SELL && request.quantity().compareTo(preOrderPositionQty) > 0) {
            throw new IllegalArgumentException("long-only: sell of " + request.quantity().toPlainString() + " exceeds position "
                    + preOrderPositionQty.toPlainString());
        }
        filledQuantity = Decimals.exact(filledQuantity, "order.filledQuantity");
        filledNotional = Decimals.exact(filledNotional, "order.filledNotional");
        fees = Decimals.exact(fees, "order.fees");
        tradeIds = List.copyOf(tradeIds);
        if (filledQuantity.signum() < 0 || filledQuantity.compareTo(request.quantity()) > 0) {
            throw new IllegalArgumentException("order filledQuantity " + filledQuantity.toPlainString()
                    + " outside [0, " + request.quantity().toPlainString() + "]");
        }
        if (status == OrderStatus.FILLED && filledQuantity.compareTo(request.quantity()) != 0) {
            throw new IllegalArgumentException("a FILLED order must have its whole quantity filled");
        }
    }

    /**
     * An order read back without its reservation figures (a store that does not keep them): no
     * reserved fee, and a SELL's pre-order position taken as its quantity.
     */
    public Order(OrderRequest request, OrderStatus status, BigDecimal filledQuantity, BigDecimal filledNotional, BigDecimal fees,
                 List<ExchangeTradeId> tradeIds) {
        this(request, Decimals.ZERO, defaultPosition(request), status, filledQuantity, filledNotional, fees, tradeIds);
    }

    /** A freshly decided order without reservation figures (see the six-argument constructor). */
    public static Order placed(OrderRequest request) {
        return placed(request, Decimals.ZERO, defaultPosition(request));
    }

    private static BigDecimal defaultPosition(OrderRequest request) {
        return request.side() == io.tradingcore.domain.OrderSide.SELL ? request.quantity() : Decimals.ZERO;
    }

    /**
     * A freshly decided order, status NEW, nothing filled. {@code reservedFee} is the fee estimate the
     * no-leverage rule reserved (BUY: notional + reservedFee &lt;= pre-order cash); {@code preOrderPositionQty}
     * is the holding before the order (SELL: quantity &lt;= it).
     */
    public static Order placed(OrderRequest request, BigDecimal reservedFee, BigDecimal preOrderPositionQty) {
        return new Order(request, reservedFee, preOrderPositionQty, OrderStatus.NEW, Decimals.ZERO, Decimals.ZERO, Decimals.ZERO, List.of());
    }

    /** Quantity still open. */
    public BigDecimal remaining() {
        return request.quantity().subtract(filledQuantity);
    }

    /**
     * The order after a non-fill event (acknowledge, cancel, reject).
     *
     * @throws OrderStateMachine.IllegalOrderTransitionException if the table refuses the transition
     */
    public Order on(OrderEvent event) {
        if (event instanceof OrderEvent.PartiallyFilled || event instanceof OrderEvent.Filled) {
            throw new IllegalArgumentException("fills go through applyFill so that quantity and de-duplication are checked");
        }
        return withStatus(OrderStateMachine.transition(status, event));
    }

    /**
     * Books a fill: a repeated (order id, trade id) is a {@link FillOutcome.Duplicate}; a fill for another
     * order, on a closed order, or larger than the remainder is {@link FillOutcome.Refused}; a fill equal
     * to the remainder completes the order.
     */
    public FillOutcome applyFill(Fill fill) {
        if (!fill.orderId().equals(request.orderId())) {
            return new FillOutcome.Refused(fill, "fill for order " + fill.orderId() + " applied to order " + request.orderId());
        }
        if (tradeIds.contains(fill.tradeId())) {
            return new FillOutcome.Duplicate(fill);
        }
        if (fill.side() != request.side() || !fill.asset().equals(request.asset().id())) {
            return new FillOutcome.Refused(fill, "fill side/asset does not match order " + request.orderId());
        }
        int cmp = fill.quantity().compareTo(remaining());
        if (cmp > 0) {
            return new FillOutcome.Refused(fill, "fill quantity " + fill.quantity().toPlainString()
                    + " exceeds remaining " + remaining().toPlainString() + " of order " + request.orderId());
        }
        OrderEvent event = cmp == 0 ? new OrderEvent.Filled() : new OrderEvent.PartiallyFilled();
        var next = OrderStateMachine.next(status, event);
        if (next.isEmpty()) {
            return new FillOutcome.Refused(fill, "order " + request.orderId() + " is " + status + " and takes no fill");
        }
        List<ExchangeTradeId> ids = new ArrayList<>(tradeIds);
        ids.add(fill.tradeId());
        Order after = new Order(request, reservedFee, preOrderPositionQty, next.get(), filledQuantity.add(fill.quantity()),
                filledNotional.add(fill.notional()), fees.add(fill.feeQuote()), ids);
        return new FillOutcome.Applied(after, fill);
    }

    private Order withStatus(OrderStatus s) {
        return new Order(request, reservedFee, preOrderPositionQty, s, filledQuantity, filledNotional, fees, tradeIds);
    }
}
