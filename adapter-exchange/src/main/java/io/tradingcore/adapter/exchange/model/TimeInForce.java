package io.tradingcore.adapter.exchange.model;

/** GTC: an unfilled remainder rests until filled or cancelled. IOC: it is cancelled after the first matching bar. */
public enum TimeInForce { GTC, IOC }
