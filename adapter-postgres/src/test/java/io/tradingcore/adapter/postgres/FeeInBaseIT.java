package io.tradingcore.adapter.postgres;

import static io.tradingcore.adapter.postgres.PgTestSupport.ACCOUNT;
import static io.tradingcore.adapter.postgres.PgTestSupport.BTC;
import static io.tradingcore.adapter.postgres.PgTestSupport.hour;
import static org.assertj.core.api.Assertions.assertThat;

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
import io.tradingcore.domain.order.FeeCurrency;
import io.tradingcore.domain.order.Fill;
import io.tradingcore.domain.order.FillOutcome;
import io.tradingcore.domain.order.Order;
import io.tradingcore.domain.order.OrderEvent;
import io.tradingcore.domain.portfolio.Position;
import io.tradingcore.domain.run.RunKey;
import io.tradingcore.domain.signal.TradeSignal;
import io.tradingcore.ports.out.ExecutionRepository;
import io.tradingcore.ports.out.FillBooking;
import io.tradingcore.ports.out.FillRecording;
import io.tradingcore.ports.testing.OrderRequestBuilder;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A round trip whose BUY fee was charged in the base asset, stored and read back: order_fill keeps the fee
 * in BTC with its asset, executed_trade values it in USDT, the cash ledger has no FEE entry for it, and an
 * order read back carries the same fees (in quote) as the one the cycle booked.
 */
class FeeInBaseIT {
    private static PgTestSupport pg;
    private static ExecutionRepository exec;
    private static RunKey key;
    private static TradeSignal signal;

    @BeforeAll
    static void open() {
        pg = PgTestSupport.open("pg_feebase");
        exec = pg.adapter.execution();
        key = pg.startedRun(RunMode.PAPER, hour("2024-06-01T10:00:00Z")).key();
        signal = pg.enterSignal(key, "49950");
    }

    @AfterAll
    static void close() {
        pg.close();
    }

    private static Order acknowledged(String name, OrderSide side, String qty, String notional, String cash, String held) {
        OrderRequest q = OrderRequestBuilder.order(key.runId(), signal.signalId(), BTC, key.hour())
                .orderId(new OrderId(DeterministicIds.uuid("order", name))).clientOrderId(new ClientOrderId("c-" + name)).account(ACCOUNT)
                .side(side).quantity(Decimals.of(qty)).notional(Decimals.of(notional)).cash(Decimals.of(cash)).build();
        Order placed = Order.placed(q, Decimals.ZERO, Decimals.of(held));
        exec.recordOrders(key, List.of(placed));
        assertThat(exec.updateOrderStatus(q.orderId(), OrderStatus.NEW, OrderStatus.ACK)).isTrue();
        return placed.on(new OrderEvent.Acknowledged());
    }

    private static Fill fill(Order o, String trade, String qty, String price, String fee, FeeCurrency currency) {
        return new Fill(o.request().orderId(), new ExchangeTradeId(trade), BTC.id(), o.request().side(), Decimals.of(qty),
                Decimals.of(price), Decimals.of(fee), Instant.parse("2024-06-01T10:00:01Z"), "TAKER", currency);
    }

    @Test
    void baseFeeIsStoredInItsAssetValuedInQuoteOnTheTradeAndMovesNoCash() {
        exec.appendCash(key, ((LedgerResult.Posted) CashLedger.empty(ACCOUNT)
                .transfer(CashEntryType.DEPOSIT, new BigDecimal("100000"), key.hour().toInstant(), "initial")).entries());
        CashLedger ledger = new CashLedger(ACCOUNT, new BigDecimal("100000"));
        Position position = Position.flat(BTC.id());

        Order buy = acknowledged("buy", OrderSide.BUY, "1", "49950", "100000", "0");
        Fill in = fill(buy, "T1", "1", "49950", "0.001", FeeCurrency.BASE);
        Order bought = ((FillOutcome.Applied) buy.applyFill(in)).order();
        LedgerResult.Posted paid = (LedgerResult.Posted) ledger.bookFill(in);
        position = position.apply(in);
        assertThat(exec.recordFill(key, new FillBooking(in, bought, paid.entries(), Decimals.ZERO))).isEqualTo(FillRecording.RECORDED);
        ledger = paid.ledger();

        Order sell = acknowledged("sell", OrderSide.SELL, position.quantity().toPlainString(), "50949", "50050",
                position.quantity().toPlainString());
        Fill out = fill(sell, "T2", "0.999", "51000", "50.949", FeeCurrency.QUOTE);
        Order sold = ((FillOutcome.Applied) sell.applyFill(out)).order();
        LedgerResult.Posted received = (LedgerResult.Posted) ledger.bookFill(out);
        Position flat = position.apply(out);
        BigDecimal realised = flat.realisedPnl().subtract(position.realisedPnl());
        assertThat(exec.recordFill(key, new FillBooking(out, sold, received.entries(), realised))).isEqualTo(FillRecording.RECORDED);

        assertThat(flat.quantity()).isZero();
        assertThat(realised).isEqualTo(Decimals.of("948.051"));
        assertThat(pg.count("SELECT count(*) FROM order_fill WHERE exchange_trade_id = 'T1' AND fee = 0.001 AND fee_asset = 'BTC'"
                + " AND fill_qty = 1")).isEqualTo(1);
        assertThat(pg.count("SELECT count(*) FROM order_fill WHERE exchange_trade_id = 'T2' AND fee = 50.949 AND fee_asset = 'USDT'"))
                .isEqualTo(1);
        assertThat(pg.count("SELECT count(*) FROM executed_trade WHERE side = 'BUY' AND quantity = 1 AND fee_quote = 49.95"
                + " AND realized_pnl = 0")).isEqualTo(1);
        assertThat(pg.count("SELECT count(*) FROM executed_trade WHERE side = 'SELL' AND quantity = 0.999 AND fee_quote = 50.949"
                + " AND realized_pnl = 948.051")).isEqualTo(1);
        assertThat(exec.ledger(ACCOUNT, RunMode.PAPER)).extracting(CashEntry::type)
                .containsExactly(CashEntryType.DEPOSIT, CashEntryType.BUY, CashEntryType.SELL, CashEntryType.FEE);
        assertThat(exec.cashBalance(ACCOUNT, RunMode.PAPER)).isEqualTo(Decimals.of("100948.051"));
        assertThat(exec.order(buy.request().orderId())).contains(bought);
        assertThat(bought.fees()).isEqualTo(Decimals.of("49.95"));
        assertThat(exec.order(sell.request().orderId())).contains(sold);
    }
}
