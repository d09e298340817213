package io.tradingcore.domain.ledger;

import io.tradingcore.domain.AccountId;
import io.tradingcore.domain.Decimals;
import io.tradingcore.domain.ExchangeTradeId;
import io.tradingcore.domain.OrderId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One cash movement with the balance after it. {@code amount} is signed (money in &gt; 0, out &lt; 0) and
 * its sign must match the type; {@code balanceAfter} is never negative. {@code orderId} and
 * {@code tradeId} are set for BUY/SELL/FEE entries of a fill and null for deposits and withdrawals.
 * {@code entryId} is derived from content, so re-booking the same movement yields the same id.
 */
public record CashEntry(UUID entryId, AccountId account, CashEntryType type, BigDecimal amount,
                        BigDecimal balanceAfter, Instant ts, OrderId orderId, ExchangeTradeId tradeId, String memo) {
    public CashEntry {
        Objects.requireNonNull(entryId, "cash.entryId");
        Objects.requireNonNull(account, "cash.account");
        Objects.requireNonNull(type, "cash.type");
        Objects.requireNonNull(ts, "cash.ts");
        Objects.requireNonNull(memo, "cash.memo");
        amount = Decimals.exact(amount, "cash.amount");
        balanceAfter = Decimals.exact(balanceAfter, "cash.balanceAfter");
        if (amount.signum() == 0 || amount.signum() != type.sign()) {
            throw new IllegalArgumentException("cash " + type + " amount must be " + (type.sign() > 0 ? "> 0" : "< 0")
                    + ", was " + amount.toPlainString());
        }
        if (balanceAfter.signum() < 0) {
            throw new IllegalArgumentException("cash balance would go negative: " + balanceAfter.toPlainString());
        }
        boolean tradeEntry = type == CashEntryType.BUY || type == CashEntryType.SELL || type == CashEntryType.FEE;
        if (tradeEntry != (orderId != null) || (orderId != null) != (tradeId != null)) {
            throw new IllegalArgumentException("cash " + type + " entry: orderId/tradeId must be set exactly for trade entries");
        }
    }
}
