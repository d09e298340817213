package io.tradingcore.ports.testing;

import io.tradingcore.domain.Asset;
import io.tradingcore.domain.Candle;
import io.tradingcore.domain.ClientOrderId;
import io.tradingcore.domain.Decimals;
import io.tradingcore.domain.ExchangeTradeId;
import io.tradingcore.domain.OrderRequest;
import io.tradingcore.domain.OrderSide;
import io.tradingcore.domain.OrderStatus;
import io.tradingcore.domain.OrderType;
import io.tradingcore.ports.out.ExchangeFill;
import io.tradingcore.ports.out.ExchangeGateway;
import io.tradingcore.ports.out.ExchangeOrderState;
import io.tradingcore.ports.out.RejectReason;
import io.tradingcore.ports.out.SubmitResult;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A small deterministic venue for tests: MARKET orders decided at hour H fill at the open of the
 * candle with openTime H (the next candle after the decision) adjusted by a slippage rate; fees are
 * charged in the quote currency, or for a BUY in the base asset (as Binance does) when asked. A BUY whose
 * cost exceeds the order's pre-order cash, and a SELL of more than the venue's own balance of the base
 * asset (what its fills left), are rejected INSUFFICIENT_BALANCE. LIMIT orders are not supported
 * (rejected INVALID_ORDER). Until that candle exists the order rests ACK. Submission is idempotent per
 * client order id. Options: split each fill in two trades, deliver every fill twice, charge buy fees in
 * the base asset, Binance-like lot rules (quantity step and minimum notional), reject or lose the next submission.
 */
public final class SimulatedExchangeGateway implements ExchangeGateway {
    private final InMemoryMarketDataRepository marketData;
    private final String venue;
    private final BigDecimal feeRate;
    private final BigDecimal slippageRate;
    private boolean splitFills;
    private boolean deliverTwice;
    private boolean feeInBaseForBuys;
    /** LOT_SIZE step (also the minimum quantity) and minimum notional; null: no rules (any scale-18 order is taken). */
    private BigDecimal stepSize;
    private BigDecimal minNotional;
    private final Deque<SubmitResult> scripted = new ArrayDeque<>();

    private final Map<ClientOrderId, OrderRequest> requests = new LinkedHashMap<>();
    private final Map<ClientOrderId, ExchangeOrderState> states = new LinkedHashMap<>();
    private final Map<ClientOrderId, List<ExchangeFill>> fills = new LinkedHashMap<>();
    private final SortedMap<String, BigDecimal> balances = new TreeMap<>();
    private int submissions;

    public SimulatedExchangeGateway(InMemoryMarketDataRepository marketData, String venue, BigDecimal feeRate, BigDecimal slippageRate) {
        this.marketData = marketData;
        this.venue = venue;
        this.feeRate = feeRate;
        this.slippageRate = slippageRate;
    }

    /** Each fill comes as two trades (half, rounded down, then the remainder). */
    public synchronized SimulatedExchangeGateway splitFills(boolean on) {
        this.splitFills = on;
        return this;
    }

    /** fills() lists every trade twice, as a REST/WebSocket race would. */
    public synchronized SimulatedExchangeGateway deliverTwice(boolean on) {
        this.deliverTwice = on;
        return this;
    }

    /** A BUY's fee is withheld from the bought base asset (buying 1 BTC with a 0.001 BTC fee leaves 0.999 BTC). */
    public synchronized SimulatedExchangeGateway feeInBaseForBuys(boolean on) {
        this.feeInBaseForBuys = on;
        return this;
    }

    /**
     * Binance-like rules for every symbol: {@link #conform} rounds quantities DOWN to {@code stepSize}, {@link #submit}
     * refuses (without placing) a quantity below one step or off the step grid (LOT_SIZE) and a notional at the order's
     * reference price below {@code minNotional} (MIN_NOTIONAL), and {@link #sellableQuantity} reports dust.
     */
    public synchronized SimulatedExchangeGateway lotRules(BigDecimal stepSize, BigDecimal minNotional) {
        if (stepSize.signum() <= 0 || minNotional.signum() < 0) {
            throw new IllegalArgumentException("stepSize must be > 0 and minNotional >= 0, got " + stepSize + " and " + minNotional);
        }
        this.stepSize = stepSize;
        this.minNotional = minNotional;
        return this;
    }

    @Override
    public synchronized OrderRequest conform(OrderRequest o) {
        if (stepSize == null) {
            return o;
        }
        BigDecimal qty = floorToStep(o.quantity());
        if (qty.compareTo(stepSize) < 0 || qty.compareTo(o.quantity()) == 0) {
            return o;
        }
        BigDecimal notional = Decimals.multiply(qty, referencePrice(o));
        if (o.side() == OrderSide.BUY) {
            notional = notional.min(o.requestedNotional());
        }
        return OrderRequestBuilder.from(o).quantity(qty).notional(notional).build();
    }

    @Override
    public synchronized BigDecimal sellableQuantity(Asset asset, BigDecimal quantity, BigDecimal price) {
        if (stepSize == null) {
            return quantity;
        }
        BigDecimal qty = floorToStep(quantity);
        return ruleViolation(qty, price).isPresent() ? Decimals.ZERO : qty;
    }

    private BigDecimal floorToStep(BigDecimal q) {
        return Decimals.value(q.divide(stepSize, 0, RoundingMode.DOWN).multiply(stepSize));
    }

    private static BigDecimal referencePrice(OrderRequest o) {
        return Decimals.divide(o.requestedNotional(), o.quantity());
    }

    private Optional<SubmitResult.Rejected> ruleViolation(BigDecimal qty, BigDecimal price) {
        if (qty.compareTo(stepSize) < 0 || qty.remainder(stepSize).signum() != 0) {
            return Optional.of(new SubmitResult.Rejected(RejectReason.LOT_SIZE, "quantity " + qty.toPlainString()
                    + " breaks LOT_SIZE (step " + stepSize.toPlainString() + ")"));
        }
        BigDecimal notional = Decimals.multiply(qty, price);
        if (notional.compareTo(minNotional) < 0) {
            return Optional.of(new SubmitResult.Rejected(RejectReason.MIN_NOTIONAL, "notional " + notional.toPlainString()
                    + " is below " + minNotional.toPlainString()));
        }
        return Optional.empty();
    }

    /** The next submission returns {@code result} without placing anything (Rejected or Unknown). */
    public synchronized void scriptNext(SubmitResult result) {
        scripted.add(result);
    }

    /** Number of distinct orders placed (a resubmission of a known client order id does not count). */
    public synchronized int placedOrders() {
        return submissions;
    }

    @Override
    public synchronized SubmitResult submit(OrderRequest o) {
        ExchangeOrderState known = states.get(o.clientOrderId());
        if (known != null) {
            return new SubmitResult.Accepted(progress(o.clientOrderId()));
        }
        if (!scripted.isEmpty()) {
            return scripted.poll();
        }
        if (o.type() == OrderType.LIMIT) {
            return new SubmitResult.Rejected(RejectReason.INVALID_ORDER, "simulated venue takes MARKET orders only");
        }
        if (stepSize != null) {
            Optional<SubmitResult.Rejected> broken = ruleViolation(o.quantity(), referencePrice(o));
            if (broken.isPresent()) {
                return broken.get();
            }
        }
        submissions++;
        requests.put(o.clientOrderId(), o);
        states.put(o.clientOrderId(), new ExchangeOrderState(o.clientOrderId(), "SIM-" + submissions, OrderStatus.ACK,
                Decimals.ZERO, null, null, null));
        fills.put(o.clientOrderId(), new ArrayList<>());
        ExchangeOrderState s = progress(o.clientOrderId());
        if (s.status() == OrderStatus.REJECTED) {
            return new SubmitResult.Rejected(s.rejectReason(), s.rejectMessage());
        }
        return new SubmitResult.Accepted(s);
    }

    /** Executes a resting MARKET order once its candle exists. */
    private ExchangeOrderState progress(ClientOrderId id) {
        ExchangeOrderState s = states.get(id);
        if (s.status() != OrderStatus.ACK) {
            return s;
        }
        OrderRequest o = requests.get(id);
        Optional<Candle> c = marketData.candleAt(o.asset().id(), venue, o.hour());
        if (c.isEmpty()) {
            return s;
        }
        BigDecimal adj = o.side() == OrderSide.BUY ? BigDecimal.ONE.add(slippageRate) : BigDecimal.ONE.subtract(slippageRate);
        BigDecimal price = Decimals.value(c.get().open().multiply(adj));
        BigDecimal notional = Decimals.multiply(o.quantity(), price);
        boolean baseFee = feeInBaseForBuys && o.side() == OrderSide.BUY;
        BigDecimal fee = baseFee ? Decimals.ZERO : notional.multiply(feeRate).setScale(Decimals.SCALE, RoundingMode.UP);
        if (o.side() == OrderSide.BUY && notional.add(fee).compareTo(o.preOrderCashAvailable()) > 0) {
            return rejectInsufficient(id, s, "cost " + notional.add(fee).toPlainString() + " > cash " + o.preOrderCashAvailable().toPlainString());
        }
        BigDecimal held = balances.getOrDefault(o.asset().base(), BigDecimal.ZERO);
        if (o.side() == OrderSide.SELL && o.quantity().compareTo(held) > 0) {
            return rejectInsufficient(id, s, "sell of " + o.quantity().toPlainString() + " " + o.asset().base() + " > balance "
                    + held.toPlainString());
        }
        List<BigDecimal> parts = new ArrayList<>();
        if (splitFills) {
            BigDecimal half = o.quantity().divide(BigDecimal.valueOf(2), Decimals.SCALE, RoundingMode.DOWN);
            if (half.signum() > 0) {
                parts.add(half);
            }
            parts.add(o.quantity().subtract(half));
        } else {
            parts.add(o.quantity());
        }
        List<ExchangeFill> out = fills.get(id);
        for (int i = 0; i < parts.size(); i++) {
            BigDecimal q = parts.get(i);
            BigDecimal f = (baseFee ? q : Decimals.multiply(q, price)).multiply(feeRate).setScale(Decimals.SCALE, RoundingMode.UP);
            out.add(new ExchangeFill(id, new ExchangeTradeId(id.value() + "-" + (i + 1)), q, price, f,
                    baseFee ? o.asset().base() : o.asset().quote(), o.hour().toInstant(), "TAKER"));
            BigDecimal sign = o.side() == OrderSide.BUY ? BigDecimal.ONE : BigDecimal.ONE.negate();
            balances.merge(o.asset().base(), q.multiply(sign).subtract(baseFee ? f : BigDecimal.ZERO), BigDecimal::add);
            balances.merge(o.asset().quote(), Decimals.multiply(q, price).multiply(sign).negate().subtract(baseFee ? BigDecimal.ZERO : f),
                    BigDecimal::add);
        }
        ExchangeOrderState done = new ExchangeOrderState(id, s.venueOrderId(), OrderStatus.FILLED, o.quantity(), price, null, null);
        states.put(id, done);
        return done;
    }

    private ExchangeOrderState rejectInsufficient(ClientOrderId id, ExchangeOrderState s, String why) {
        ExchangeOrderState r = new ExchangeOrderState(id, s.venueOrderId(), OrderStatus.REJECTED, Decimals.ZERO, null,
                RejectReason.INSUFFICIENT_BALANCE, why);
        states.put(id, r);
        return r;
    }

    @Override
    public synchronized ExchangeOrderState cancel(ClientOrderId id) {
        if (!states.containsKey(id)) {
            throw new NoSuchElementException("venue does not know " + id);
        }
        ExchangeOrderState s = progress(id);
        if (s.status().isTerminal()) {
            return s;
        }
        ExchangeOrderState c = new ExchangeOrderState(id, s.venueOrderId(), OrderStatus.CANCELLED, s.filledQuantity(), s.averagePrice(), null, null);
        states.put(id, c);
        return c;
    }

    @Override
    public synchronized Optional<ExchangeOrderState> query(ClientOrderId id) {
        return states.containsKey(id) ? Optional.of(progress(id)) : Optional.empty();
    }

    @Override
    public synchronized List<ExchangeFill> fills(ClientOrderId id) {
        if (!states.containsKey(id)) {
            return List.of();
        }
        progress(id);
        List<ExchangeFill> f = new ArrayList<>(fills.get(id));
        if (deliverTwice) {
            f.addAll(fills.get(id));
        }
        return f;
    }

    @Override
    public synchronized SortedMap<String, BigDecimal> balances() {
        return new TreeMap<>(balances);
    }
}
