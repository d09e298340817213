package io.tradingcore.adapter.exchange;

import io.tradingcore.adapter.exchange.binance.BinanceConfig;
import io.tradingcore.adapter.exchange.binance.BinanceExchange;
import io.tradingcore.adapter.exchange.binance.BinanceMarketData;
import io.tradingcore.adapter.exchange.sim.SymbolRules;
import io.tradingcore.adapter.exchange.model.TimeInForce;
import io.tradingcore.adapter.exchange.sim.SimConfig;
import io.tradingcore.adapter.exchange.sim.SimulatedExchange;
import io.tradingcore.domain.Asset;
import io.tradingcore.ports.out.CandleHistoryGateway;
import io.tradingcore.ports.out.TimeSource;
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
     * and fill model, LIMIT orders resting GTC, advanced by the caller: {@code executeThrough(H)} after the cycle of
     * H (its fills are then read by the cycle of H+1), or {@code advanceTo(now)}.
     */
    public static SimulatedVenue simulated(SimConfig config, Collection<Asset> assets) {
        return new SimulatedVenue(SimulatedExchange.create(config), assets, TimeInForce.GTC, null);
    }

    /**
     * As {@link #simulated(SimConfig, Collection)}, but every port call first advances the simulation to
     * {@code clock.now()} (the cycle's clock: a backtest's simulated hour, or the wall clock in PAPER), so a MARKET
     * order submitted at H shows its fill at H's open to the same cycle.
     */
    public static SimulatedVenue simulated(SimConfig config, Collection<Asset> assets, TimeSource clock) {
        return new SimulatedVenue(SimulatedExchange.create(config), assets, TimeInForce.GTC, Objects.requireNonNull(clock, "clock"));
    }

    /** As {@link #simulated(SimConfig, Collection)}, with LIMIT orders sent IOC instead of GTC. */
    public static SimulatedVenue simulatedImmediateOrCancel(SimConfig config, Collection<Asset> assets) {
        return new SimulatedVenue(SimulatedExchange.create(config), assets, TimeInForce.IOC, null);
    }

    /** As {@link #simulated(SimConfig, Collection, TimeSource)}, with LIMIT orders sent IOC instead of GTC. */
    public static SimulatedVenue simulatedImmediateOrCancel(SimConfig config, Collection<Asset> assets, TimeSource clock) {
        return new SimulatedVenue(SimulatedExchange.create(config), assets, TimeInForce.IOC, Objects.requireNonNull(clock, "clock"));
    }

    /**
     * Binance spot orders, balances and start-up reconciliation (LIVE); needs credentials. Orders are rounded to the
     * symbols' exchangeInfo filters, read on {@link BinanceGateway#loadSymbolRules()} (or the first order).
     */
    public static BinanceGateway binance(BinanceConfig config) {
        if (config.credentials() == null) {
            throw new IllegalArgumentException("the Binance order client needs API credentials (environment or file)");
        }
        return new BinanceGateway(BinanceExchange.create(config), BinanceMarketData.create(config), config.symbols());
    }

    /** Binance's trading rules (tick size, lot size, minimum notional) of {@code symbols}, to configure a PAPER simulation. */
    public static List<SymbolRules> binanceSymbolRules(BinanceConfig config, List<String> symbols) {
        return BinanceMarketData.create(config).symbolRules(symbols);
    }

    /** Binance public market data (hourly klines, best bid/ask) for PAPER and LIVE; needs no credentials. */
    public static MarketDataGateway binanceMarketData(BinanceConfig config) {
        return new BinanceMarketDataGateway(BinanceMarketData.create(config));
    }

    /**
     * Binance's public hourly klines, page by page, for {@code download-data} (GET /api/v3/klines at
     * {@code config.baseUrl()}; needs no credentials). Candles are stored under venue "BINANCE".
     */
    public static CandleHistoryGateway binanceCandleHistory(BinanceConfig config) {
        return new BinanceMarketDataGateway(BinanceMarketData.create(config));
    }
}
