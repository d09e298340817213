package io.tradingcore.ports.service;

/**
 * Whether the cycle files the out-of-distribution gate's HOLD of a flat asset as a risk event (ENTRY_BLOCKED, rule
 * out-of-distribution, written and hashed with the RISK step). Like {@link io.tradingcore.domain.hash.DataHashFormat},
 * nothing stored names it: a replay matches each hour's stored RISK hash ({@link HourlyCycleService#filingOodHolds}).
 */
public enum OodHoldEvents {
    /** Hours stored before 2026-12-06: the gate held without a risk event. Only to reproduce them, and in tests. */
    NOT_FILED,
    /** Current: every gate HOLD of a flat asset is a risk event. */
    FILED;

    public static final OodHoldEvents CURRENT = FILED;
}
