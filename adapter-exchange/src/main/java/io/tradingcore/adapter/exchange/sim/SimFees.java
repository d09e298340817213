package io.tradingcore.adapter.exchange.sim;

import io.tradingcore.domain.Decimals;
import io.tradingcore.adapter.exchange.model.VenueDecimals;
import io.tradingcore.domain.OrderSide;
import java.math.BigDecimal;

/**
 * The simulated venue's fee model: maker and taker rates in bps (set from the one cost model's fee by
 * {@code SimulatedAccounts}), charged in the quote asset, or for BUYs in the base asset when so configured.
 */
final class SimFees {
    private final SimConfig config;

    SimFees(SimConfig config) {
        this.config = config;
    }

    BigDecimal feeBps(String liquidity) {
        return "MAKER".equals(liquidity) ? config.makerFeeBps() : config.takerFeeBps();
    }

    /** The fee of a fill is taken from the base asset (the quantity received), not from the quote. */
    boolean inBase(OrderSide side) {
        return side == OrderSide.BUY && config.feeInBaseForBuys();
    }

    /** The fee of a fill of {@code qty} worth {@code notional}, in the base asset when {@link #inBase}, else in the quote. */
    BigDecimal fee(OrderSide side, BigDecimal qty, BigDecimal notional, BigDecimal feeBps) {
        return inBase(side) ? VenueDecimals.bps(qty, feeBps) : VenueDecimals.bps(notional, feeBps);
    }

    /** The quote a BUY costing {@code cost} locks: the cost, plus the higher fee rate when the fee is paid in quote. */
    BigDecimal buyReservation(BigDecimal cost) {
        return config.feeInBaseForBuys() ? Decimals.value(cost)
                : Decimals.value(cost.add(VenueDecimals.bps(cost, config.makerFeeBps().max(config.takerFeeBps()))));
    }

    /** The quote one unit bought at {@code price} costs, fee included when it is paid in quote. */
    BigDecimal buyUnitCost(BigDecimal price, BigDecimal feeBps) {
        return config.feeInBaseForBuys() ? price : price.add(VenueDecimals.bps(price, feeBps));
    }
}
