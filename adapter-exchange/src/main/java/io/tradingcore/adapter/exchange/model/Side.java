package io.tradingcore.adapter.exchange.model;

public enum Side { BUY, SELL }
