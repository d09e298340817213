package io.tradingcore.adapter.postgres;

import static io.tradingcore.adapter.postgres.PgTestSupport.ACCOUNT;
import static io.tradingcore.adapter.postgres.PgTestSupport.BTC;
import static io.tradingcore.adapter.postgres.PgTestSupport.HUGE;
import static io.tradingcore.adapter.postgres.PgTestSupport.TINY;
import static io.tradingcore.adapter.postgres.PgTestSupport.hour;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradingcore.domain.AccountId;
import io.tradingcore.domain.ClientOrderId;
import io.tradingcore.domain.Decimals;
import io.tradingcore.domain.DeterministicIds;
import io.tradingcore.domain.ExchangeTradeId;
import io.tradingcore.domain.OrderId;
import io.tradingcore.domain.OrderRequest;
import io.tradingcore.domain.OrderSide;
import io.tradingcore.domain.OrderStatus;
import io.tradingcore.domain.RunMode;
import io.tradingcore.domain.ledger.CashEntry;
import io.tradingcore.domain.ledger.CashEntryType;
import io.tradingcore.domain.ledger.CashLedger;
import io.tradingcore.domain.ledger.LedgerResult;
import io.tradingcore.domain.order.Fill;
import io.tradingcore.domain.order.FillOutcome;
import io.tradingcore.domain.order.Order;
import io.tradingcore.domain.order.OrderEvent;
import io.tradingcore.domain.run.RunKey;
import io.tradingcore.domain.signal.TradeSignal;
import io.tradingcore.ports.out.ConflictingWriteException;
import io.tradingcore.ports.out.ExecutionRepository;
import io.tradingcore.ports.out.FillBooking;
import io.tradingcore.ports.out.FillRecording;
import io.tradingcore.ports.out.InvariantViolationException;
import io.tradingcore.ports.testing.OrderRequestBuilder;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One PAPER account: deposit, orders, fills and the ledger, in the order a cycle writes them. */
class ExecutionRepositoryIT {
    private static final AccountId OTHER = AccountId.of(2);
    private static PgTestSupport pg;
    private static ExecutionRepository exec;
    private static RunKey key;
    private static TradeSignal signal;

    @BeforeAll
    static void open() {
        pg = PgTestSupport.open("pg_exec");
        exec = pg.adapter.execution();
        key = pg.startedRun(RunMode.PAPER, hour("2024-06-01T10:00:00Z")).key();
        signal = pg.enterSignal(key, "200");
    }

    @AfterAll
    static void close() {
        pg.close();
    }

    private static OrderRequest request(String name, OrderSide side, String qty, String notional, String cash) {
        OrderId id = new OrderId(DeterministicIds.uuid("order", name));
        return OrderRequestBuilder.order(key.runId(), signal.signalId(), BTC, key.hour()).orderId(id)
                .clientOrderId(new ClientOrderId("c-" + name)).account(ACCOUNT).side(side).quantity(new BigDecimal(qty))
                .notional(new BigDecimal(notional)).cash(new BigDecimal(cash)).build();
    }

    private static Fill fill(OrderRequest q, String trade, String qty, String price, String fee) {
        return new Fill(q.orderId(), new ExchangeTradeId(trade), BTC.id(), q.side(), new BigDecimal(qty), new BigDecimal(price),
                new BigDecimal(fee), Instant.parse("2024-06-01T10:00:01.5Z"), "TAKER");
    }

    private static FillBooking booking(Order before, Fill f, BigDecimal cashBefore) {
        Order after = ((FillOutcome.Applied) before.applyFill(f)).order();
        List<CashEntry> entries = ((LedgerResult.Posted) new CashLedger(ACCOUNT, cashBefore).bookFill(f)).entries();
        return new FillBooking(f, after, entries, Decimals.ZERO);
    }

    @Test
    void depositOrderFillsDuplicateAndRefusalsKeepLedgerAndOrderConsistent() {
        List<CashEntry> deposit = ((LedgerResult.Posted) CashLedger.empty(ACCOUNT)
                .transfer(CashEntryType.DEPOSIT, new BigDecimal("1000"), key.hour().toInstant(), "initial")).entries();
        exec.appendCash(key, deposit);
        exec.appendCash(key, deposit);
        assertThat(exec.ledger(ACCOUNT, RunMode.PAPER)).containsExactlyElementsOf(deposit);

        OrderRequest q = request("buy", OrderSide.BUY, "2", "200", "1000");
        Order placed = Order.placed(q, new BigDecimal("0.5"), Decimals.ZERO);
        exec.recordOrders(key, List.of(placed));
        exec.recordOrders(key, List.of(placed));
        assertThat(exec.order(q.orderId())).contains(placed);
        assertThat(exec.orderByClientId(q.clientOrderId())).contains(placed);
        // fills need an acknowledged order (the schema's lifecycle has no NEW -> PARTIAL edge)
        FillBooking early = booking(placed.on(new OrderEvent.Acknowledged()), fill(q, "t0", "1", "100", "0"),
                new BigDecimal("1000"));
        assertThatThrownBy(() -> exec.recordFill(key, early)).isInstanceOf(InvariantViolationException.class)
                .hasMessageContaining("order lifecycle rule");
        assertThat(exec.updateOrderStatus(q.orderId(), OrderStatus.NEW, OrderStatus.ACK)).isTrue();
        Order acked = placed.on(new OrderEvent.Acknowledged());

        FillBooking first = booking(acked, fill(q, "t1", "1", "100", "0.1"), new BigDecimal("1000"));
        assertThat(exec.recordFill(key, first)).isEqualTo(FillRecording.RECORDED);
        assertThat(exec.order(q.orderId())).contains(first.orderAfter());
        assertThat(exec.cashBalance(ACCOUNT, RunMode.PAPER)).isEqualByComparingTo("899.9");

        // the venue re-delivers t1: reported as a value, nothing written, nothing lost
        assertThat(exec.recordFill(key, first)).isEqualTo(FillRecording.DUPLICATE);
        assertThat(exec.ledger(ACCOUNT, RunMode.PAPER)).hasSize(3);
        assertThat(exec.order(q.orderId())).contains(first.orderAfter());
        assertThat(pg.count("SELECT count(*) FROM order_fill")).isEqualTo(1);
        assertThat(pg.count("SELECT count(*) FROM executed_trade")).isEqualTo(1);

        FillBooking second = booking(first.orderAfter(), fill(q, "t2", "1", "101", "0.1"), new BigDecimal("899.9"));
        assertThat(exec.recordFill(key, second)).isEqualTo(FillRecording.RECORDED);
        assertThat(exec.order(q.orderId()).orElseThrow().status()).isEqualTo(OrderStatus.FILLED);
        assertThat(exec.cashBalance(ACCOUNT, RunMode.PAPER)).isEqualByComparingTo("798.8");
        List<CashEntry> ledger = exec.ledger(ACCOUNT, RunMode.PAPER);
        assertThat(ledger).hasSize(5);
        assertThat(CashLedger.reconciles(ledger, exec.cashBalance(ACCOUNT, RunMode.PAPER))).isTrue();
        assertThat(ledger.get(3).tradeId()).isEqualTo(new ExchangeTradeId("t2"));
        assertThat(ledger.get(3).orderId()).isEqualTo(q.orderId());

        // a booking built from a stale order would overfill: the store refuses it naming the rule
        FillBooking stale = booking(first.orderAfter(), fill(q, "t3", "1", "101", "0"), new BigDecimal("798.8"));
        assertThatThrownBy(() -> exec.recordFill(key, stale)).isInstanceOf(InvariantViolationException.class)
                .hasMessageContaining("fill-within-order-quantity rule").hasMessageContaining("requested_qty")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("23514").doesNotContain("P0001"));
        assertThat(exec.ledger(ACCOUNT, RunMode.PAPER)).hasSize(5);

        // a deposit whose balanceAfter ignores the stored chain is refused naming the chain rule
        List<CashEntry> wrong = ((LedgerResult.Posted) new CashLedger(ACCOUNT, new BigDecimal("5000"))
                .transfer(CashEntryType.DEPOSIT, BigDecimal.ONE, key.hour().toInstant(), "late")).entries();
        assertThatThrownBy(() -> exec.appendCash(key, wrong)).isInstanceOf(InvariantViolationException.class)
                .hasMessageContaining("cash-ledger chain rule").hasMessageContaining("5001");
        assertThat(exec.cashBalance(ACCOUNT, RunMode.PAPER)).isEqualByComparingTo("798.8");
        assertThat(exec.ledger(ACCOUNT, RunMode.BACKTEST)).isEmpty();
        assertThat(exec.cashBalance(OTHER, RunMode.PAPER)).isEqualTo(Decimals.ZERO);
    }

    @Test
    void ordersRoundTripAtNumericExtremesAndStatusIsCompareAndSet() {
        // a BUY: a SELL of HUGE would need stored fills holding HUGE (trg_order_request_sell_within_filled_position)
        OrderRequest q = request("extreme", OrderSide.BUY, HUGE.toPlainString(), TINY.toPlainString(), HUGE.toPlainString());
        exec.recordOrders(key, List.of(Order.placed(q)));
        Order back = exec.order(q.orderId()).orElseThrow();
        assertThat(back).isEqualTo(Order.placed(q));
        assertThat(back.request().quantity().toPlainString()).isEqualTo("99999999999999999999.999999999999999999");
        assertThat(back.request().requestedNotional().toPlainString()).isEqualTo("0.000000000000000001");

        assertThat(exec.updateOrderStatus(q.orderId(), OrderStatus.NEW, OrderStatus.ACK)).isTrue();
        assertThat(exec.updateOrderStatus(q.orderId(), OrderStatus.NEW, OrderStatus.ACK)).isFalse();
        assertThat(exec.openOrders(ACCOUNT, RunMode.PAPER)).extracting(o -> o.request().orderId()).contains(q.orderId());
        assertThatThrownBy(() -> exec.updateOrderStatus(q.orderId(), OrderStatus.ACK, OrderStatus.NEW))
                .isInstanceOf(InvariantViolationException.class).hasMessageContaining("order lifecycle rule");
        assertThatThrownBy(() -> exec.updateOrderStatus(new OrderId(DeterministicIds.uuid("order", "none")), OrderStatus.NEW,
                OrderStatus.ACK)).isInstanceOf(NoSuchElementException.class);
        assertThat(exec.updateOrderStatus(q.orderId(), OrderStatus.ACK, OrderStatus.CANCELLED, "operator cancel")).isTrue();
        assertThat(pg.count("SELECT count(*) FROM order_request WHERE order_id = '" + q.orderId()
                + "' AND status = 'CANCELLED' AND status_reason = 'operator cancel'")).isEqualTo(1);
        assertThat(exec.openOrders(ACCOUNT, RunMode.PAPER)).extracting(o -> o.request().orderId()).doesNotContain(q.orderId());

        OrderRequest changed = OrderRequestBuilder.from(q).quantity(BigDecimal.ONE).limitPrice(null).build();
        assertThatThrownBy(() -> exec.recordOrders(key, List.of(Order.placed(changed))))
                .isInstanceOf(ConflictingWriteException.class).hasMessageContaining("requested_qty");
    }
}
