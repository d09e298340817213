package io.tradingcore.ports.out;

import io.tradingcore.domain.AccountId;
import io.tradingcore.domain.ClientOrderId;
import io.tradingcore.domain.OrderId;
import io.tradingcore.domain.OrderStatus;
import io.tradingcore.domain.RunMode;
import io.tradingcore.domain.ledger.CashEntry;
import io.tradingcore.domain.order.Order;
import io.tradingcore.domain.run.RunKey;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * Orders, fills, executed trades and the cash ledger of an account in a run mode. Every method is one
 * transaction. The cash ledger of (account, mode) is a single ordered sequence of entries.
 */
public interface ExecutionRepository {
    /**
     * order_request rows for new orders (status as given, normally NEW; with the order's reserved fee and
     * pre-order position quantity), written before submission so
     * that a crash after submitting leaves a row to query the venue with. Idempotent per order id
     * (identical row: no-op; different content: {@link ConflictingWriteException}).
     *
     * @throws InvariantViolationException if a BUY's requested notional exceeds its pre-order cash
     */
    void recordOrders(RunKey key, List<Order> orders);

    /**
     * Compare-and-set of an order's status (acknowledge, cancel, reject; fills move status through
     * {@link #recordFill}). Returns false, writing nothing, if the stored status is not {@code expected}.
     *
     * @throws java.util.NoSuchElementException if the order is unknown
     * @throws InvariantViolationException      if expected -&gt; next is not a legal transition
     */
    boolean updateOrderStatus(OrderId orderId, OrderStatus expected, OrderStatus next);

    /**
     * As {@link #updateOrderStatus(OrderId, OrderStatus, OrderStatus)}, with the reason of a CANCELLED or
     * REJECTED status (order_request.status_reason; null otherwise). The default drops the reason;
     * implementations that can store it override this.
     */
    default boolean updateOrderStatus(OrderId orderId, OrderStatus expected, OrderStatus next, String reason) {
        return updateOrderStatus(orderId, expected, next);
    }

    /**
     * Books one fill in one transaction: order_fill (fill_id = DeterministicIds.fillId), executed_trade
     * (trade_id = DeterministicIds.executedTradeId, realised PnL from the booking), the cash entries
     * (trade_id as executed_trade) and the order's status from {@code booking.orderAfter()}. If (order id, exchange trade id) is
     * already stored, returns {@link FillRecording#DUPLICATE} and writes nothing (no exception, nothing
     * else lost). {@code key} is the run that books the fill (a late fill may be booked by a later hour).
     *
     * @throws InvariantViolationException if the ledger would go negative or the fill would exceed the
     *                                     order quantity (the domain refuses both first)
     */
    FillRecording recordFill(RunKey key, FillBooking booking);

    /**
     * Appends deposits or withdrawals in order; idempotent per entry id.
     *
     * @throws InvariantViolationException if an entry's balanceAfter does not follow the stored balance
     */
    void appendCash(RunKey key, List<CashEntry> entries);

    /** An order with its status, filled quantity, fees and booked trade ids. */
    Optional<Order> order(OrderId orderId);

    /** An order by our client order id. */
    Optional<Order> orderByClientId(ClientOrderId clientOrderId);

    /** Orders of (account, mode) in NEW, ACK or PARTIAL, ordered by hour then order id. */
    List<Order> openOrders(AccountId account, RunMode mode);

    /** All cash entries of (account, mode) in posting order. */
    List<CashEntry> ledger(AccountId account, RunMode mode);

    /** The balance after the last entry of (account, mode), zero scale 18 if none. */
    BigDecimal cashBalance(AccountId account, RunMode mode);
}
