package io.tradingcore.adapter.exchange;

import io.tradingcore.adapter.exchange.binance.BinanceExchange;
import io.tradingcore.adapter.exchange.binance.BinanceMarketData;
import io.tradingcore.domain.Decimals;
import io.tradingcore.adapter.exchange.model.TimeInForce;
import io.tradingcore.adapter.exchange.model.VenueUnavailableException;
import io.tradingcore.adapter.exchange.sim.SymbolRules;
import io.tradingcore.domain.Asset;
import io.tradingcore.domain.OrderRequest;
import io.tradingcore.domain.OrderSide;
import io.tradingcore.domain.OrderType;
import io.tradingcore.ports.out.ExchangeGateway;
import io.tradingcore.ports.out.SubmitResult;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Binance spot behind the {@link ExchangeGateway} port (LIVE), plus start-up reconciliation. Submission never places
 * an order twice (see docs/exchange.md); reads that cannot reach the venue within their budgets throw
 * {@link io.tradingcore.adapter.exchange.model.VenueUnavailableException}.
 *
 * <p>Every order is rounded to the symbol's exchangeInfo filters before it is sent, with the simulated exchange's
 * rules ({@link SymbolRules}): quantity down to the LOT_SIZE step, a limit price to the tick (BUY down, SELL up), and
 * an order whose rounded quantity is below minQty or whose rounded notional is below NOTIONAL/MIN_NOTIONAL is refused
 * as a {@link SubmitResult.Rejected} value without any request to the venue.
 */
public final class BinanceGateway extends VenueExchangeGateway {
    private final BinanceExchange binance;
    private final BinanceMarketData market;
    private final List<String> symbols;
    /** Our symbol -> its rules, read once from exchangeInfo; replaced whole, so readers see all symbols or none. */
    private volatile SortedMap<String, SymbolRules> rules;

    BinanceGateway(BinanceExchange binance, BinanceMarketData market, List<String> symbols) {
        super(binance, TimeInForce.GTC);
        this.binance = binance;
        this.market = market;
        this.symbols = List.copyOf(symbols);
    }

    /**
     * Reads the trading rules (tick size, lot size, minimum notional) of the configured symbols from exchangeInfo, in
     * one request; call it at start-up so that a venue that does not list a symbol stops the session before any
     * order. Later calls read them again.
     *
     * @throws VenueUnavailableException if the venue cannot be read or does not list a configured symbol
     */
    public List<SymbolRules> loadSymbolRules() {
        List<SymbolRules> loaded = market.symbolRules(symbols);
        SortedMap<String, SymbolRules> bySymbol = new TreeMap<>();
        loaded.forEach(r -> bySymbol.put(r.symbol(), r));
        rules = bySymbol;
        return loaded;
    }

    /** The rules of {@code symbol}, loading them on first use; empty when they cannot be read or the symbol is not configured. */
    private Optional<SymbolRules> rulesOf(String symbol) {
        if (rules == null) {
            try {
                loadSymbolRules();
            } catch (VenueUnavailableException e) {
                return Optional.empty();
            }
        }
        return Optional.ofNullable(rules.get(symbol));
    }

    @Override
    public OrderRequest conform(OrderRequest o) {
        return rulesOf(o.asset().symbol()).map(r -> rounded(o, r)).orElse(o);
    }

    /**
     * The holding rounded down to the LOT_SIZE step, or zero (dust) when that is below minQty or its notional at
     * {@code price} below NOTIONAL/MIN_NOTIONAL: exactly what {@link #submit} would refuse for a MARKET SELL sized at
     * {@code price}. Rules that cannot be read (or an unconfigured symbol) return {@code quantity}, as the port's default.
     */
    @Override
    public BigDecimal sellableQuantity(Asset asset, BigDecimal quantity, BigDecimal price) {
        return rulesOf(asset.symbol()).map(r -> r.sellableQuantity(quantity, price)).orElse(quantity);
    }

    /**
     * {@code o} on the rules' grids, or {@code o} itself when rounding leaves nothing tradable (submit refuses it with
     * the reason). The notional is recomputed at the order's own price: its limit, or for MARKET the reference price
     * the cycle sized it with (requested notional / quantity).
     */
    private static OrderRequest rounded(OrderRequest o, SymbolRules r) {
        BigDecimal qty = r.floorQuantity(o.quantity());
        BigDecimal limit = o.type() == OrderType.LIMIT ? r.tickPrice(o.limitPrice(), o.side() == OrderSide.BUY) : null;
        if (qty.signum() <= 0 || qty.compareTo(r.minQty()) < 0) {
            return o;
        }
        if (qty.compareTo(o.quantity()) == 0 && (limit == null || limit.compareTo(o.limitPrice()) == 0)) {
            return o;
        }
        BigDecimal notional = Decimals.value(qty.multiply(limit != null ? limit : referencePrice(o)));
        if (o.side() == OrderSide.BUY) {
            notional = notional.min(o.requestedNotional()); // scale-18 rounding must never lift a BUY above its cash check
        }
        if (notional.signum() <= 0) {
            return o;
        }
        return new OrderRequest(o.orderId(), o.clientOrderId(), o.runId(), o.signalId(), o.accountId(), o.asset(), o.side(), o.type(),
                qty, limit, notional, o.preOrderCashAvailable(), o.hour());
    }

    private static BigDecimal referencePrice(OrderRequest o) {
        return o.requestedNotional().divide(o.quantity(), Decimals.SCALE, RoundingMode.HALF_EVEN);
    }

    /**
     * Rounds {@code o} as {@link #conform} does, refuses it as a value when it breaks LOT_SIZE, PRICE_FILTER or the
     * minimum notional after rounding (nothing is sent), else places it (idempotent per client order id). Rules that
     * cannot be read give {@link SubmitResult.Unknown}: nothing was sent, so the cycle may submit it again later.
     */
    @Override
    public SubmitResult submit(OrderRequest o) {
        Optional<SymbolRules> r = rulesOf(o.asset().symbol());
        if (r.isEmpty()) {
            if (!symbols.contains(o.asset().symbol())) {
                return super.submit(o); // refused by the client as UNKNOWN_SYMBOL
            }
            return new SubmitResult.Unknown("the trading rules (exchangeInfo) of " + o.asset().symbol()
                    + " could not be read, so " + o.clientOrderId() + " was not sent");
        }
        OrderRequest c = rounded(o, r.get());
        BigDecimal price = c.type() == OrderType.LIMIT ? c.limitPrice() : referencePrice(o);
        Optional<SubmitResult.Rejected> refused = r.get().lotOrTickViolation(c.quantity(), c.limitPrice())
                .or(() -> r.get().notionalViolation(c.quantity(), price));
        if (refused.isPresent()) {
            return new SubmitResult.Rejected(refused.get().reason(), refused.get().message()
                    + " after rounding to Binance's filters; " + o.clientOrderId() + " was not sent");
        }
        return super.submit(c);
    }

    /**
     * Compares the venue's open orders and its fills since {@code request.since()} with ours. Missing fills are
     * reported once each (de-duplicated by client order id and trade id); foreign orders once per venue order.
     */
    public StartupReconciliation.Report reconcile(StartupReconciliation.Request request) {
        return binance.reconcile(request);
    }
}
