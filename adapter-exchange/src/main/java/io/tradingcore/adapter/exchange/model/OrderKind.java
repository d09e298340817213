package io.tradingcore.adapter.exchange.model;

public enum OrderKind { LIMIT, MARKET }
