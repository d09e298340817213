package io.tradingcore.domain.ledger;

import io.tradingcore.domain.AccountId;
import io.tradingcore.domain.Decimals;
import io.tradingcore.domain.DeterministicIds;
import io.tradingcore.domain.OrderSide;
import io.tradingcore.domain.order.Fill;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The cash balance of an account and the rule that moves it: every movement is an entry with the
 * balance after it, and a movement that would make the balance negative is refused as a value.
 * Immutable; the history lives in the repository.
 */
public record CashLedger(AccountId account, BigDecimal balance) {
    public CashLedger {
        Objects.requireNonNull(account, "ledger.account");
        balance = Decimals.exact(balance, "ledger.balance");
        if (balance.signum() < 0) {
            throw new IllegalArgumentException("ledger balance must be >= 0, was " + balance.toPlainString());
        }
    }

    /** An empty ledger. */
    public static CashLedger empty(AccountId account) {
        return new CashLedger(account, Decimals.ZERO);
    }

    /** Deposit or withdrawal; {@code reference} makes the entry id unique and stable (e.g. "initial"). */
    public LedgerResult transfer(CashEntryType type, BigDecimal magnitude, Instant ts, String reference) {
        if (type != CashEntryType.DEPOSIT && type != CashEntryType.WITHDRAWAL) {
            throw new IllegalArgumentException("transfer takes DEPOSIT or WITHDRAWAL, not " + type);
        }
        List<CashEntry> out = new ArrayList<>();
        BigDecimal after = step(out, type, magnitude, ts, null, reference);
        return after == null ? refusal(type, magnitude) : new LedgerResult.Posted(out, new CashLedger(account, after));
    }

    /**
     * Books a fill: BUY or SELL for the notional, then FEE if a fee was paid from cash (a fee charged in
     * the base asset moves no cash: it reduces the position). Refused (nothing posted) if any entry would
     * leave the balance negative.
     */
    public LedgerResult bookFill(Fill fill) {
        List<CashEntry> out = new ArrayList<>();
        CashEntryType trade = fill.side() == OrderSide.BUY ? CashEntryType.BUY : CashEntryType.SELL;
        CashLedger cur = this;
        BigDecimal after = cur.step(out, trade, fill.notional(), fill.tradeTs(), fill, fill.tradeId().value());
        if (after == null) {
            return refusal(trade, fill.notional());
        }
        cur = new CashLedger(account, after);
        if (fill.cashFee().signum() > 0) {
            after = cur.step(out, CashEntryType.FEE, fill.cashFee(), fill.tradeTs(), fill, fill.tradeId().value());
            if (after == null) {
                return refusal(CashEntryType.FEE, fill.cashFee());
            }
            cur = new CashLedger(account, after);
        }
        return new LedgerResult.Posted(out, cur);
    }

    /**
     * Checks a whole ledger history: each balanceAfter equals the previous plus the amount, none is
     * negative, and the sum of amounts equals the final balance.
     */
    public static boolean reconciles(List<CashEntry> entries, BigDecimal balance) {
        BigDecimal running = BigDecimal.ZERO;
        for (CashEntry e : entries) {
            running = running.add(e.amount());
            if (running.signum() < 0 || running.compareTo(e.balanceAfter()) != 0) {
                return false;
            }
        }
        return running.compareTo(balance) == 0;
    }

    private BigDecimal step(List<CashEntry> out, CashEntryType type, BigDecimal magnitude, Instant ts, Fill fill, String reference) {
        BigDecimal m = Decimals.exact(magnitude, "cash.amount");
        if (m.signum() <= 0) {
            throw new IllegalArgumentException("cash " + type + " magnitude must be > 0, was " + m.toPlainString());
        }
        BigDecimal signed = type.sign() > 0 ? m : m.negate();
        BigDecimal after = balance.add(signed);
        if (after.signum() < 0) {
            return null;
        }
        String orderPart = fill == null ? "-" : fill.orderId().toString();
        var id = DeterministicIds.uuid("cash", account.toString(), type.name(), orderPart, reference);
        out.add(new CashEntry(id, account, type, signed, after, ts,
                fill == null ? null : fill.orderId(), fill == null ? null : fill.tradeId(),
                fill == null ? reference : type + " " + fill.asset() + " " + fill.quantity().toPlainString() + " @ " + fill.price().toPlainString()));
        return after;
    }

    private LedgerResult refusal(CashEntryType type, BigDecimal magnitude) {
        return new LedgerResult.Refused("cash ledger would go negative: " + type + " " + magnitude.toPlainString()
                + " against balance " + balance.toPlainString() + " of account " + account);
    }
}
