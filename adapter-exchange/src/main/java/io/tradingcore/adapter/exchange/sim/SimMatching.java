package io.tradingcore.adapter.exchange.sim;

import io.tradingcore.domain.Candle;
import io.tradingcore.domain.Decimals;
import io.tradingcore.adapter.exchange.model.VenueDecimals;
import io.tradingcore.adapter.exchange.model.OrderTicket;
import io.tradingcore.adapter.exchange.model.TimeInForce;
import io.tradingcore.domain.ExchangeTradeId;
import io.tradingcore.domain.OrderSide;
import io.tradingcore.domain.OrderStatus;
import io.tradingcore.domain.OrderType;
import io.tradingcore.ports.out.ExchangeFill;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;

/**
 * The matching of {@link SimulatedExchange}: a bar's open phase (MARKET orders, limits marketable on arrival, as a
 * taker) and its range phase (resting limits the market traded through, as a maker), each fill capped by the bar's
 * volume share and, for a buy, by the funds; fees and balances booked per fill; deterministic, seed-scoped trade ids.
 * It walks the exchange's working orders (submission order) and removes those that end.
 */
final class SimMatching {
    private static final long ONE_MILLI = 1;

    private final SimConfig config;
    private final SimPricing pricing;
    private final SimFees fees;
    private final SimBalances wallet;
    /** The exchange's orders still working, in submission order. */
    private final Map<String, SimOrder> working;

    SimMatching(SimConfig config, SimPricing pricing, SimFees fees, SimBalances wallet, Map<String, SimOrder> working) {
        this.config = config;
        this.pricing = pricing;
        this.fees = fees;
        this.wallet = wallet;
        this.working = working;
    }

    /** The open of a bar: MARKET orders (new, or GTC remainders) and limits on their arrival. */
    void openPhase(SimMarket m, Candle bar) {
        m.opened = bar.openTime().toInstant();
        m.volumeLeft = VenueDecimals.floorToStep(bar.volume().multiply(config.maxVolumeShare()), config.rules().get(m.symbol).stepSize());
        for (Iterator<SimOrder> it = working.values().iterator(); it.hasNext(); ) {
            SimOrder o = it.next();
            if (o.ticket.symbol().equals(m.symbol) && !o.ticket.decidedAt().isAfter(m.opened)) {
                arrive(o, m, bar);
                if (o.status.isTerminal()) {
                    it.remove();
                }
            }
        }
    }

    void arrive(SimOrder o, SimMarket m, Candle bar) {
        OrderTicket t = o.ticket;
        BigDecimal half = pricing.halfSpreadBps(t.symbol(), bar.openTime().toInstant());
        boolean outOfFunds = false;
        if (t.kind() == OrderType.MARKET) {
            outOfFunds = execute(o, m, bar, pricing.takerPrice(t.side(), bar.open(), half), "TAKER");
            settle(o, t.timeInForce() == TimeInForce.IOC || outOfFunds);
        } else if (!o.arrived && SimPricing.isMarketable(t, SimPricing.adverse(t.side(), bar.open(), half))) {
            outOfFunds = execute(o, m, bar, SimPricing.capAtLimit(t, pricing.takerPrice(t.side(), bar.open(), half)), "TAKER");
            settle(o, outOfFunds);
        }
        o.arrived = true;
    }

    /** The range of a closed bar: resting limits the market traded through; then IOC remainders end. */
    void rangePhase(SimMarket m, Candle bar) {
        m.closed = bar.openTime().toInstant();
        for (Iterator<SimOrder> it = working.values().iterator(); it.hasNext(); ) {
            SimOrder o = it.next();
            OrderTicket t = o.ticket;
            if (!o.arrived || !t.symbol().equals(m.symbol) || t.decidedAt().isAfter(m.closed)) {
                continue;
            }
            boolean outOfFunds = false;
            if (t.kind() == OrderType.LIMIT && SimPricing.tradesThrough(t, bar)) {
                outOfFunds = execute(o, m, bar, t.limitPrice(), "MAKER");
            }
            settle(o, t.timeInForce() == TimeInForce.IOC || outOfFunds);
            if (o.status.isTerminal()) {
                it.remove();
            }
        }
    }

    /**
     * Fills what the bar's remaining volume share and (for a buy) the funds allow at {@code price}.
     * Returns true when funds, not volume or quantity, limited the fill.
     */
    private boolean execute(SimOrder o, SimMarket m, Candle bar, BigDecimal price, String liquidity) {
        SymbolRules r = config.rules().get(m.symbol);
        if (m.volumeLeft.signum() <= 0 || o.remaining().signum() <= 0) {
            return false;
        }
        BigDecimal wanted = o.remaining().min(m.volumeLeft);
        BigDecimal qty = wanted;
        BigDecimal feeBps = fees.feeBps(liquidity);
        if (o.ticket.side() == OrderSide.BUY) {
            qty = qty.min(affordable(o, price, feeBps, r.stepSize()));
        }
        if (qty.signum() > 0) {
            fill(o, r, bar, qty, price, feeBps, liquidity);
            m.volumeLeft = m.volumeLeft.subtract(qty);
        }
        return qty.compareTo(wanted) < 0;
    }

    /** Sets the status after a phase; {@code endRemainder} cancels what is left (IOC, or no funds to go on). */
    private void settle(SimOrder o, boolean endRemainder) {
        if (o.remaining().signum() == 0) {
            o.status = OrderStatus.FILLED;
            wallet.release(o);
        } else if (endRemainder) {
            o.status = OrderStatus.CANCELLED;
            wallet.release(o);
        } else {
            o.status = o.filled.signum() > 0 ? OrderStatus.PARTIAL : OrderStatus.ACK;
        }
    }

    /** Largest lot-rounded quantity the order's reservation plus the free quote balance can pay for. */
    private BigDecimal affordable(SimOrder o, BigDecimal price, BigDecimal feeBps, BigDecimal step) {
        return VenueDecimals.floorToStep(wallet.funds(o).divide(fees.buyUnitCost(price, feeBps), Decimals.SCALE, RoundingMode.DOWN), step);
    }

    private void fill(SimOrder o, SymbolRules r, Candle bar, BigDecimal qty, BigDecimal price, BigDecimal feeBps, String liquidity) {
        OrderTicket t = o.ticket;
        BigDecimal notional = Decimals.value(qty.multiply(price));
        BigDecimal fee = fees.fee(t.side(), qty, notional, feeBps);
        String feeAsset = fees.inBase(t.side()) ? r.base() : r.quote();
        if (t.side() == OrderSide.BUY) {
            // a fee in the base asset comes off the quantity received, a fee in quote on top of the notional paid
            wallet.spend(o, fees.inBase(t.side()) ? notional : notional.add(fee));
            wallet.credit(r.base(), qty, fees.inBase(t.side()) ? fee : BigDecimal.ZERO);
        } else {
            wallet.spend(o, Decimals.value(qty));
            wallet.credit(r.quote(), notional, fee);
        }
        Instant ts = "TAKER".equals(liquidity) ? bar.openTime().toInstant() : bar.closeTime().toInstant().minusMillis(ONE_MILLI);
        o.fills.add(new ExchangeFill(t.clientOrderId(), new ExchangeTradeId(tradeId(t.clientOrderId().value(), o.fills.size())),
                Decimals.value(qty), price, fee,
                feeAsset, ts, liquidity));
        o.filled = o.filled.add(qty);
        o.filledNotional = o.filledNotional.add(notional);
    }

    /** Deterministic, seed-scoped trade id: the same run gives the same ids, another seed a disjoint-looking set. */
    private String tradeId(String clientOrderId, int index) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] d = sha.digest((config.seed() + "|" + clientOrderId + "|" + index).getBytes(StandardCharsets.UTF_8));
            return "SIM-T-" + HexFormat.of().formatHex(d, 0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
