package io.tradingcore.adapter.exchange;

import io.tradingcore.adapter.exchange.model.Balance;
import io.tradingcore.adapter.exchange.model.TimeInForce;
import io.tradingcore.adapter.exchange.sim.SimulatedExchange;
import io.tradingcore.domain.Asset;
import io.tradingcore.domain.AssetId;
import io.tradingcore.domain.BookSnapshot;
import io.tradingcore.domain.Candle;
import io.tradingcore.domain.HourTs;
import io.tradingcore.domain.ClientOrderId;
import io.tradingcore.domain.OrderRequest;
import io.tradingcore.ports.out.TimeSource;
import io.tradingcore.ports.out.ExchangeFill;
import io.tradingcore.ports.out.ExchangeGateway;
import io.tradingcore.ports.out.ExchangeOrderState;
import io.tradingcore.ports.out.SubmitResult;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The simulated exchange behind the {@link ExchangeGateway} port (BACKTEST, PAPER), plus what a simulation needs:
 * feeding it the market and advancing it. Orders decided at hour H execute against the candle with openTime H
 * (never an earlier one): at its open (MARKET, limits marketable on arrival) and over its range once it has
 * closed (resting limits).
 *
 * <p>With a {@link TimeSource}, every port call first brings the simulation to {@code clock.now()} (what is known
 * then, nothing later), so the hourly cycle needs no extra call: a MARKET order submitted at H is filled at H's
 * open by the time {@code fills} is asked, a resting limit once H has closed. Without a clock the caller drives
 * it with {@link #executeThrough(HourTs)} or {@link #advanceTo(Instant)}.
 */
public final class SimulatedVenue extends VenueExchangeGateway {
    private final SimulatedExchange sim;
    private final Map<AssetId, Asset> assets = new TreeMap<>();
    private final TimeSource clock;

    SimulatedVenue(SimulatedExchange sim, Collection<Asset> assets, TimeInForce limitTif, TimeSource clock) {
        super(sim, limitTif);
        this.sim = sim;
        this.clock = clock;
        assets.forEach(a -> this.assets.put(a.id(), a));
    }

    @Override
    public SubmitResult submit(OrderRequest o) {
        sync();
        return super.submit(o);
    }

    @Override
    public ExchangeOrderState cancel(ClientOrderId id) {
        sync();
        return super.cancel(id);
    }

    @Override
    public Optional<ExchangeOrderState> query(ClientOrderId id) {
        sync();
        return super.query(id);
    }

    @Override
    public List<ExchangeFill> fills(ClientOrderId id) {
        sync();
        return super.fills(id);
    }

    @Override
    public SortedMap<String, BigDecimal> balances() {
        sync();
        return super.balances();
    }

    private void sync() {
        if (clock != null) {
            sim.advanceTo(clock.now());
        }
    }

    /**
     * Adds candles (append-only: a known candle with other values, or one for an hour already executed, is refused
     * with IllegalArgumentException).
     */
    public void addCandles(List<Candle> candles) {
        SortedMap<String, List<Candle>> bySymbol = new TreeMap<>();
        for (Candle c : candles) {
            bySymbol.computeIfAbsent(asset(c.asset()).symbol(), s -> new ArrayList<>()).add(c);
        }
        bySymbol.forEach(sim::addCandles);
    }

    /** Adds top-of-book snapshots; the latest at or before an hour sets that hour's spread. */
    public void addBooks(List<BookSnapshot> books) {
        SortedMap<String, List<BookSnapshot>> bySymbol = new TreeMap<>();
        for (BookSnapshot b : books) {
            bySymbol.computeIfAbsent(asset(b.asset()).symbol(), s -> new ArrayList<>()).add(b);
        }
        bySymbol.forEach(sim::addBooks);
    }

    /** Executes every candle up to and including openTime {@code hour} completely (open and range), oldest first. */
    public void executeThrough(HourTs hour) {
        sim.executeThrough(hour.toInstant());
    }

    /** Brings the simulation to {@code now}: opens of candles with openTime <= now, ranges of candles closed by now. */
    public void advanceTo(Instant now) {
        sim.advanceTo(now);
    }

    /** Orders still resting, in submission order. */
    public List<ExchangeOrderState> openOrders() {
        sync();
        return sim.openOrders();
    }

    /** Free plus locked per asset (the port's {@link #balances()} gives the free part). */
    public SortedMap<String, BigDecimal> totalBalances() {
        sync();
        SortedMap<String, BigDecimal> out = new TreeMap<>();
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
