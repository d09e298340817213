package io.tradingcore.adapter.exchange;

import io.tradingcore.adapter.exchange.sim.SimConfig;
import io.tradingcore.adapter.exchange.sim.SimulatedExchange;

/** The adapter's one entry point: builds the simulated exchange and the venue clients. */
public final class Exchanges {
    private Exchanges() {
    }

    /** A deterministic simulated exchange (BACKTEST, PAPER); feed it bars and quotes, then execute hour by hour. */
    public static SimulatedExchange simulated(SimConfig config) {
        return SimulatedExchange.create(config);
    }
}
