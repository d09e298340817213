package io.tradingcore.domain;

/** Signal action exactly as {@code signal_action_enum}. */
public enum SignalAction { ENTER, EXIT, HOLD }
