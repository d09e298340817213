package io.tradingcore.domain;

/** Run mode exactly as {@code run_mode_enum}. */
public enum RunMode { BACKTEST, PAPER, LIVE }
