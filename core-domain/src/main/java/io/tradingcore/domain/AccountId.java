package io.tradingcore.domain;

/** Typed id (SMALLINT in the schema); must be positive. */
public record AccountId(short value) implements Comparable<AccountId> {
    public AccountId {
        if (value <= 0) {
            throw new IllegalArgumentException("AccountId must be positive, was " + value);
        }
    }

    public static AccountId of(int value) {
        if (value > Short.MAX_VALUE) {
            throw new IllegalArgumentException("AccountId must fit a SMALLINT, was " + value);
        }
        return new AccountId((short) value);
    }

    @Override
    public int compareTo(AccountId o) {
        return Short.compare(value, o.value);
    }

    @Override
    public String toString() {
        return Short.toString(value);
    }
}
