package io.tradingcore.adapter.exchange;

import io.tradingcore.adapter.exchange.model.Balance;
import io.tradingcore.adapter.exchange.model.TimeInForce;
import io.tradingcore.adapter.exchange.sim.SimulatedExchange;
import io.tradingcore.domain.Asset;
import io.tradingcore.domain.AssetId;
import io.tradingcore.domain.BookSnapshot;
import io.tradingcore.domain.Candle;
import io.tradingcore.domain.HourTs;
import io.tradingcore.ports.out.ExchangeGateway;
import io.tradingcore.ports.out.ExchangeOrderState;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The simulated exchange behind the {@link ExchangeGateway} port (BACKTEST, PAPER), plus what a simulation needs:
 * feeding it the market and advancing it hour by hour. Orders decided at hour H execute when
 * {@link #executeThrough(HourTs)} reaches H, against the candle with openTime H (never earlier).
 */
public final class SimulatedVenue extends VenueExchangeGateway {
    private final SimulatedExchange sim;
    private final Map<AssetId, Asset> assets = new TreeMap<>();

    SimulatedVenue(SimulatedExchange sim, Collection<Asset> assets, TimeInForce limitTif) {
        super(sim, limitTif);
        this.sim = sim;
        assets.forEach(a -> this.assets.put(a.id(), a));
    }

    /**
     * Adds candles (append-only: a known candle with other values, or one for an hour already executed, is refused
     * with IllegalArgumentException).
     */
    public void addCandles(List<Candle> candles) {
        sim.addBars(candles.stream().map(c -> PortMapping.bar(asset(c.asset()), c)).toList());
    }

    /** Adds top-of-book snapshots; the latest at or before an hour sets that hour's spread. */
    public void addBooks(List<BookSnapshot> books) {
        sim.addQuotes(books.stream().map(b -> PortMapping.quote(asset(b.asset()), b)).toList());
    }

    /** Executes every candle up to and including openTime {@code hour}, oldest first. */
    public void executeThrough(HourTs hour) {
        sim.executeThrough(hour.toInstant());
    }

    /** Orders still resting, in submission order. */
    public List<ExchangeOrderState> openOrders() {
        return sim.openOrders().stream().map(PortMapping::state).toList();
    }

    /** Free plus locked per asset (the port's {@link #balances()} gives the free part). */
    public SortedMap<String, java.math.BigDecimal> totalBalances() {
        SortedMap<String, java.math.BigDecimal> out = new TreeMap<>();
        for (Map.Entry<String, Balance> e : sim.balances().entrySet()) {
            out.put(e.getKey(), e.getValue().total());
        }
        return out;
    }

    private Asset asset(AssetId id) {
        Asset a = assets.get(id);
        if (a == null) {
            throw new IllegalArgumentException("asset " + id + " is not configured on this simulated venue");
        }
        return a;
    }
}
