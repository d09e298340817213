package io.tradingcore.domain;

/** Order type exactly as {@code order_type_enum}. */
public enum OrderType { LIMIT, MARKET }
