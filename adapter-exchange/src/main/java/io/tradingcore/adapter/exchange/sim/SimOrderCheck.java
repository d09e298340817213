package io.tradingcore.adapter.exchange.sim;

import io.tradingcore.domain.Decimals;
import io.tradingcore.adapter.exchange.model.OrderTicket;
import io.tradingcore.domain.OrderSide;
import io.tradingcore.domain.OrderType;
import io.tradingcore.ports.out.RejectReason;
import io.tradingcore.ports.out.SubmitResult;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * What the simulated venue checks on submission, in Binance's order: symbol, lot and tick, a price to trade at,
 * minimum notional, then the balance; an order that passes has what it may spend locked as its reservation.
 */
final class SimOrderCheck {
    private final SimConfig config;
    private final SimPricing pricing;
    private final SimFees fees;
    private final SimBalances balances;

    SimOrderCheck(SimConfig config, SimPricing pricing, SimFees fees, SimBalances balances) {
        this.config = config;
        this.pricing = pricing;
        this.fees = fees;
        this.balances = balances;
    }

    /** The rejection of {@code o}, or empty once its reservation is locked. */
    Optional<SubmitResult.Rejected> validateAndReserve(SimOrder o) {
        OrderTicket t = o.ticket;
        SymbolRules r = config.rules().get(t.symbol());
        if (r == null) {
            return reject(RejectReason.UNKNOWN_SYMBOL, "symbol " + t.symbol() + " is not traded here");
        }
        Optional<SubmitResult.Rejected> lotOrTick = r.lotOrTickViolation(t.quantity(), t.kind() == OrderType.LIMIT ? t.limitPrice() : null);
        if (lotOrTick.isPresent()) {
            return lotOrTick;
        }
        BigDecimal priceBasis;
        if (t.kind() == OrderType.LIMIT) {
            priceBasis = t.limitPrice();
        } else {
            Optional<BigDecimal> ref = pricing.referencePrice(t.symbol(), t.decidedAt());
            if (ref.isEmpty()) {
                return reject(RejectReason.MARKET_CLOSED, "no market data for " + t.symbol() + " at or before " + t.decidedAt());
            }
            priceBasis = ref.get();
        }
        Optional<SubmitResult.Rejected> belowMinimum = r.notionalViolation(t.quantity(), priceBasis);
        if (belowMinimum.isPresent()) {
            return belowMinimum;
        }
        String asset;
        BigDecimal needed;
        if (t.side() == OrderSide.SELL) {
            asset = r.base();
            needed = Decimals.value(t.quantity());
        } else {
            asset = r.quote();
            BigDecimal unit = t.kind() == OrderType.LIMIT ? t.limitPrice() : pricing.worstBuyPrice(t.symbol(), t.decidedAt(), priceBasis);
            needed = fees.buyReservation(t.quantity().multiply(unit));
        }
        BigDecimal free = balances.free(asset);
        if (free.compareTo(needed) < 0) {
            return reject(RejectReason.INSUFFICIENT_BALANCE, "order " + t.clientOrderId() + " needs " + needed.stripTrailingZeros().toPlainString()
                    + " " + asset + ", free is " + free.stripTrailingZeros().toPlainString());
        }
        balances.reserve(o, asset, needed);
        return Optional.empty();
    }

    private static Optional<SubmitResult.Rejected> reject(RejectReason reason, String message) {
        return Optional.of(new SubmitResult.Rejected(reason, message));
    }
}
