package io.tradingcore.ports.service;

import static io.tradingcore.ports.service.CycleFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.tradingcore.domain.Asset;
import io.tradingcore.domain.Decimals;
import io.tradingcore.domain.DeterministicIds;
import io.tradingcore.domain.DrawdownTier;
import io.tradingcore.domain.ExchangeTradeId;
import io.tradingcore.domain.HourTs;
import io.tradingcore.domain.OrderRequest;
import io.tradingcore.domain.OrderSide;
import io.tradingcore.domain.OrderStatus;
import io.tradingcore.domain.RunId;
import io.tradingcore.domain.RunMode;
import io.tradingcore.domain.SignalId;
import io.tradingcore.domain.ledger.CashEntry;
import io.tradingcore.domain.ledger.CashEntryType;
import io.tradingcore.domain.ledger.CashLedger;
import io.tradingcore.domain.ledger.LedgerResult;
import io.tradingcore.domain.order.FeeCurrency;
import io.tradingcore.domain.order.Fill;
import io.tradingcore.domain.order.Order;
import io.tradingcore.domain.order.OrderEvent;
import io.tradingcore.domain.portfolio.Portfolio;
import io.tradingcore.domain.portfolio.PositionState;
import io.tradingcore.domain.risk.RiskEventType;
import io.tradingcore.domain.run.RunKey;
import io.tradingcore.ports.in.CycleReport;
import io.tradingcore.ports.out.ExchangeFill;
import io.tradingcore.ports.testing.InMemoryExecutionRepository;
import io.tradingcore.ports.testing.InMemoryPorts;
import io.tradingcore.ports.testing.OrderRequestBuilder;
import io.tradingcore.ports.testing.RoundTripChecks;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 8, "fees charged in the base asset breaking the exit": a venue that withholds a BUY's fee from the
 * bought asset (Binance's default) leaves less than was bought. The position must say so, or the EXIT
 * sells more than the venue holds and is rejected for insufficient balance.
 */
class FeeInBaseCycleTest {
    private static final Asset BTC = InMemoryPorts.btc();
    private static final HourTs FIRST = START.plusHours(LOOKBACK);

    private static BigDecimal d(String s) {
        return Decimals.of(s);
    }

    // ---------------------------------------------------------------- booking venue fills, by hand

    private final RunKey key = new RunKey(DeterministicIds.runId(ACCOUNT, RunMode.BACKTEST, FIRST), ACCOUNT, RunMode.BACKTEST, FIRST);
    private final InMemoryExecutionRepository execution = new InMemoryExecutionRepository();

    private Order acknowledged(OrderSide side, String qty, String notional, String cash, BigDecimal held) {
        SignalId signal = new SignalId(DeterministicIds.uuid("fee-in-base", side.name()));
        RunId run = key.runId();
        OrderRequest r = OrderRequestBuilder.order(run, signal, BTC, FIRST).account(ACCOUNT).side(side).quantity(d(qty))
                .notional(d(notional)).cash(d(cash)).build();
        Order placed = Order.placed(r, Decimals.ZERO, held);
        execution.recordOrders(key, List.of(placed));
        Order ack = placed.on(new OrderEvent.Acknowledged());
        execution.updateOrderStatus(r.orderId(), OrderStatus.NEW, OrderStatus.ACK);
        return ack;
    }

    private static ExchangeFill venueFill(Order o, String trade, String qty, String price, String fee, String feeAsset) {
        return new ExchangeFill(o.request().clientOrderId(), new ExchangeTradeId(trade), d(qty), d(price), d(fee), feeAsset,
                Instant.parse("2024-01-01T06:00:01Z"), "TAKER");
    }

    /** A book with {@code cash} deposited and nothing held. */
    private CycleBook bookWith(String cash) {
        LedgerResult.Posted deposit = (LedgerResult.Posted) CashLedger.empty(ACCOUNT)
                .transfer(CashEntryType.DEPOSIT, d(cash), FIRST.toInstant(), "initial-deposit");
        execution.appendCash(key, deposit.entries());
        return new CycleBook(key, execution, deposit.ledger(), Portfolio.empty());
    }

    @Test
    void enterWithABaseFeeThenExitSellsExactlyWhatIsHeldAndCashAndPnlAreExact() {
        CycleBook book = bookWith("100000");

        // buy 1 BTC at 49950; the venue keeps 0.001 BTC: 0.999 BTC held, at 49950 / 0.999 = 50000 each
        Order buy = acknowledged(OrderSide.BUY, "1", "49950", "100000", Decimals.ZERO);
        Order bought = book.bookFills(buy, List.of(venueFill(buy, "T1", "1", "49950", "0.001", "BTC")), DrawdownTier.NORMAL);

        assertThat(bought.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(bought.filledQuantity()).isEqualTo(d("1"));
        assertThat(book.portfolio().position(BTC.id()).quantity()).isEqualTo(d("0.999"));
        assertThat(book.portfolio().position(BTC.id()).avgCost()).isEqualTo(d("50000"));
        assertThat(book.ledger().balance()).isEqualTo(d("50050")); // 100000 - 49950; no FEE entry

        // the EXIT sells what is held: 0.999 BTC at 51000 = 50949, fee 0.1% in USDT = 50.949
        BigDecimal held = book.portfolio().position(BTC.id()).quantity();
        Order sell = acknowledged(OrderSide.SELL, held.toPlainString(), "50949", "50050", held);
        Order sold = book.bookFills(sell, List.of(venueFill(sell, "T2", "0.999", "51000", "50.949", "USDT")), DrawdownTier.NORMAL);

        assertThat(sold.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(book.portfolio().position(BTC.id()).quantity()).isEqualTo(d("0"));
        assertThat(book.events()).isEmpty();
        // cash: 100000 - 49950 + 50949 - 50.949; realised: 0.999 x (51000 - 50000) - 50.949; both 948.051 up
        assertThat(book.ledger().balance()).isEqualTo(d("100948.051"));
        assertThat(book.portfolio().position(BTC.id()).realisedPnl()).isEqualTo(d("948.051"));
        assertThat(book.cashEntries()).extracting(CashEntry::type).containsExactly(CashEntryType.BUY, CashEntryType.SELL, CashEntryType.FEE);
        assertThat(execution.cashBalance(ACCOUNT, RunMode.BACKTEST)).isEqualTo(d("100948.051"));
        assertThat(book.fills()).extracting(Fill::feeCurrency).containsExactly(FeeCurrency.BASE, FeeCurrency.QUOTE);
        assertThat(book.fills()).extracting(Fill::fee).containsExactly(d("0.001"), d("50.949"));
    }

    @Test
    void aSellWhoseBaseFeeWouldTakeThePositionBelowZeroIsRefusedAsAnEvent() {
        CycleBook book = bookWith("1000");
        Order buy = acknowledged(OrderSide.BUY, "1", "100", "1000", Decimals.ZERO);
        book.bookFills(buy, List.of(venueFill(buy, "T1", "1", "100", "0.1", "USDT")), DrawdownTier.NORMAL);
        Order sell = acknowledged(OrderSide.SELL, "1", "100", "899.9", d("1"));

        Order after = book.bookFills(sell, List.of(venueFill(sell, "T2", "1", "100", "0.001", "BTC")), DrawdownTier.NORMAL);

        assertThat(after).isEqualTo(sell);
        assertThat(book.portfolio().position(BTC.id()).quantity()).isEqualTo(d("1"));
        assertThat(book.events()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(RiskEventType.FILL_REFUSED);
            assertThat(e.detail()).contains("exceeds position 1");
        });
    }

    // ---------------------------------------------------------------- the whole cycle against a venue that keeps base fees

    /** A 1%/h rise (ENTER) then a 1%/h fall (EXIT). */
    private static InMemoryPorts riseThenFall() {
        List<BigDecimal> closes = new ArrayList<>();
        BigDecimal c = new BigDecimal("100");
        for (int i = 0; i < 24; i++) {
            c = c.multiply(new BigDecimal(i < 9 ? "1.01" : "0.99")).setScale(8, RoundingMode.HALF_EVEN);
            closes.add(c);
        }
        return oneAsset(BTC, new BigDecimal("100"), closes);
    }

    private static List<CycleReport> run(InMemoryPorts p, int hours) {
        return runOneAsset(p, BTC, hours, new BigDecimal("10000"));
    }

    @Test
    void enterWithABaseFeeThenExitThroughTheCycleIsFilledNotRejectedAndLeavesNothingHeld() {
        InMemoryPorts p = riseThenFall();
        p.exchange.feeInBaseForBuys(true);

        List<CycleReport> reports = run(p, 16);

        Fill in = RoundTripChecks.assertExitSoldWhatTheBaseFeeLeft(p.execution, reports);
        Fill out = p.execution.allFills().get(1);
        // the EXIT sold exactly what the buy left after its fee, and the venue holds no BTC afterwards
        assertThat(out.quantity()).isEqualTo(in.quantity().subtract(in.fee()));
        assertThat(p.exchange.balances().get("BTC")).isEqualByComparingTo("0");
        PositionState last = reports.get(reports.size() - 1).state().orElseThrow().positions().get(0);
        assertThat(last.quantity()).isZero();

        // cash: the deposit less the buy's notional (its fee was paid in BTC) plus the sell's notional less its USDT fee
        BigDecimal cash = d("10000").subtract(Decimals.multiply(in.quantity(), in.price()))
                .add(Decimals.multiply(out.quantity(), out.price())).subtract(out.fee());
        assertThat(p.execution.cashBalance(ACCOUNT, RunMode.BACKTEST)).isEqualTo(cash);
        assertThat(reports.get(reports.size() - 1).state().orElseThrow().portfolio().cash()).isEqualTo(cash);
        // realised: the sold units at (price - average cost), the average cost being the buy's notional over the units held
        BigDecimal avg = in.quantity().multiply(in.price()).divide(out.quantity(), Decimals.SCALE, RoundingMode.HALF_EVEN);
        BigDecimal realised = Decimals.value(out.quantity().multiply(out.price().subtract(avg)).subtract(out.fee()));
        assertThat(last.realisedPnl()).isEqualTo(realised);
        // the fee is counted once: the realised PnL is the cash gained, up to the rounding of the average cost
        assertThat(realised.subtract(cash.subtract(d("10000"))).abs()).isLessThanOrEqualTo(out.quantity().movePointLeft(18));
        assertBooksReconcile(p, reports);
    }
}
