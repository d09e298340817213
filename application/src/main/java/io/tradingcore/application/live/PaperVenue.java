package io.tradingcore.application.live;

import io.tradingcore.adapter.exchange.Exchanges;
import io.tradingcore.adapter.exchange.SimulatedVenue;
import io.tradingcore.application.SimulatedAccounts;
import io.tradingcore.application.config.AppConfig;
import io.tradingcore.domain.AccountId;
import io.tradingcore.domain.Asset;
import io.tradingcore.domain.Candle;
import io.tradingcore.domain.HourTs;
import io.tradingcore.domain.RunMode;
import io.tradingcore.domain.order.Order;
import io.tradingcore.ports.out.AccountStateRepository;
import io.tradingcore.ports.out.ExchangeGateway;
import io.tradingcore.ports.out.ExecutionRepository;
import io.tradingcore.ports.out.HourlyState;
import io.tradingcore.ports.out.MarketDataRepository;
import java.util.List;
import java.util.Optional;

/**
 * The simulated exchange of a PAPER session, fed the stored candles as they close: the orders decided at
 * hour H execute against the candle of H once it has closed, i.e. just before the cycle of H+1 (the
 * same fill model as a backtest, without knowing a candle before it closes).
 *
 * <p>Restartable: a new process rebuilds the venue from the last stored state (cash and holdings) and
 * re-submits the orders the store still has open, which then fill exactly as they would have.
 */
public final class PaperVenue implements SessionVenue {
    private final SimulatedVenue venue;
    private final MarketDataRepository marketData;
    private final List<Asset> assets;
    private final String venueName;
    private HourTs nextCandle;

    private PaperVenue(SimulatedVenue venue, MarketDataRepository marketData, List<Asset> assets, String venueName,
                       HourTs nextCandle) {
        this.venue = venue;
        this.marketData = marketData;
        this.assets = List.copyOf(assets);
        this.venueName = venueName;
        this.nextCandle = nextCandle;
    }

    /** A venue holding what {@code account} held before {@code firstHour}, with its open orders re-submitted. */
    public static PaperVenue rebuild(AppConfig cfg, List<Asset> assets, AccountId account, AccountStateRepository states,
                                     ExecutionRepository execution, MarketDataRepository marketData, HourTs firstHour) {
        Optional<HourlyState> prior = states.latestBefore(account, RunMode.PAPER, firstHour);
        SimulatedVenue sim = Exchanges.simulatedImmediateOrCancel(SimulatedAccounts.config(cfg, assets, prior), assets);
        List<Order> open = execution.openOrders(account, RunMode.PAPER);
        HourTs from = open.stream().map(o -> o.request().hour()).min(HourTs::compareTo).orElse(firstHour.minusHours(1));
        if (from.isAfter(firstHour.minusHours(1))) {
            from = firstHour.minusHours(1);
        }
        PaperVenue v = new PaperVenue(sim, marketData, assets, cfg.trading().venue(), from);
        v.addClosedCandles(firstHour);
        for (Order o : open) {
            sim.submit(o.request());
        }
        return v;
    }

    @Override
    public ExchangeGateway gateway() {
        return venue;
    }

    @Override
    public void beforeCycle(HourTs hour) {
        addClosedCandles(hour);
        venue.executeThrough(hour.minusHours(1));
    }

    /** Adds the stored candles closed by {@code hour} that the simulation does not have yet. */
    private void addClosedCandles(HourTs hour) {
        if (nextCandle.isBefore(hour)) {
            for (Asset a : assets) {
                List<Candle> closed = marketData.candles(a.id(), venueName, nextCandle, hour);
                if (!closed.isEmpty()) {
                    venue.addCandles(closed);
                }
            }
            nextCandle = hour;
        }
    }

    /** The simulation itself (balances, open orders), for reports and tests. */
    public SimulatedVenue simulation() {
        return venue;
    }
}
