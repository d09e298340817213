package io.tradingcore.adapter.postgres;

import static io.tradingcore.adapter.postgres.PgTestSupport.ACCOUNT;
import static io.tradingcore.adapter.postgres.PgTestSupport.BTC;
import static io.tradingcore.adapter.postgres.PgTestSupport.hour;
import static io.tradingcore.adapter.postgres.PgTestSupport.proposed;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.tradingcore.domain.ClientOrderId;
import io.tradingcore.domain.Decimals;
import io.tradingcore.domain.DeterministicIds;
import io.tradingcore.domain.ExchangeTradeId;
import io.tradingcore.domain.Horizon;
import io.tradingcore.domain.HourTs;
import io.tradingcore.domain.OrderId;
import io.tradingcore.domain.OrderRequest;
import io.tradingcore.domain.OrderSide;
import io.tradingcore.domain.OrderStatus;
import io.tradingcore.domain.RunMode;
import io.tradingcore.domain.SignalAction;
import io.tradingcore.domain.hash.CycleStep;
import io.tradingcore.domain.hash.StepHashes;
import io.tradingcore.domain.ledger.CashEntry;
import io.tradingcore.domain.ledger.CashEntryType;
import io.tradingcore.domain.ledger.CashLedger;
import io.tradingcore.domain.ledger.LedgerResult;
import io.tradingcore.domain.order.Fill;
import io.tradingcore.domain.order.FillOutcome;
import io.tradingcore.domain.order.Order;
import io.tradingcore.domain.order.OrderEvent;
import io.tradingcore.domain.run.RunContext;
import io.tradingcore.domain.run.RunKey;
import io.tradingcore.domain.run.RunStart;
import io.tradingcore.domain.run.RunStatus;
import io.tradingcore.domain.signal.SignalDecision;
import io.tradingcore.domain.signal.TradeSignal;
import io.tradingcore.ports.out.ExecutionRepository;
import io.tradingcore.ports.out.FillBooking;
import io.tradingcore.ports.out.FillRecording;
import io.tradingcore.ports.out.UnitOfWork;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Orders, status moves, fills and cash of overlapped units (issue 14): the unit keeps those statements for its
 * writer thread and answers the open orders from memory ({@link UnitOrders}). Every answer must be what the
 * store reads once the statements have run: checked hour by hour against the store (a read makes the unit run
 * what it kept first), and at the end of a unit whose statements ran on the writer.
 */
class UnitOrdersIT {
    private static PgTestSupport pg;
    private static HikariDataSource own;
    private static PostgresAdapter adapter;
    private static ExecutionRepository exec;

    @BeforeAll
    static void open() {
        pg = PgTestSupport.open("pg_unit_orders");
        own = Databases.pool(new Databases.DbTarget(pg.db.url(), pg.db.user(), pg.db.password(), "own"), 4);
        adapter = PostgresAdapter.create(own);
        exec = adapter.execution();
    }

    @AfterAll
    static void close() {
        own.close();
        pg.close();
    }

    /** What the test did so far, by order: the order as the domain holds it. */
    private final Map<OrderId, Order> orders = new LinkedHashMap<>();
    private BigDecimal cash = Decimals.ZERO;

    @Test
    void openOrdersOfOverlappedUnitsAreWhatTheStoreReadsOnceTheKeptStatementsRan() {
        HourTs first = hour("2025-11-01T00:00:00Z");
        UnitOfWork u = adapter.unitOfWork();
        List<List<Order>> answers = new ArrayList<>();
        for (int n = 0; n < 3; n++) {
            int unit = n;
            u.runOverlapped(() -> {
                for (int i = 0; i < 4; i++) {
                    int h = unit * 4 + i;
                    // unit 1 is never checked inside: its kept statements run on the writer thread
                    answers.add(trade(first.plusHours(h), h, unit != 1));
                }
                return null;
            });
        }
        u.awaitCommitted();
        // the store after the chain: what the last hour answered (B still open), every order as the domain holds it
        assertThat(exec.openOrders(ACCOUNT, RunMode.BACKTEST)).isEqualTo(answers.get(answers.size() - 1)).hasSize(1);
        orders.forEach((id, o) -> assertThat(exec.order(id)).as("order " + id).contains(o));
        assertThat(exec.cashBalance(ACCOUNT, RunMode.BACKTEST)).isEqualByComparingTo(cash);
        assertThat(CashLedger.reconciles(exec.ledger(ACCOUNT, RunMode.BACKTEST), cash)).isTrue();
        assertThat(pg.count("SELECT count(*) FROM order_fill")).isEqualTo(3);
        // nothing was answered from memory that the store did not end up holding: every hour saw the orders it made
        assertThat(answers.get(0)).extracting(o -> o.status()).containsExactly(OrderStatus.NEW);
        assertThat(answers.get(5)).extracting(o -> o.status()).containsExactly(OrderStatus.NEW);
        assertThat(answers.get(6)).extracting(o -> o.status()).containsExactly(OrderStatus.ACK);
    }

    /** One hour: run, ENTER signal, the hour's trading (by index), open orders, finish; returns the open orders. */
    private List<Order> trade(HourTs h, int index, boolean check) {
        RunContext p = proposed(RunMode.BACKTEST, h);
        assertThat(adapter.runContexts().start(p)).isInstanceOf(RunStart.Started.class);
        RunKey key = p.key();
        TradeSignal signal = TradeSignal.of(key, BTC.id(), new SignalDecision(SignalAction.ENTER, new BigDecimal("200"), Horizon.H1,
                0.6, 0.01, "trend", new BigDecimal("0.002"), "enter"));
        adapter.decisionRecords().recordSignals(key, List.of(signal));
        List<Order> open = exec.openOrders(ACCOUNT, RunMode.BACKTEST);
        switch (index) {
            case 0 -> {
                List<CashEntry> deposit = ((LedgerResult.Posted) CashLedger.empty(ACCOUNT)
                        .transfer(CashEntryType.DEPOSIT, new BigDecimal("1000"), h.toInstant(), "initial")).entries();
                exec.appendCash(key, deposit);
                cash = new BigDecimal("1000");
                place(key, signal, "a");
            }
            case 1 -> ack("a");
            case 2 -> fill(key, "a", "t1", "1", "100", "0.1");
            // a second fill of one order in one unit is booked the old way (the store's order of fills)
            case 3 -> fill(key, "a", "t1b", "0.5", "100.5", "0");
            case 5 -> {
                fill(key, "a", "t2", "0.5", "101", "0.1");
                place(key, signal, "b");
            }
            case 6 -> ack("b");
            case 9 -> place(key, signal, "c");
            case 10 -> ack("c");
            case 11 -> cancel("c");
            default -> {
            }
        }
        open = exec.openOrders(ACCOUNT, RunMode.BACKTEST);
        if (check) {
            // the store, once what the unit kept has run (the read runs it first)
            for (Map.Entry<OrderId, Order> e : orders.entrySet()) {
                Order stored = exec.order(e.getKey()).orElseThrow();
                assertThat(stored).as("order " + e.getKey() + " at hour " + index).isEqualTo(e.getValue());
                assertThat(open.contains(stored)).as("open at hour " + index + ": " + stored.status())
                        .isEqualTo(!stored.status().isTerminal());
            }
            assertThat(exec.cashBalance(ACCOUNT, RunMode.BACKTEST)).isEqualByComparingTo(cash);
        }
        adapter.runContexts().finish(p.runId(), RunStatus.COMPLETED, h.toInstant().plusSeconds(5),
                StepHashes.empty().with(CycleStep.DATA, "c".repeat(64)));
        return open;
    }

    private static OrderId id(String name) {
        return new OrderId(DeterministicIds.uuid("unit-order", name));
    }

    private void place(RunKey key, TradeSignal signal, String name) {
        OrderRequest q = io.tradingcore.ports.testing.OrderRequestBuilder.order(key.runId(), signal.signalId(), BTC, key.hour())
                .orderId(id(name)).clientOrderId(new ClientOrderId("u-" + name)).account(ACCOUNT).side(OrderSide.BUY)
                .quantity(new BigDecimal("2")).notional(new BigDecimal("200")).cash(cash).build();
        Order placed = Order.placed(q, new BigDecimal("0.5"), Decimals.ZERO);
        exec.recordOrders(key, List.of(placed));
        orders.put(q.orderId(), placed);
    }

    private void ack(String name) {
        move(name, new OrderEvent.Acknowledged());
    }

    private void cancel(String name) {
        move(name, new OrderEvent.Cancelled("test"));
    }

    private void move(String name, OrderEvent event) {
        Order before = orders.get(id(name));
        Order after = before.on(event);
        assertThat(exec.updateOrderStatus(id(name), before.status(), after.status())).isTrue();
        orders.put(id(name), after);
    }

    private void fill(RunKey key, String name, String trade, String qty, String price, String fee) {
        Order before = orders.get(id(name));
        OrderRequest q = before.request();
        Fill f = new Fill(q.orderId(), new ExchangeTradeId(trade), BTC.id(), q.side(), new BigDecimal(qty), new BigDecimal(price),
                new BigDecimal(fee), key.hour().toInstant().plusMillis(1500), "TAKER");
        Order after = ((FillOutcome.Applied) before.applyFill(f)).order();
        LedgerResult.Posted posted = (LedgerResult.Posted) new CashLedger(ACCOUNT, cash).bookFill(f);
        assertThat(exec.recordFill(key, new FillBooking(f, after, posted.entries(), Decimals.ZERO))).isEqualTo(FillRecording.RECORDED);
        orders.put(q.orderId(), after);
        cash = posted.ledger().balance();
    }
}
