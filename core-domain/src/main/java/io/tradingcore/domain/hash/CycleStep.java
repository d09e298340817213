package io.tradingcore.domain.hash;

/** The steps of the hourly cycle whose outputs are hashed, in execution order. */
public enum CycleStep {
    /** Input rows read as of the hour (its hash is also run_context.data_snapshot_hash). */
    DATA,
    /** Feature vectors. */
    FEATURES,
    /** Regime, base and meta predictions with components. */
    MODELS,
    /** Trade signals. */
    SIGNALS,
    /** Risk assessment, rule verdicts and risk events. */
    RISK,
    /** Orders decided and their submission outcome. */
    ORDERS,
    /** Fills booked. */
    FILLS,
    /** Cash ledger entries. */
    LEDGER,
    /** Position, portfolio and risk hourly state. */
    STATE
}
