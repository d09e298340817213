package io.tradingcore.adapter.postgres;

import io.tradingcore.domain.AccountId;
import io.tradingcore.domain.Decimals;
import io.tradingcore.domain.ExchangeTradeId;
import io.tradingcore.domain.OrderStatus;
import io.tradingcore.domain.RunMode;
import io.tradingcore.domain.order.FeeCurrency;
import io.tradingcore.domain.order.Fill;
import io.tradingcore.domain.order.Order;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The open orders of a chain of overlapped units, per (account, mode), exactly as {@code PgExecutionRepository}'s
 * open-orders query will read them once the unit's kept statements have run (issue 14): the orders the
 * store held when the book was first read, plus the orders, status moves and fills the chain made since. It lets
 * a unit keep its order, fill and cash statements for the writer thread ({@link Db#defer}) instead of waiting
 * for the previous unit's commit at every hour that trades. What it cannot answer exactly (a book never read, an
 * order it does not hold, a second fill of one order in one unit), the caller does the old way.
 */
final class UnitOrders {
    /** Key of the chain's instance ({@link UnitMemory#carried}). */
    static final Object KEY = new Object();
    /** Key of the set of order ids filled in the current unit ({@link UnitMemory#object}). */
    static final Object FILLED_IN_UNIT = new Object();

    private static final Set<OrderStatus> OPEN = Set.of(OrderStatus.NEW, OrderStatus.ACK, OrderStatus.PARTIAL);
    /** The query's order: hour, then the order id as PostgreSQL orders uuids (bytewise, unsigned). */
    private static final Comparator<Order> STORED_ORDER = Comparator
            .comparing((Order o) -> o.request().hour().toInstant())
            .thenComparing(o -> o.request().orderId().value(), UnitOrders::uuidOrder);

    private final Map<List<Object>, Map<UUID, Order>> books = new HashMap<>();

    /** The open orders as the query reads them, or null when this book was never read in the chain. */
    List<Order> open(AccountId account, RunMode mode) {
        Map<UUID, Order> book = books.get(List.of(account, mode));
        if (book == null) {
            return null;
        }
        List<Order> out = new ArrayList<>(book.values());
        out.sort(STORED_ORDER);
        return List.copyOf(out);
    }

    /** The book as just read from the store. */
    void read(AccountId account, RunMode mode, List<Order> open) {
        Map<UUID, Order> book = new LinkedHashMap<>();
        open.forEach(o -> book.put(o.request().orderId().value(), o));
        books.put(List.of(account, mode), book);
    }

    /** Forgets every book (the next read goes to the store). */
    void forget() {
        books.clear();
    }

    /** True if the book of (account, mode) is known: orders recorded into it can be answered from memory. */
    boolean knows(AccountId account, RunMode mode) {
        return books.containsKey(List.of(account, mode));
    }

    /** A just recorded order, as the store reads it back (nothing filled yet). */
    void recorded(RunMode mode, Order o) {
        Order stored = new Order(o.request(), o.reservedFee(), o.preOrderPositionQty(), o.status(), Decimals.ZERO,
                Decimals.ZERO, Decimals.ZERO, List.of());
        put(books.get(List.of(o.request().accountId(), mode)), stored);
    }

    /** The open order {@code id} in any book, or null. */
    Order find(UUID id) {
        for (Map<UUID, Order> book : books.values()) {
            Order o = book.get(id);
            if (o != null) {
                return o;
            }
        }
        return null;
    }

    /** The order moved to {@code next} (the store's UPDATE of its status). */
    void moved(Order o, OrderStatus next) {
        put(bookOf(o), withStatus(o, next, o.filledQuantity(), o.filledNotional(), o.fees(), o.tradeIds()));
    }

    /**
     * The order after the fill, as the query adds up its stored fills (quantity, notional, fees in the quote
     * currency, trade ids in storing order) with the status the fill moves it to.
     */
    void filled(Order o, Fill f, OrderStatus after) {
        BigDecimal fee = f.feeCurrency() == FeeCurrency.BASE ? Decimals.multiply(f.fee(), f.price()) : f.fee();
        List<ExchangeTradeId> ids = new ArrayList<>(o.tradeIds());
        ids.add(f.tradeId());
        put(bookOf(o), withStatus(o, after, o.filledQuantity().add(f.quantity()),
                o.filledNotional().add(Decimals.multiply(f.quantity(), f.price())), o.fees().add(fee), ids));
    }

    private Map<UUID, Order> bookOf(Order o) {
        for (Map<UUID, Order> book : books.values()) {
            if (book.containsKey(o.request().orderId().value())) {
                return book;
            }
        }
        throw new IllegalStateException("order " + o.request().orderId() + " is in no book of the unit");
    }

    private static Order withStatus(Order o, OrderStatus status, BigDecimal qty, BigDecimal notional, BigDecimal fees,
                                    List<ExchangeTradeId> ids) {
        return new Order(o.request(), o.reservedFee(), o.preOrderPositionQty(), status, qty, notional, fees, ids);
    }

    private static void put(Map<UUID, Order> book, Order o) {
        UUID id = o.request().orderId().value();
        if (OPEN.contains(o.status())) {
            book.put(id, o);
        } else {
            book.remove(id);
        }
    }

    static int uuidOrder(UUID a, UUID b) {
        int c = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return c != 0 ? c : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }
}
