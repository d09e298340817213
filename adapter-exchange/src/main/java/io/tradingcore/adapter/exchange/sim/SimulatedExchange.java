package io.tradingcore.adapter.exchange.sim;

import io.tradingcore.domain.OrderStatus;
import io.tradingcore.ports.out.ExchangeFill;
import io.tradingcore.ports.out.ExchangeOrderState;
import io.tradingcore.ports.out.SubmitResult;
import io.tradingcore.adapter.exchange.model.Balance;
import io.tradingcore.adapter.exchange.model.OrderTicket;
import io.tradingcore.domain.BookSnapshot;
import io.tradingcore.domain.Candle;
import io.tradingcore.adapter.exchange.model.VenueGateway;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A deterministic exchange for BACKTEST and PAPER. It is fed hourly bars (and optionally top-of-book quotes)
 * and executes, bar by bar, the orders decided at or before each bar's open. The fill model is in
 * docs/exchange.md; in short: MARKET at the bar's open plus half the spread plus slippage (taker),
 * a LIMIT marketable on arrival as a taker at no worse than its limit, otherwise resting until a bar trades
 * through it and then at the limit (maker); our fills per bar are capped at a share of the bar's volume.
 *
 * <p>Same configuration (seed included), same bars and same call sequence give the same orders, fills, ids and
 * balances. Not thread-safe by design beyond the monitor on every public method.
 */
public final class SimulatedExchange implements VenueGateway {
    private static final Duration HOUR = Duration.ofHours(1);

    private final SimConfig config;
    /** Per symbol (alphabetical): its bars, quotes and how far its hours have been executed. */
    private final SortedMap<String, SimMarket> markets = new TreeMap<>();
    private final Map<String, SimOrder> orders = new LinkedHashMap<>();
    /** The orders still working, in submission order: matching walks only these, so a long backtest stays linear. */
    private final Map<String, SimOrder> working = new LinkedHashMap<>();
    private final SimBalances wallet;
    private final SimPricing pricing;
    private final SimFees fees;
    private final SimOrderCheck check;
    private final SimMatching matching;
    private long orderSequence;

    private SimulatedExchange(SimConfig config) {
        this.config = config;
        this.wallet = new SimBalances(config.initialBalances());
        config.rules().keySet().forEach(symbol -> markets.put(symbol, new SimMarket(symbol)));
        this.pricing = new SimPricing(config, markets);
        this.fees = new SimFees(config);
        this.check = new SimOrderCheck(config, pricing, fees, wallet);
        this.matching = new SimMatching(config, pricing, fees, wallet, working);
    }

    public static SimulatedExchange create(SimConfig config) {
        return new SimulatedExchange(config);
    }

    /**
     * Adds hourly candles of {@code symbol} (their asset id is not looked at: the venue knows markets by symbol).
     * Market data is append-only: a bar already known with different values is refused, as is a new bar at or before
     * an hour of its symbol that already began executing (history that ran cannot change).
     */
    public synchronized void addCandles(String symbol, Collection<Candle> candles) {
        SimMarket m = market(symbol);
        for (Candle b : candles) {
            Instant open = b.openTime().toInstant();
            Candle known = m.bars.get(open);
            if (known != null) {
                if (!sameBar(known, b)) {
                    throw new IllegalArgumentException("conflicting bar for " + symbol + " at " + open + ": " + known + " vs " + b);
                }
                continue;
            }
            if (m.opened != null && !open.isAfter(m.opened)) {
                throw new IllegalArgumentException("bar " + symbol + " " + open + " arrives after hour " + m.opened + " began executing");
            }
            m.bars.put(open, b);
        }
    }

    /** Adds top-of-book snapshots of {@code symbol}; the latest one at or before an hour sets that hour's spread. */
    public synchronized void addBooks(String symbol, Collection<BookSnapshot> books) {
        for (BookSnapshot q : books) {
            market(symbol).quotes.put(q.snapshotTs(), q);
        }
    }

    /**
     * Executes every bar with openTime up to and including {@code hour} completely: its open (MARKET orders, limits
     * marketable on arrival) and then its range (resting limits the market traded through). Oldest bar first,
     * symbols in alphabetical order, orders in submission order.
     */
    public synchronized void executeThrough(Instant hour) {
        requireHour(hour);
        advance(hour.plus(HOUR), hour);
    }

    /**
     * Brings the simulation to instant {@code now}, using only what is known then: the open of every bar with
     * openTime <= now, and the range (high/low) of every bar that has closed (openTime + 1h <= now). An order
     * submitted at hour H after bar H opened executes against that open at once.
     */
    public synchronized void advanceTo(Instant now) {
        advance(now, now);
    }

    /** The latest bar of any symbol whose range has been executed (its hour is complete). */
    public synchronized Optional<Instant> executedThrough() {
        return markets.values().stream().map(m -> m.closed).filter(java.util.Objects::nonNull).max(Instant::compareTo);
    }

    private void advance(Instant closeUpTo, Instant openUpTo) {
        TreeSet<Instant> times = new TreeSet<>();
        for (SimMarket m : markets.values()) {
            if (m.closed != null && !openUpTo.isAfter(m.closed)) {
                continue; // already executed through openUpTo (a resumed venue asked again): nothing pending
            }
            NavigableMap<Instant, Candle> pending = m.closed == null ? m.bars : m.bars.tailMap(m.closed, false);
            times.addAll(pending.headMap(openUpTo, true).keySet());
        }
        for (Instant t : times) {
            for (Map.Entry<String, SimMarket> e : markets.entrySet()) {
                SimMarket m = e.getValue();
                Candle bar = m.bars.get(t);
                if (bar == null || (m.closed != null && !t.isAfter(m.closed))) {
                    continue;
                }
                if (m.opened == null || t.isAfter(m.opened)) {
                    matching.openPhase(m, bar);
                }
                if (!t.plus(HOUR).isAfter(closeUpTo)) {
                    matching.rangePhase(m, bar);
                }
            }
        }
    }

    @Override
    public synchronized SubmitResult submit(OrderTicket t) {
        String id = t.clientOrderId().value();
        SimOrder existing = orders.get(id);
        if (existing != null) {
            // The port's contract: a known id returns the existing order, whatever the resubmission says; like a venue,
            // the simulation never lets a second order share an id (nor lets the retry change the first one).
            return existing.status == OrderStatus.REJECTED
                    ? new SubmitResult.Rejected(existing.reject, existing.rejectMessage)
                    : new SubmitResult.Accepted(existing.view());
        }
        SimOrder order = new SimOrder(t, "SIM-" + (++orderSequence));
        orders.put(id, order);
        Optional<SubmitResult.Rejected> rejected = check.validateAndReserve(order);
        if (rejected.isPresent()) {
            order.status = OrderStatus.REJECTED;
            order.reject = rejected.get().reason();
            order.rejectMessage = rejected.get().message();
            return rejected.get();
        }
        order.status = OrderStatus.ACK;
        working.put(id, order);
        SimMarket m = markets.get(t.symbol());
        if (m.opened != null && !m.opened.isBefore(t.decidedAt()) && (m.closed == null || m.closed.isBefore(m.opened))) {
            // its bar has opened but not closed: the order meets that open now, as it would have on arrival
            matching.arrive(order, m, m.bars.get(m.opened));
            if (order.status.isTerminal()) {
                working.remove(id);
            }
        }
        return new SubmitResult.Accepted(order.view());
    }

    @Override
    public synchronized ExchangeOrderState cancel(String clientOrderId) {
        SimOrder o = orders.get(clientOrderId);
        if (o == null) {
            throw new NoSuchElementException("no simulated order with client order id " + clientOrderId);
        }
        if (!o.status.isTerminal()) {
            o.status = OrderStatus.CANCELLED;
            wallet.release(o);
            working.remove(clientOrderId);
        }
        return o.view();
    }

    @Override
    public synchronized Optional<ExchangeOrderState> query(String clientOrderId) {
        return Optional.ofNullable(orders.get(clientOrderId)).map(SimOrder::view);
    }

    @Override
    public synchronized List<ExchangeFill> fills(String clientOrderId) {
        SimOrder o = orders.get(clientOrderId);
        return o == null ? List.of() : List.copyOf(o.fills);
    }

    /** Orders still resting (ACK or PARTIAL), in submission order. */
    public synchronized List<ExchangeOrderState> openOrders() {
        List<ExchangeOrderState> open = new ArrayList<>();
        for (SimOrder o : working.values()) {
            open.add(o.view());
        }
        return open;
    }

    @Override
    public synchronized SortedMap<String, Balance> balances() {
        return wallet.view();
    }

    private SimMarket market(String symbol) {
        SimMarket m = markets.get(symbol);
        if (m == null) {
            throw new IllegalArgumentException("no SymbolRules configured for " + symbol);
        }
        return m;
    }

    private static void requireHour(Instant hour) {
        if (hour.getEpochSecond() % 3600 != 0 || hour.getNano() != 0) {
            throw new IllegalArgumentException("an hour-aligned instant is needed, got " + hour);
        }
    }

    private static boolean sameBar(Candle a, Candle b) {
        return a.open().compareTo(b.open()) == 0 && a.high().compareTo(b.high()) == 0 && a.low().compareTo(b.low()) == 0
                && a.close().compareTo(b.close()) == 0 && a.volume().compareTo(b.volume()) == 0;
    }
}
