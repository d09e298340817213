package io.tradingcore.adapter.exchange.model;

/** Same constants as the port's RejectReason, so the translation is by name. */
public enum Reject {
    INSUFFICIENT_BALANCE, MIN_NOTIONAL, LOT_SIZE, TICK_SIZE, UNKNOWN_SYMBOL, RATE_LIMITED,
    DUPLICATE_CLIENT_ORDER_ID, MARKET_CLOSED, INVALID_ORDER, VENUE_ERROR
}
