package io.tradingcore.adapter.exchange;

import io.tradingcore.adapter.exchange.binance.BinanceConfig;
import io.tradingcore.adapter.exchange.binance.BinanceExchange;
import io.tradingcore.adapter.exchange.binance.BinanceMarketData;
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

    /** Binance spot orders, balances and start-up reconciliation (LIVE); needs credentials. */
    public static BinanceExchange binance(BinanceConfig config) {
        if (config.credentials() == null) {
            throw new IllegalArgumentException("the Binance order client needs API credentials (environment or file)");
        }
        return BinanceExchange.create(config);
    }

    /** Binance public market data (klines, best bid/ask) for PAPER and LIVE; needs no credentials. */
    public static BinanceMarketData binanceMarketData(BinanceConfig config) {
        return BinanceMarketData.create(config);
    }
}
