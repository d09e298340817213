package io.tradingcore.domain.ledger;

import static io.tradingcore.domain.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradingcore.domain.OrderSide;
import io.tradingcore.domain.order.Order;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CashLedgerTest {
    private static final Instant T = Instant.parse("2024-03-01T10:00:00Z");

    @Test
    void everyMovementIsAnEntryWithTheBalanceAfterAndTheSumEqualsTheBalance() {
        List<CashEntry> all = new ArrayList<>();
        CashLedger l = post(CashLedger.empty(ACCOUNT).transfer(CashEntryType.DEPOSIT, d("1000"), T, "initial"), all);
        Order buy = placed(buy("2", "200", "1000"));
        l = post(l.bookFill(fill(buy, "t1", "2", "100", "0.2")), all);
        Order sell = placed(request(OrderSide.SELL, "1", "110", "0"));
        l = post(l.bookFill(fill(sell, "t2", "1", "110", "0.11")), all);
        l = post(l.transfer(CashEntryType.WITHDRAWAL, d("9.69"), T, "w1"), all);
        assertThat(all).extracting(CashEntry::type).containsExactly(CashEntryType.DEPOSIT, CashEntryType.BUY, CashEntryType.FEE,
                CashEntryType.SELL, CashEntryType.FEE, CashEntryType.WITHDRAWAL);
        assertThat(l.balance()).isEqualByComparingTo("900");
        assertThat(all.get(2).balanceAfter()).isEqualByComparingTo("799.8");
        assertThat(CashLedger.reconciles(all, l.balance())).isTrue();
        assertThat(CashLedger.reconciles(all, l.balance().add(d("0.000000000000000001")))).isFalse();
    }

    @Test
    void aBuyThatWouldMakeTheBalanceNegativeIsRefusedAndNothingIsPosted() {
        CashLedger l = ((LedgerResult.Posted) CashLedger.empty(ACCOUNT).transfer(CashEntryType.DEPOSIT, d("200"), T, "i")).ledger();
        Order o = placed(buy("2", "200", "200"));
        assertThat(l.bookFill(fill(o, "t1", "2", "100", "0"))).isInstanceOf(LedgerResult.Posted.class);
        LedgerResult withFee = l.bookFill(fill(o, "t1", "2", "100", "0.000000000000000001"));
        assertThat(withFee).isInstanceOf(LedgerResult.Refused.class);
        assertThat(((LedgerResult.Refused) withFee).reason()).contains("negative");
        assertThat(l.balance()).isEqualByComparingTo("200");
    }

    @Test
    void entriesAreValidatedAndTheirIdsAreStable() {
        CashLedger l = CashLedger.empty(ACCOUNT);
        LedgerResult.Posted a = (LedgerResult.Posted) l.transfer(CashEntryType.DEPOSIT, d("5"), T, "x");
        LedgerResult.Posted b = (LedgerResult.Posted) l.transfer(CashEntryType.DEPOSIT, d("5"), T, "x");
        assertThat(a.entries()).isEqualTo(b.entries());
        assertThatThrownBy(() -> new CashEntry(a.entries().get(0).entryId(), ACCOUNT, CashEntryType.FEE, d("5"), d("5"), T, null, null, "m"))
                .hasMessageContaining("amount must be < 0");
        assertThat(l.transfer(CashEntryType.WITHDRAWAL, d("1"), T, "w")).isInstanceOf(LedgerResult.Refused.class);
    }

    private static CashLedger post(LedgerResult r, List<CashEntry> sink) {
        assertThat(r).isInstanceOf(LedgerResult.Posted.class);
        LedgerResult.Posted p = (LedgerResult.Posted) r;
        sink.addAll(p.entries());
        return p.ledger();
    }
}
