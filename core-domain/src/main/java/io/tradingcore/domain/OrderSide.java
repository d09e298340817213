package io.tradingcore.domain;

/** Order side exactly as {@code order_side_enum}. */
public enum OrderSide { BUY, SELL }
