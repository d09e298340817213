package io.tradingcore.adapter.postgres;

import static io.tradingcore.adapter.postgres.jooq.Tables.ASSET;
import static io.tradingcore.adapter.postgres.jooq.Tables.CASH_LEDGER;
import static io.tradingcore.adapter.postgres.jooq.Tables.EXECUTED_TRADE;
import static io.tradingcore.adapter.postgres.jooq.Tables.ORDER_FILL;
import static io.tradingcore.adapter.postgres.jooq.Tables.ORDER_REQUEST;

import io.tradingcore.adapter.postgres.jooq.tables.records.ExecutedTradeRecord;
import io.tradingcore.adapter.postgres.jooq.tables.records.OrderFillRecord;
import io.tradingcore.adapter.postgres.jooq.tables.records.OrderRequestRecord;
import io.tradingcore.domain.AccountId;
import io.tradingcore.domain.Asset;
import io.tradingcore.domain.AssetId;
import io.tradingcore.domain.ClientOrderId;
import io.tradingcore.domain.Decimals;
import io.tradingcore.domain.DeterministicIds;
import io.tradingcore.domain.ExchangeTradeId;
import io.tradingcore.domain.OrderId;
import io.tradingcore.domain.OrderRequest;
import io.tradingcore.domain.OrderSide;
import io.tradingcore.domain.OrderStatus;
import io.tradingcore.domain.RunId;
import io.tradingcore.domain.RunMode;
import io.tradingcore.domain.SignalId;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
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
    public void recordOrders(RunKey key, List<Order> orders) {
        if (orders.isEmpty()) {
            return; // most hours place nothing: no statement, and a unit's waiting decision rows keep waiting
        }
        forgetOpenOrders();
        db.txAfter(WRITTEN_FIRST, "recording orders of run " + key.runId(), tx -> {
            List<OrderRequestRecord> rows = new ArrayList<>();
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
        });
    }

    @Override
    public boolean updateOrderStatus(OrderId orderId, OrderStatus expected, OrderStatus next) {
        return updateOrderStatus(orderId, expected, next, null);
    }

    @Override
    public boolean updateOrderStatus(OrderId orderId, OrderStatus expected, OrderStatus next, String reason) {
        forgetOpenOrders();
        return db.txAfter(WRITTEN_FIRST, "moving order " + orderId + " from " + expected + " to " + next, tx -> {
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
        });
    }

    @Override
    public FillRecording recordFill(RunKey key, FillBooking booking) {
        Fill f = booking.fill();
        OrderRequest q = booking.orderAfter().request();
        forgetOpenOrders();
        return db.txAfter(WRITTEN_FIRST, "booking fill " + f.tradeId() + " of order " + f.orderId(), tx -> {
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
        });
    }

    /** The order's status after the fill; the lifecycle trigger refuses an illegal move (e.g. a fill on NEW). */
    private static void moveStatus(DSLContext tx, OrderId orderId, OrderStatus target) {
        tx.update(ORDER_REQUEST).set(ORDER_REQUEST.STATUS, target)
                .set(ORDER_REQUEST.STATUS_UPDATED_AT_UTC, DSL.currentInstant())
                .where(ORDER_REQUEST.ORDER_ID.eq(orderId.value()), ORDER_REQUEST.STATUS.ne(target)).execute();
    }

    @Override
    public void appendCash(RunKey key, List<CashEntry> entries) {
        db.txAfter(WRITTEN_FIRST, "appending cash entries of account " + key.account(), tx -> {
            CashLedgerRows.append(tx, key, key.account(), entries);
            return null;
        });
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
            // asked every hour: inside a unit the answer stays what was read until the unit writes an order or fill
            return unit.<java.util.Map<Object, List<Order>>>carried(OPEN_ORDERS, java.util.HashMap::new)
                    .computeIfAbsent(List.of(account, mode), k -> List.copyOf(openOrdersQuery(account, mode)));
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

    /** The unit's open orders per (account, mode), as last read (see {@link #openOrders}). */
    private static final Object OPEN_ORDERS = new Object();

    private void forgetOpenOrders() {
        UnitMemory unit = db.unitMemory();
        if (unit != null) {
            unit.<java.util.Map<Object, List<Order>>>carried(OPEN_ORDERS, java.util.HashMap::new).clear();
        }
    }

    private List<Order> openOrdersQuery(AccountId account, RunMode mode) {
        return orders("reading open orders of account " + account, ORDER_REQUEST.ACCOUNT_ID.eq(account.value())
                .and(ORDER_REQUEST.RUN_MODE.eq(mode)).and(ORDER_REQUEST.STATUS.in(OPEN)));
    }

    /** Beside a unit's waiting decision rows: orders are written at once, never kept waiting. */
    private List<Order> orders(String what, Condition where) {
        return db.txBeside(what, tx -> {
            List<Record> rows = tx.select(ORDER_REQUEST.fields()).select(ASSET.SYMBOL, ASSET.BASE_ASSET, ASSET.QUOTE_ASSET)
                    .from(ORDER_REQUEST).join(ASSET).on(ASSET.ASSET_ID.eq(ORDER_REQUEST.ASSET_ID))
                    .where(where).orderBy(ORDER_REQUEST.HOUR_TS_UTC, ORDER_REQUEST.ORDER_ID).fetch();
            if (rows.isEmpty()) {
                return List.of();
            }
            List<UUID> ids = rows.stream().map(r -> r.get(ORDER_REQUEST.ORDER_ID)).toList();
            Map<UUID, List<OrderFillRecord>> fills = new LinkedHashMap<>();
            for (OrderFillRecord f : tx.selectFrom(ORDER_FILL).where(ORDER_FILL.ORDER_ID.in(ids))
                    .orderBy(ORDER_FILL.CREATED_AT_UTC, ORDER_FILL.FILL_TS_UTC, ORDER_FILL.EXCHANGE_TRADE_ID).fetch()) {
                fills.computeIfAbsent(f.getOrderId(), k -> new ArrayList<>()).add(f);
            }
            List<Order> out = new ArrayList<>(rows.size());
            for (Record r : rows) {
                out.add(order(r, fills.getOrDefault(r.get(ORDER_REQUEST.ORDER_ID), List.of())));
            }
            return out;
        });
    }

    private static Order order(Record r, List<OrderFillRecord> fills) {
        Asset asset = new Asset(new AssetId(r.get(ORDER_REQUEST.ASSET_ID)), r.get(ASSET.SYMBOL), r.get(ASSET.BASE_ASSET),
                r.get(ASSET.QUOTE_ASSET));
        OrderRequest q = new OrderRequest(new OrderId(r.get(ORDER_REQUEST.ORDER_ID)),
                new ClientOrderId(r.get(ORDER_REQUEST.CLIENT_ORDER_ID)), new RunId(r.get(ORDER_REQUEST.RUN_ID)),
                new SignalId(r.get(ORDER_REQUEST.SIGNAL_ID)), new AccountId(r.get(ORDER_REQUEST.ACCOUNT_ID)), asset,
                r.get(ORDER_REQUEST.SIDE), r.get(ORDER_REQUEST.ORDER_TYPE),
                r.get(ORDER_REQUEST.REQUESTED_QTY), r.get(ORDER_REQUEST.LIMIT_PRICE), r.get(ORDER_REQUEST.REQUESTED_NOTIONAL),
                r.get(ORDER_REQUEST.PRE_ORDER_CASH_AVAILABLE), Conv.hour(r.get(ORDER_REQUEST.HOUR_TS_UTC)));
        BigDecimal qty = Decimals.ZERO;
        BigDecimal notional = Decimals.ZERO;
        BigDecimal fees = Decimals.ZERO;
        List<ExchangeTradeId> tradeIds = new ArrayList<>();
        for (OrderFillRecord f : fills) {
            qty = qty.add(f.getFillQty());
            notional = notional.add(Decimals.multiply(f.getFillQty(), f.getFillPrice()));
            // Order.fees is in the quote currency; a fee charged in the base asset is valued at its fill price (Fill.feeQuote)
            fees = fees.add(f.getFeeAsset().equals(asset.base()) ? Decimals.multiply(f.getFee(), f.getFillPrice()) : f.getFee());
            tradeIds.add(new ExchangeTradeId(f.getExchangeTradeId()));
        }
        return new Order(q, r.get(ORDER_REQUEST.RESERVED_FEE), r.get(ORDER_REQUEST.PRE_ORDER_POSITION_QTY),
                r.get(ORDER_REQUEST.STATUS), qty, notional, fees, tradeIds);
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
