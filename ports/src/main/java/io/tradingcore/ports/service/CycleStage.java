package io.tradingcore.ports.service;

/** One named step of the hourly cycle: reads and extends the {@link CycleState} handed along by the orchestrator. */
interface CycleStage {
    void run(CycleState state);
}
