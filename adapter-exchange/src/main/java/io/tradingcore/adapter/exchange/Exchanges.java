package io.tradingcore.adapter.exchange;

import io.tradingcore.adapter.exchange.binance.BinanceConfig;
import io.tradingcore.adapter.exchange.binance.BinanceExchange;
import io.tradingcore.adapter.exchange.binance.BinanceMarketData;
import io.tradingcore.adapter.exchange.model.SymbolRules;
import io.tradingcore.adapter.exchange.model.TimeInForce;
import io.tradingcore.adapter.exchange.sim.SimConfig;
import io.tradingcore.adapter.exchange.sim.SimulatedExchange;
import io.tradingcore.domain.Asset;
import io.tradingcore.ports.out.Clock;
import io.tradingcore.ports.out.MarketDataGateway;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

/** The adapter's one entry point: the simulated exchange and the Binance clients, as the ports' implementations. */
public final class Exchanges {
    private Exchanges() {
    }

    /**
     * A deterministic simulated exchange (BACKTEST, PAPER) trading {@code assets} under {@code config}'s rules, fees
     * and fill model, LIMIT orders resting GTC. Every port call first advances it to {@code clock.now()} (the
     * cycle's clock: a backtest's manual clock, or the wall clock in PAPER). Feed it candles (and optionally book
     * snapshots) as they become known.
     */
    public static SimulatedVenue simulated(SimConfig config, Collection<Asset> assets, Clock clock) {
        return new SimulatedVenue(SimulatedExchange.create(config), assets, TimeInForce.GTC, Objects.requireNonNull(clock, "clock"));
    }

    /** As {@link #simulated(SimConfig, Collection, Clock)}, but advanced only by explicit executeThrough/advanceTo calls. */
    public static SimulatedVenue simulatedManual(SimConfig config, Collection<Asset> assets) {
        return new SimulatedVenue(SimulatedExchange.create(config), assets, TimeInForce.GTC, null);
    }

    /** As {@link #simulated(SimConfig, Collection, Clock)}, with LIMIT orders sent IOC instead of GTC. */
    public static SimulatedVenue simulatedImmediateOrCancel(SimConfig config, Collection<Asset> assets, Clock clock) {
        return new SimulatedVenue(SimulatedExchange.create(config), assets, TimeInForce.IOC, Objects.requireNonNull(clock, "clock"));
    }

    /** Binance spot orders, balances and start-up reconciliation (LIVE); needs credentials. */
    public static BinanceGateway binance(BinanceConfig config) {
        if (config.credentials() == null) {
            throw new IllegalArgumentException("the Binance order client needs API credentials (environment or file)");
        }
        return new BinanceGateway(BinanceExchange.create(config));
    }

    /** Binance's trading rules (tick size, lot size, minimum notional) of {@code symbols}, to configure a PAPER simulation. */
    public static List<SymbolRules> binanceSymbolRules(BinanceConfig config, List<String> symbols) {
        return BinanceMarketData.create(config).symbolRules(symbols);
    }

    /** Binance public market data (hourly klines, best bid/ask) for PAPER and LIVE; needs no credentials. */
    public static MarketDataGateway binanceMarketData(BinanceConfig config) {
        return new BinanceMarketDataGateway(BinanceMarketData.create(config));
    }
}
