package io.tradingcore.adapter.postgres;

import static io.tradingcore.adapter.postgres.PgTestSupport.ACCOUNT;
import static io.tradingcore.adapter.postgres.PgTestSupport.BTC;
import static io.tradingcore.adapter.postgres.PgTestSupport.hour;
import static org.assertj.core.api.Assertions.assertThat;

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
import io.tradingcore.domain.ledger.CashEntryType;
import io.tradingcore.domain.ledger.CashLedger;
import io.tradingcore.domain.ledger.LedgerResult;
import io.tradingcore.domain.order.FeeCurrency;
import io.tradingcore.domain.order.Fill;
import io.tradingcore.domain.order.FillOutcome;
import io.tradingcore.domain.order.Order;
import io.tradingcore.domain.order.OrderEvent;
import io.tradingcore.domain.run.RunKey;
import io.tradingcore.domain.signal.TradeSignal;
import io.tradingcore.ports.out.ExecutionRepository;
import io.tradingcore.ports.out.FillBooking;
import io.tradingcore.ports.out.FillRecording;
import io.tradingcore.ports.out.TradingSessionRepository;
import io.tradingcore.ports.out.TradingSessionRepository.BookedTrade;
import io.tradingcore.ports.testing.OrderRequestBuilder;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The start-up reads of a PAPER/LIVE session, filtered by account and run mode. */
class TradingSessionRepositoryIT {
    private static PgTestSupport pg;
    private static TradingSessionRepository sessions;
    /** The account's cash ledger is one chain over all modes. */
    private static CashLedger ledger;

    @BeforeAll
    static void open() {
        pg = PgTestSupport.open("pg_sessions");
        sessions = pg.adapter.tradingSessions();
        ExecutionRepository exec = pg.adapter.execution();
        pg.startedRun(RunMode.LIVE, hour("2024-06-01T09:00:00Z"));
        RunKey live = pg.startedRun(RunMode.LIVE, hour("2024-06-01T10:00:00Z")).key();
        RunKey paper = pg.startedRun(RunMode.PAPER, hour("2024-06-01T12:00:00Z")).key();
        exec.appendCash(live, ((LedgerResult.Posted) CashLedger.empty(ACCOUNT).transfer(CashEntryType.DEPOSIT,
                new BigDecimal("100000"), live.hour().toInstant(), "initial")).entries());
        ledger = new CashLedger(ACCOUNT, new BigDecimal("100000"));
        filledBuy(exec, live, "live-1", "T1");
        filledBuy(exec, paper, "paper-1", "P1");
    }

    @AfterAll
    static void close() {
        pg.close();
    }

    /** A BUY of 0.1 BTC at 50 000 in the run of {@code key}, acknowledged and filled by venue trade {@code trade}. */
    private static void filledBuy(ExecutionRepository exec, RunKey key, String name, String trade) {
        TradeSignal signal = pg.enterSignal(key, "5000");
        OrderRequest q = OrderRequestBuilder.order(key.runId(), signal.signalId(), BTC, key.hour())
                .orderId(new OrderId(DeterministicIds.uuid("order", name))).clientOrderId(new ClientOrderId("c-" + name)).account(ACCOUNT)
                .quantity(Decimals.of("0.1")).notional(Decimals.of("5000")).cash(Decimals.of("90000")).build();
        Order placed = Order.placed(q, Decimals.ZERO, Decimals.ZERO);
        exec.recordOrders(key, List.of(placed));
        assertThat(exec.updateOrderStatus(q.orderId(), OrderStatus.NEW, OrderStatus.ACK)).isTrue();
        Order ack = placed.on(new OrderEvent.Acknowledged());
        Fill fill = new Fill(q.orderId(), new ExchangeTradeId(trade), BTC.id(), OrderSide.BUY, Decimals.of("0.1"),
                Decimals.of("50000"), Decimals.of("5"), key.hour().toInstant().plusSeconds(1), "TAKER", FeeCurrency.QUOTE);
        Order filled = ((FillOutcome.Applied) ack.applyFill(fill)).order();
        LedgerResult.Posted paid = (LedgerResult.Posted) ledger.bookFill(fill);
        ledger = paid.ledger();
        assertThat(exec.recordFill(key, new FillBooking(fill, filled, paid.entries(), Decimals.ZERO)))
                .isEqualTo(FillRecording.RECORDED);
    }

    @Test
    void findsAnAccountByItsName() {
        assertThat(sessions.accountByName("test account")).contains(ACCOUNT);
        assertThat(sessions.accountByName("no such account")).isEmpty();
    }

    @Test
    void readsTheOrdersAndFillsOfOneModeOnly() {
        assertThat(sessions.clientOrderIds(ACCOUNT, RunMode.LIVE)).containsExactly(new ClientOrderId("c-live-1"));
        assertThat(sessions.bookedTrades(ACCOUNT, RunMode.LIVE))
                .containsExactly(new BookedTrade(new ClientOrderId("c-live-1"), new ExchangeTradeId("T1")));
        assertThat(sessions.bookedTrades(ACCOUNT, RunMode.PAPER))
                .containsExactly(new BookedTrade(new ClientOrderId("c-paper-1"), new ExchangeTradeId("P1")));
        assertThat(sessions.clientOrderIds(AccountId.of(9), RunMode.LIVE)).isEmpty();
    }

    @Test
    void theLastRunHourIsPerMode() {
        assertThat(sessions.lastRunHour(ACCOUNT, RunMode.LIVE)).contains(hour("2024-06-01T10:00:00Z"));
        assertThat(sessions.lastRunHour(ACCOUNT, RunMode.PAPER)).contains(hour("2024-06-01T12:00:00Z"));
        assertThat(sessions.lastRunHour(ACCOUNT, RunMode.BACKTEST)).isEmpty();
    }
}
