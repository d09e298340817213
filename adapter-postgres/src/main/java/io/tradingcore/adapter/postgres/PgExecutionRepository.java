package io.tradingcore.adapter.postgres;

import static io.tradingcore.adapter.postgres.jooq.Tables.CASH_LEDGER;
import static io.tradingcore.adapter.postgres.jooq.Tables.EXECUTED_TRADE;
import static io.tradingcore.adapter.postgres.jooq.Tables.ORDER_FILL;
import static io.tradingcore.adapter.postgres.jooq.Tables.ORDER_REQUEST;

import io.tradingcore.adapter.postgres.jooq.tables.records.ExecutedTradeRecord;
import io.tradingcore.adapter.postgres.jooq.tables.records.OrderFillRecord;
import io.tradingcore.adapter.postgres.jooq.tables.records.OrderRequestRecord;
import io.tradingcore.domain.AccountId;
import io.tradingcore.domain.ClientOrderId;
import io.tradingcore.domain.Decimals;
import io.tradingcore.domain.DeterministicIds;
import io.tradingcore.domain.OrderId;
import io.tradingcore.domain.OrderRequest;
import io.tradingcore.domain.OrderSide;
import io.tradingcore.domain.OrderStatus;
import io.tradingcore.domain.RunMode;
import io.tradingcore.domain.ledger.CashEntry;
import io.tradingcore.domain.order.FeeCurrency;
import io.tradingcore.domain.order.Fill;
import io.tradingcore.domain.order.Order;
import io.tradingcore.domain.run.RunKey;
import io.tradingcore.ports.out.ExecutionRepository;
import io.tradingcore.ports.out.FillBooking;
import io.tradingcore.ports.out.FillRecording;
import io.tradingcore.ports.out.InvariantViolationException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * order_request, order_fill, executed_trade and cash_ledger. A fill is booked in one transaction whose
 * first statement is INSERT ... ON CONFLICT DO NOTHING on (order id, exchange trade id): a repeated fill
 * inserts nothing, is reported as {@link FillRecording#DUPLICATE}, and leaves the transaction healthy.
 * An order's filled quantity, notional, fees and trade ids are derived from its fills, never stored twice.
 */
final class PgExecutionRepository implements ExecutionRepository {
    private static final Set<OrderStatus> OPEN = Set.of(OrderStatus.NEW, OrderStatus.ACK, OrderStatus.PARTIAL);

    private final Db db;

    PgExecutionRepository(Db db) {
        this.db = db;
    }

    @Override
    public void recordOrders(RunKey key, List<Order> placed) {
        if (placed.isEmpty()) {
            return; // most hours place nothing: no statement, and a unit's waiting decision rows keep waiting
        }
        List<Order> orders = List.copyOf(placed);
        for (Order o : orders) {
            OrderRequest q = o.request();
            if (!q.runId().equals(key.runId()) || !q.hour().equals(key.hour())) {
                throw new IllegalArgumentException("order " + q.orderId() + " belongs to run " + q.runId() + " at "
                        + q.hour() + ", not to " + key.runId() + " at " + key.hour());
            }
            BigDecimal needed = q.requestedNotional().add(o.reservedFee());
            if (q.side() == OrderSide.BUY && needed.compareTo(q.preOrderCashAvailable()) > 0) {
                throw new InvariantViolationException("no-leverage rule: requested " + needed.toPlainString()
                        + " > cash " + q.preOrderCashAvailable().toPlainString() + " (order " + q.orderId() + ")");
            }
            if (q.side() == OrderSide.SELL && q.quantity().compareTo(o.preOrderPositionQty()) > 0) {
                throw new InvariantViolationException("no-leverage rule (long-only): sell of " + q.quantity().toPlainString()
                        + " > position " + o.preOrderPositionQty().toPlainString() + " (order " + q.orderId() + ")");
            }
        }
        String what = "recording orders of run " + key.runId();
        Db.Work<Integer> insert = tx -> {
            List<OrderRequestRecord> rows = new ArrayList<>();
            for (Order o : orders) {
                OrderRequest q = o.request();
                OrderRequestRecord r = tx.newRecord(ORDER_REQUEST);
                r.setOrderId(q.orderId().value());
                r.setClientOrderId(q.clientOrderId().value());
                r.setRunId(key.runId().value());
                r.setRunMode(key.mode());
                r.setHourTsUtc(Conv.hour(key.hour()));
                r.setSignalId(q.signalId().value());
                r.setAccountId(q.accountId().value());
                r.setAssetId(q.asset().id().value());
                r.setSide(q.side());
                r.setOrderType(q.type());
                r.setStatus(o.status());
                r.setRequestedQty(q.quantity());
                r.setLimitPrice(q.limitPrice());
                r.setRequestedNotional(q.requestedNotional());
                r.setPreOrderCashAvailable(q.preOrderCashAvailable());
                r.setReservedFee(o.reservedFee());
                r.setPreOrderPositionQty(o.preOrderPositionQty());
                rows.add(r);
            }
            return Idempotent.insert(tx, ORDER_REQUEST, rows, "order_request",
                    r -> "order " + r.getOrderId() + " (client id " + r.getClientOrderId() + ")",
                    Set.of(ORDER_REQUEST.STATUS));
        };
        UnitOrders book = unitOrders(key);
        if (book != null && orders.stream().allMatch(o -> book.knows(o.request().accountId(), key.mode()))
                && db.defer(WRITTEN_FIRST, what, insert)) {
            orders.forEach(o -> book.recorded(key.mode(), o));
            return;
        }
        forgetOpenOrders();
        db.txAfter(WRITTEN_FIRST, what, insert);
    }

    /**
     * The chain's open orders when this call's statements may be kept for the unit's writer (an overlapped unit
     * whose run {@code key} is new in it, see {@link UnitOrders}), else null.
     */
    private UnitOrders unitOrders(RunKey key) {
        UnitMemory unit = db.unitMemory();
        if (unit == null || unit.chain() == null || unit.isResumed() || !unit.isFresh(key.runId().value())) {
            return null;
        }
        return unit.carried(UnitOrders.KEY, UnitOrders::new);
    }

    @Override
    public boolean updateOrderStatus(OrderId orderId, OrderStatus expected, OrderStatus next) {
        return updateOrderStatus(orderId, expected, next, null);
    }

    @Override
    public boolean updateOrderStatus(OrderId orderId, OrderStatus expected, OrderStatus next, String reason) {
        String what = "moving order " + orderId + " from " + expected + " to " + next;
        Db.Work<Boolean> update = tx -> {
            int n = tx.update(ORDER_REQUEST)
                    .set(ORDER_REQUEST.STATUS, next)
                    .set(ORDER_REQUEST.STATUS_REASON, reason)
                    .set(ORDER_REQUEST.STATUS_UPDATED_AT_UTC, DSL.currentInstant())
                    .where(ORDER_REQUEST.ORDER_ID.eq(orderId.value()), ORDER_REQUEST.STATUS.eq(expected))
                    .execute();
            if (n == 1) {
                return true;
            }
            if (!tx.fetchExists(ORDER_REQUEST, ORDER_REQUEST.ORDER_ID.eq(orderId.value()))) {
                throw new NoSuchElementException("unknown order " + orderId);
            }
            return false;
        };
        UnitMemory unit = db.unitMemory();
        UnitOrders book = unit == null || unit.chain() == null || unit.isResumed() ? null
                : unit.carried(UnitOrders.KEY, UnitOrders::new);
        Order known = book == null ? null : book.find(orderId.value());
        if (known != null && known.status() == expected && db.defer(WRITTEN_FIRST, what, tx -> {
            if (!update.run(tx)) {
                throw new IllegalStateException("order " + orderId + " was not " + expected + " in the store, as the unit held");
            }
            return true;
        })) {
            book.moved(known, next);
            return true;
        }
        forgetOpenOrders();
        return db.txAfter(WRITTEN_FIRST, what, update);
    }

    @Override
    public FillRecording recordFill(RunKey key, FillBooking booking) {
        Fill f = booking.fill();
        OrderRequest q = booking.orderAfter().request();
        String what = "booking fill " + f.tradeId() + " of order " + f.orderId();
        Db.Work<FillRecording> book = tx -> {
            UUID fillId = DeterministicIds.fillId(f.orderId(), f.tradeId());
            OrderFillRecord fr = tx.newRecord(ORDER_FILL);
            fr.setFillId(fillId);
            fr.setOrderId(f.orderId().value());
            fr.setExchangeTradeId(f.tradeId().value());
            fr.setRunId(key.runId().value());
            fr.setRunMode(key.mode());
            fr.setHourTsUtc(Conv.hour(key.hour()));
            fr.setFillTsUtc(Conv.ts(f.tradeTs()));
            fr.setFillQty(f.quantity());
            fr.setFillPrice(f.price());
            fr.setFee(f.fee());
            fr.setFeeAsset(f.feeCurrency() == FeeCurrency.BASE ? q.asset().base() : q.asset().quote());
            fr.setLiquidity(f.liquidity());
            if (tx.insertInto(ORDER_FILL).set(fr).onConflictDoNothing().execute() == 0) {
                return FillRecording.DUPLICATE;
            }
            UUID tradeId = DeterministicIds.executedTradeId(f.orderId(), f.tradeId());
            ExecutedTradeRecord tr = tx.newRecord(EXECUTED_TRADE);
            tr.setTradeId(tradeId);
            tr.setRunId(key.runId().value());
            tr.setRunMode(key.mode());
            tr.setHourTsUtc(Conv.hour(key.hour()));
            tr.setOrderId(f.orderId().value());
            tr.setFillId(fillId);
            tr.setAccountId(q.accountId().value());
            tr.setAssetId(q.asset().id().value());
            tr.setSide(q.side());
            tr.setQuantity(f.quantity());
            tr.setPrice(f.price());
            tr.setGrossNotional(f.notional());
            tr.setFeeQuote(f.feeQuote());
            tr.setRealizedPnl(booking.realisedPnl());
            tr.setExecutedAtUtc(Conv.ts(f.tradeTs()));
            tx.insertInto(EXECUTED_TRADE).set(tr).execute();
            CashLedgerRows.append(tx, key, q.accountId(), booking.cashEntries());
            moveStatus(tx, f.orderId(), booking.orderAfter().status());
            return FillRecording.RECORDED;
        };
        UnitOrders orders = unitOrders(key);
        Order known = orders == null ? null : orders.find(f.orderId().value());
        // a second fill of one order in one unit: the store orders fills of one transaction by time and trade id,
        // which memory does not repeat, so that one is booked the old way
        java.util.Set<UUID> filled = known == null ? null
                : db.unitMemory().object(UnitOrders.FILLED_IN_UNIT, java.util.HashSet::new);
        if (known != null && !known.tradeIds().contains(f.tradeId()) && !filled.contains(f.orderId().value())
                && db.defer(WRITTEN_FIRST, what, tx -> {
                    if (book.run(tx) != FillRecording.RECORDED) {
                        throw new IllegalStateException("fill " + f.tradeId() + " of order " + f.orderId()
                                + " was already stored, which the unit did not hold");
                    }
                    return null;
                })) {
            orders.filled(known, f, booking.orderAfter().status());
            filled.add(f.orderId().value());
            return FillRecording.RECORDED;
        }
        forgetOpenOrders();
        return db.txAfter(WRITTEN_FIRST, what, book);
    }

    /** The order's status after the fill; the lifecycle trigger refuses an illegal move (e.g. a fill on NEW). */
    private static void moveStatus(DSLContext tx, OrderId orderId, OrderStatus target) {
        tx.update(ORDER_REQUEST).set(ORDER_REQUEST.STATUS, target)
                .set(ORDER_REQUEST.STATUS_UPDATED_AT_UTC, DSL.currentInstant())
                .where(ORDER_REQUEST.ORDER_ID.eq(orderId.value()), ORDER_REQUEST.STATUS.ne(target)).execute();
    }

    @Override
    public void appendCash(RunKey key, List<CashEntry> entries) {
        String what = "appending cash entries of account " + key.account();
        List<CashEntry> kept = List.copyOf(entries);
        Db.Work<Void> write = tx -> {
            CashLedgerRows.append(tx, key, key.account(), kept);
            return null;
        };
        if (unitOrders(key) == null || !db.defer(WRITTEN_FIRST, what, write)) {
            db.txAfter(WRITTEN_FIRST, what, write);
        }
    }

    @Override
    public Optional<Order> order(OrderId orderId) {
        return orders("reading order " + orderId, ORDER_REQUEST.ORDER_ID.eq(orderId.value())).stream().findFirst();
    }

    @Override
    public Optional<Order> orderByClientId(ClientOrderId clientOrderId) {
        return orders("reading order " + clientOrderId, ORDER_REQUEST.CLIENT_ORDER_ID.eq(clientOrderId.value()))
                .stream().findFirst();
    }

    @Override
    public List<Order> openOrders(AccountId account, RunMode mode) {
        UnitMemory unit = db.unitMemory();
        if (unit != null) {
            // asked every hour: inside a unit the answer is what was read, plus what the chain's units did since
            // (UnitOrders); a write it cannot follow forgets it
            UnitOrders book = unit.carried(UnitOrders.KEY, UnitOrders::new);
            List<Order> open = book.open(account, mode);
            if (open == null) {
                open = List.copyOf(openOrdersQuery(account, mode));
                book.read(account, mode, open);
            }
            return open;
        }
        return openOrdersQuery(account, mode);
    }

    /**
     * What orders, fills, trades and cash entries reference among a unit's waiting rows (run contexts, via
     * their run key, and signals): written before them; features, model outputs, risk events and states go on
     * waiting for the unit's end.
     */
    private static final java.util.Set<Integer> WRITTEN_FIRST = java.util.Set.of(PgRunContextRepository.RANK_RUN_CONTEXT,
            PgDecisionRecordRepository.RANK_SIGNAL);

    private void forgetOpenOrders() {
        UnitMemory unit = db.unitMemory();
        if (unit != null) {
            unit.carried(UnitOrders.KEY, UnitOrders::new).forget();
        }
    }

    private List<Order> openOrdersQuery(AccountId account, RunMode mode) {
        return orders("reading open orders of account " + account, ORDER_REQUEST.ACCOUNT_ID.eq(account.value())
                .and(ORDER_REQUEST.RUN_MODE.eq(mode)).and(ORDER_REQUEST.STATUS.in(OPEN)));
    }

    /** Beside a unit's waiting decision rows: orders are written at once, never kept waiting. */
    private List<Order> orders(String what, Condition where) {
        db.drainDeferred(); // statements the unit kept for its writer come first
        return db.txBeside(what, tx -> OrderRows.read(tx, where));
    }

    @Override
    public List<CashEntry> ledger(AccountId account, RunMode mode) {
        return db.read("reading the cash ledger of account " + account, ctx -> CashLedgerRows.query(ctx)
                .where(CASH_LEDGER.ACCOUNT_ID.eq(account.value()), CashLedgerRows.modeOf(mode))
                .orderBy(CASH_LEDGER.ENTRY_SEQ).fetch(CashLedgerRows::entry));
    }

    @Override
    public BigDecimal cashBalance(AccountId account, RunMode mode) {
        return db.read("reading the cash balance of account " + account, ctx -> ctx.select(CASH_LEDGER.BALANCE_AFTER)
                .from(CASH_LEDGER).where(CASH_LEDGER.ACCOUNT_ID.eq(account.value()), CashLedgerRows.modeOf(mode))
                .orderBy(CASH_LEDGER.ENTRY_SEQ.desc()).limit(1).fetchOptional(CASH_LEDGER.BALANCE_AFTER))
                .orElse(Decimals.ZERO);
    }
}
