package io.tradingcore.domain.risk;

/**
 * The rules a risk event can name, one constant each; {@link #id()} is the text stored in risk_event.rule (and hashed
 * with the event), so the constants' ids never change. Composite ids of start-up reconciliation
 * ("reconciliation:&lt;kind&gt;") are built by the application.
 */
public enum RuleId {
    /** No entry while halted ({@link RiskRules.TradingHalt}). */
    TRADING_HALT("trading-halt"),
    /** The tier allows exits only ({@link RiskRules.ExitsOnly}). */
    EXITS_ONLY("exits-only"),
    /** Entries shrunk by the tier's size factor ({@link RiskRules.DrawdownSize}). */
    DRAWDOWN_SIZE("drawdown-size"),
    /** An entry must be paid from cash ({@link RiskRules.NoLeverage}). */
    NO_LEVERAGE("no-leverage"),
    /** The drawdown tier changed. */
    DRAWDOWN_TIER("drawdown-tier"),
    /** The drawdown halt: triggered, and the open orders it cancels. */
    DRAWDOWN_HALT("drawdown-halt"),
    /** An operator lifted the halt. */
    OPERATOR_RESET("operator-reset"),
    /** The venue rejected an order or gave no answer. */
    VENUE("venue"),
    /** The order refused a venue fill. */
    FILL_CHECK("fill-check"),
    /** A fill would take the position below zero. */
    POSITION("position"),
    /** The cash ledger refused a fill. */
    CASH_LEDGER("cash-ledger"),
    /** A position became too small for the venue to sell (reported as SIZE_REDUCED). */
    DUST("dust"),
    /**
     * The models' out-of-distribution gate: a flat asset whose feature vector lies outside the training distribution
     * is held, not entered (reported as ENTRY_BLOCKED, with the distance and the threshold).
     */
    OUT_OF_DISTRIBUTION("out-of-distribution");

    private final String id;

    RuleId(String id) {
        this.id = id;
    }

    /** The stored text of the rule. */
    public String id() {
        return id;
    }
}
