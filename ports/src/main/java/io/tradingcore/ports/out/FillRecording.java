package io.tradingcore.ports.out;

/** Outcome of {@link ExecutionRepository#recordFill}: a duplicate is a value, not an exception. */
public enum FillRecording {
    /** The fill and everything it changes were written. */
    RECORDED,
    /** (order id, exchange trade id) was already stored; nothing was written and the transaction stayed healthy. */
    DUPLICATE
}
