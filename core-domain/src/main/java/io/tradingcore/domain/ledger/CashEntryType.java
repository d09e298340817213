package io.tradingcore.domain.ledger;

/** Kinds of cash movement; the sign of an entry's amount follows from its type. */
public enum CashEntryType {
    DEPOSIT(1), WITHDRAWAL(-1), BUY(-1), SELL(1), FEE(-1);

    private final int sign;

    CashEntryType(int sign) {
        this.sign = sign;
    }

    /** +1 for money in, -1 for money out. */
    public int sign() {
        return sign;
    }
}
