package io.tradingcore.domain.risk;

/** Trading state derived from the drawdown tier and the halt flag. */
public enum TradingState {
    /** Full sizes. */
    ACTIVE,
    /** Smaller entries or exits only. */
    REDUCING,
    /** No new entries; open orders cancelled and positions closed; needs an operator reset. */
    HALTED
}
