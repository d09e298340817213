package io.tradingcore.adapter.exchange;

import io.tradingcore.adapter.exchange.binance.BinanceConfig;
import io.tradingcore.adapter.exchange.binance.BinanceExchange;
import io.tradingcore.adapter.exchange.binance.BinanceMarketData;
import io.tradingcore.adapter.exchange.model.TimeInForce;
import io.tradingcore.adapter.exchange.sim.SimConfig;
import io.tradingcore.adapter.exchange.sim.SimulatedExchange;
import io.tradingcore.domain.Asset;
import io.tradingcore.ports.out.MarketDataGateway;

import java.util.Collection;

/** The adapter's one entry point: the simulated exchange and the Binance clients, as the ports' implementations. */
public final class Exchanges {
    private Exchanges() {
    }

    /**
     * A deterministic simulated exchange (BACKTEST, PAPER) trading {@code assets} under {@code config}'s rules, fees
     * and fill model; LIMIT orders rest GTC. Feed it candles (and optionally book snapshots), then execute hour by hour.
     */
    public static SimulatedVenue simulated(SimConfig config, Collection<Asset> assets) {
        return new SimulatedVenue(SimulatedExchange.create(config), assets, TimeInForce.GTC);
    }

    /** As {@link #simulated(SimConfig, Collection)}, with LIMIT orders sent IOC instead of GTC. */
    public static SimulatedVenue simulatedImmediateOrCancel(SimConfig config, Collection<Asset> assets) {
        return new SimulatedVenue(SimulatedExchange.create(config), assets, TimeInForce.IOC);
    }

    /** Binance spot orders, balances and start-up reconciliation (LIVE); needs credentials. */
    public static BinanceGateway binance(BinanceConfig config) {
        if (config.credentials() == null) {
            throw new IllegalArgumentException("the Binance order client needs API credentials (environment or file)");
        }
        return new BinanceGateway(BinanceExchange.create(config));
    }

    /** Binance public market data (hourly klines, best bid/ask) for PAPER and LIVE; needs no credentials. */
    public static MarketDataGateway binanceMarketData(BinanceConfig config) {
        return new BinanceMarketDataGateway(BinanceMarketData.create(config));
    }
}
