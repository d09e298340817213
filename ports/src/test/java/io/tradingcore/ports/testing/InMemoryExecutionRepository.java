package io.tradingcore.ports.testing;

import io.tradingcore.domain.AccountId;
import io.tradingcore.domain.ClientOrderId;
import io.tradingcore.domain.Decimals;
import io.tradingcore.domain.ExchangeTradeId;
import io.tradingcore.domain.OrderId;
import io.tradingcore.domain.OrderSide;
import io.tradingcore.domain.OrderStatus;
import io.tradingcore.domain.RunMode;
import io.tradingcore.domain.ledger.CashEntry;
import io.tradingcore.domain.order.Fill;
import io.tradingcore.domain.order.Order;
import io.tradingcore.domain.run.RunKey;
import io.tradingcore.ports.out.ConflictingWriteException;
import io.tradingcore.ports.out.ExecutionRepository;
import io.tradingcore.ports.out.FillBooking;
import io.tradingcore.ports.out.FillRecording;
import io.tradingcore.ports.out.InvariantViolationException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;

/** Orders, fills and the cash ledger in memory, with the port's invariants (no leverage, ledger chain, no duplicate fill). */
public final class InMemoryExecutionRepository implements ExecutionRepository {
    private record Book(AccountId account, RunMode mode) {
    }

    private record FillKey(OrderId order, ExchangeTradeId trade) {
    }

    /** The schema's trg_order_request_lifecycle transitions. */
    private static final Map<OrderStatus, java.util.Set<OrderStatus>> LEGAL = Map.of(
            OrderStatus.NEW, java.util.Set.of(OrderStatus.ACK, OrderStatus.REJECTED, OrderStatus.CANCELLED),
            OrderStatus.ACK, java.util.Set.of(OrderStatus.PARTIAL, OrderStatus.FILLED, OrderStatus.CANCELLED),
            OrderStatus.PARTIAL, java.util.Set.of(OrderStatus.FILLED, OrderStatus.CANCELLED));

    private final Map<OrderId, Order> orders = new LinkedHashMap<>();
    private final Map<OrderId, RunMode> orderModes = new HashMap<>();
    private final Map<FillKey, Fill> fills = new LinkedHashMap<>();
    private final Map<Book, List<CashEntry>> ledgers = new HashMap<>();
    private final Map<UUID, CashEntry> entriesById = new HashMap<>();

    @Override
    public synchronized void recordOrders(RunKey key, List<Order> batch) {
        for (Order o : batch) {
            if (o.request().side() == OrderSide.BUY
                    && o.request().requestedNotional().add(o.reservedFee()).compareTo(o.request().preOrderCashAvailable()) > 0) {
                throw new InvariantViolationException("no-leverage rule: requested " + o.request().requestedNotional().toPlainString()
                        + " > cash " + o.request().preOrderCashAvailable().toPlainString());
            }
            Order stored = orders.get(o.request().orderId());
            if (stored != null && !stored.request().equals(o.request())) {
                throw new ConflictingWriteException("order_request: " + o.request().orderId() + " stored with different content");
            }
        }
        for (Order o : batch) {
            if (!orders.containsKey(o.request().orderId())) {
                orders.put(o.request().orderId(), o);
                orderModes.put(o.request().orderId(), key.mode());
            }
        }
    }

    @Override
    public synchronized boolean updateOrderStatus(OrderId orderId, OrderStatus expected, OrderStatus next) {
        Order o = orders.get(orderId);
        if (o == null) {
            throw new NoSuchElementException("unknown order " + orderId);
        }
        if (o.status() != expected) {
            return false;
        }
        if (!LEGAL.getOrDefault(expected, java.util.Set.of()).contains(next)) {
            throw new InvariantViolationException("illegal order status transition " + expected + " -> " + next + " for " + orderId);
        }
        orders.put(orderId, new Order(o.request(), o.reservedFee(), o.preOrderPositionQty(), next, o.filledQuantity(), o.filledNotional(),
                o.fees(), o.tradeIds()));
        return true;
    }

    @Override
    public synchronized FillRecording recordFill(RunKey key, FillBooking booking) {
        Fill f = booking.fill();
        FillKey fk = new FillKey(f.orderId(), f.tradeId());
        if (fills.containsKey(fk)) {
            return FillRecording.DUPLICATE;
        }
        Order stored = orders.get(f.orderId());
        if (stored == null) {
            throw new NoSuchElementException("fill for unknown order " + f.orderId());
        }
        if (stored.status() == OrderStatus.REJECTED || stored.status() == OrderStatus.NEW && booking.orderAfter().status() != OrderStatus.NEW) {
            throw new InvariantViolationException("fill of order " + f.orderId() + " in status " + stored.status());
        }
        BigDecimal filled = fills.values().stream().filter(x -> x.orderId().equals(f.orderId()))
                .map(Fill::quantity).reduce(BigDecimal.ZERO, BigDecimal::add).add(f.quantity());
        if (filled.compareTo(stored.request().quantity()) > 0) {
            throw new InvariantViolationException("fill quantity rule: fills of " + f.orderId() + " would total "
                    + filled.toPlainString() + " > order quantity " + stored.request().quantity().toPlainString());
        }
        Book book = new Book(key.account(), orderModes.get(f.orderId()));
        checkChain(book, booking.cashEntries());
        fills.put(fk, f);
        append(book, booking.cashEntries());
        orders.put(f.orderId(), booking.orderAfter());
        return FillRecording.RECORDED;
    }

    @Override
    public synchronized void appendCash(RunKey key, List<CashEntry> entries) {
        List<CashEntry> fresh = new ArrayList<>();
        for (CashEntry e : entries) {
            CashEntry stored = entriesById.get(e.entryId());
            if (stored == null) {
                fresh.add(e);
            } else if (!stored.equals(e)) {
                throw new ConflictingWriteException("cash_ledger: entry " + e.entryId() + " stored with different content");
            }
        }
        Book book = new Book(key.account(), key.mode());
        checkChain(book, fresh);
        append(book, fresh);
    }

    private void checkChain(Book book, List<CashEntry> entries) {
        BigDecimal bal = balance(book);
        for (CashEntry e : entries) {
            bal = bal.add(e.amount());
            if (bal.signum() < 0) {
                throw new InvariantViolationException("cash ledger rule: balance of " + book + " would go negative");
            }
            if (bal.compareTo(e.balanceAfter()) != 0) {
                throw new InvariantViolationException("cash ledger rule: entry " + e.entryId() + " says balance "
                        + e.balanceAfter().toPlainString() + " but the ledger gives " + bal.toPlainString());
            }
        }
    }

    private void append(Book book, List<CashEntry> entries) {
        List<CashEntry> l = ledgers.computeIfAbsent(book, k -> new ArrayList<>());
        for (CashEntry e : entries) {
            l.add(e);
            entriesById.put(e.entryId(), e);
        }
    }

    private BigDecimal balance(Book book) {
        List<CashEntry> l = ledgers.getOrDefault(book, List.of());
        return l.isEmpty() ? Decimals.ZERO : l.get(l.size() - 1).balanceAfter();
    }

    @Override
    public synchronized Optional<Order> order(OrderId orderId) {
        return Optional.ofNullable(orders.get(orderId));
    }

    @Override
    public synchronized Optional<Order> orderByClientId(ClientOrderId clientOrderId) {
        return orders.values().stream().filter(o -> o.request().clientOrderId().equals(clientOrderId)).findFirst();
    }

    @Override
    public synchronized List<Order> openOrders(AccountId account, RunMode mode) {
        return orders.values().stream()
                .filter(o -> o.status().isOpen() && o.request().accountId().equals(account) && orderModes.get(o.request().orderId()) == mode)
                .sorted(Comparator.comparing((Order o) -> o.request().hour()).thenComparing(o -> o.request().orderId()))
                .toList();
    }

    @Override
    public synchronized List<CashEntry> ledger(AccountId account, RunMode mode) {
        return List.copyOf(ledgers.getOrDefault(new Book(account, mode), List.of()));
    }

    @Override
    public synchronized BigDecimal cashBalance(AccountId account, RunMode mode) {
        return balance(new Book(account, mode));
    }

    /** Test hook: every fill stored, in booking order. */
    public synchronized List<Fill> allFills() {
        return List.copyOf(fills.values());
    }

    /** Test hook: every order stored. */
    public synchronized List<Order> allOrders() {
        return List.copyOf(orders.values());
    }
}
