package io.tradingcore.ports.out;

/** Our typed reasons for a venue refusing an order; every venue error code maps to one of these. */
public enum RejectReason {
    INSUFFICIENT_BALANCE, MIN_NOTIONAL, LOT_SIZE, TICK_SIZE, UNKNOWN_SYMBOL, RATE_LIMITED,
    DUPLICATE_CLIENT_ORDER_ID, MARKET_CLOSED, INVALID_ORDER, VENUE_ERROR
}
