package io.tradingcore.domain.risk;

/** Kinds of risk event (risk_event.event_type). */
public enum RiskEventType {
    /** The drawdown tier changed (either direction). */
    TIER_CHANGE,
    /** HALT20 reached: open orders cancelled, positions closed, trading halted. */
    HALT_TRIGGERED,
    /** An operator lifted a halt; the peak is re-based to current equity. */
    OPERATOR_RESET,
    /** An order would have needed more cash than available (notional + fees &gt; cash). */
    NO_LEVERAGE_BREACH,
    /**
     * An entry was refused by the tier (exits only) or by a halt, or (rule "out-of-distribution") a flat asset was held
     * because its feature vector lies outside the models' training distribution.
     */
    ENTRY_BLOCKED,
    /**
     * An entry was shrunk by the tier's size factor, or (rule "dust") a position became too small for the venue to sell
     * (below its lot step or minimum notional): it stays held and is decided on as flat.
     */
    SIZE_REDUCED,
    /** An open order was cancelled by policy. */
    ORDER_CANCELLED,
    /** The venue rejected an order. */
    ORDER_REJECTED,
    /** The venue did not answer a submission; the order is queried before any resubmission. */
    ORDER_UNKNOWN,
    /** A fill could not be booked (exceeds the order, closed order, or the ledger would go negative). */
    FILL_REFUSED
}
