package io.tradingcore.domain.portfolio;

import static io.tradingcore.domain.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradingcore.domain.Decimals;
import io.tradingcore.domain.ExchangeTradeId;
import io.tradingcore.domain.OrderSide;
import io.tradingcore.domain.ledger.CashEntry;
import io.tradingcore.domain.ledger.CashEntryType;
import io.tradingcore.domain.ledger.CashLedger;
import io.tradingcore.domain.ledger.LedgerResult;
import io.tradingcore.domain.order.FeeCurrency;
import io.tradingcore.domain.order.Fill;
import io.tradingcore.domain.order.FillOutcome;
import io.tradingcore.domain.order.Order;
import io.tradingcore.domain.order.OrderEvent;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A fee charged in the base asset (Binance's default for a BUY) reduces the position, not the cash, and
 * is counted once in the PnL: through the average cost of fewer units.
 */
class FeeInBaseTest {
    private final Order buy = placed(buy("1", "49950", "100000"));
    private final Order sell = placed(request(OrderSide.SELL, "0.999", "50949", "0"));

    private static Fill fill(Order o, String trade, String qty, String price, String fee, FeeCurrency currency) {
        return new Fill(o.request().orderId(), new ExchangeTradeId(trade), BTC.id(), o.request().side(), d(qty), d(price), d(fee),
                Instant.parse("2024-03-01T10:00:01Z"), "TAKER", currency);
    }

    @Test
    void buyWithABaseFeeHoldsTheQuantityLessTheFeeAtTheWholeNotionalAndPaysNoCashFee() {
        Fill f = fill(buy, "b1", "1", "49950", "0.001", FeeCurrency.BASE);

        Position p = Position.flat(BTC.id()).apply(f);
        LedgerResult.Posted posted = (LedgerResult.Posted) new CashLedger(ACCOUNT, d("100000")).bookFill(f);

        assertThat(p.quantity()).isEqualTo(d("0.999").setScale(18));
        assertThat(p.avgCost()).isEqualTo(d("50000").setScale(18)); // 49950 / 0.999
        assertThat(posted.entries()).extracting(CashEntry::type).containsExactly(CashEntryType.BUY);
        assertThat(posted.ledger().balance()).isEqualTo(d("50050").setScale(18));
        assertThat(f.cashFee()).isZero();
        assertThat(f.baseFee()).isEqualByComparingTo("0.001");
        assertThat(f.feeQuote()).isEqualTo(d("49.95").setScale(18));
        assertThat(f.positionDelta()).isEqualByComparingTo("0.999");
    }

    @Test
    void exitOfTheHeldQuantityLeavesNothingAndCountsTheBaseFeeOnce() {
        Fill in = fill(buy, "b1", "1", "49950", "0.001", FeeCurrency.BASE);
        Fill out = fill(sell, "s1", "0.999", "51000", "50.949", FeeCurrency.QUOTE);
        CashLedger ledger = new CashLedger(ACCOUNT, d("100000"));

        Position p = Position.flat(BTC.id()).apply(in).apply(out);
        ledger = ((LedgerResult.Posted) ledger.bookFill(in)).ledger();
        ledger = ((LedgerResult.Posted) ledger.bookFill(out)).ledger();

        assertThat(p.isFlat()).isTrue();
        // 0.999 x (51000 - 50000) - 50.949 = 948.051 = what the cash gained: 100000 - 49950 + 50949 - 50.949
        assertThat(p.realisedPnl()).isEqualTo(d("948.051").setScale(18));
        assertThat(ledger.balance()).isEqualTo(d("100948.051").setScale(18));
    }

    @Test
    void orderCountsTheWholeExecutedQuantityAndValuesTheBaseFeeInQuote() {
        FillOutcome o = buy.on(new OrderEvent.Acknowledged()).applyFill(fill(buy, "b1", "1", "49950", "0.001", FeeCurrency.BASE));

        Order after = ((FillOutcome.Applied) o).order();
        assertThat(after.filledQuantity()).isEqualByComparingTo("1");
        assertThat(after.fees()).isEqualTo(d("49.95").setScale(18));
    }

    @Test
    void sellWhoseBaseFeeComesOnTopRemovesBothAndCostsTheFeeAtAverageCost() {
        Position held = new Position(BTC.id(), d("2"), d("100"), Decimals.ZERO);
        Order s = placed(request(OrderSide.SELL, "1", "150", "0"));

        Position p = held.apply(fill(s, "s1", "1", "150", "0.01", FeeCurrency.BASE));

        assertThat(p.quantity()).isEqualByComparingTo("0.99");
        assertThat(p.avgCost()).isEqualByComparingTo("100");
        assertThat(p.realisedPnl()).isEqualByComparingTo("49"); // 150 - 1.01 x 100
        assertThatThrownBy(() -> new Position(BTC.id(), d("1"), d("100"), Decimals.ZERO)
                .apply(fill(s, "s2", "1", "150", "0.000000000000000001", FeeCurrency.BASE))).hasMessageContaining("long-only");
    }

    @Test
    void buyWhoseBaseFeeSwallowsTheWholeQuantityIsRefused() {
        assertThatThrownBy(() -> fill(buy, "b1", "1", "49950", "1", FeeCurrency.BASE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("less than the bought quantity");
    }

    @Test
    void quoteFeeFillsKeepTheirOldMeaning() {
        Fill f = new Fill(buy.request().orderId(), new ExchangeTradeId("q"), BTC.id(), OrderSide.BUY, d("1"), d("100"), d("0.1"),
                Instant.EPOCH, "MAKER");
        assertThat(f.feeCurrency()).isEqualTo(FeeCurrency.QUOTE);
        assertThat(f.cashFee()).isEqualByComparingTo("0.1");
        assertThat(f.feeQuote()).isEqualByComparingTo("0.1");
        assertThat(f.positionDelta()).isEqualByComparingTo("1");
    }
}
