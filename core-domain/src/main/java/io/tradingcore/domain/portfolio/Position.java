package io.tradingcore.domain.portfolio;

import io.tradingcore.domain.AssetId;
import io.tradingcore.domain.Decimals;
import io.tradingcore.domain.OrderSide;
import io.tradingcore.domain.order.Fill;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A long-only spot position. Buy fees go into the average cost (what the holding really cost): a cash
 * fee as cost, a base-asset fee as fewer units for the same cost; sell fees reduce realised PnL. Quantity never goes below zero: selling more than is held is a broken
 * invariant (orders are sized from the position) and throws.
 */
public record Position(AssetId asset, BigDecimal quantity, BigDecimal avgCost, BigDecimal realisedPnl) {
    public Position {
        Objects.requireNonNull(asset, "position.asset");
        quantity = Decimals.exact(quantity, "position.quantity");
        avgCost = Decimals.exact(avgCost, "position.avgCost");
        realisedPnl = Decimals.exact(realisedPnl, "position.realisedPnl");
        if (quantity.signum() < 0) {
            throw new IllegalArgumentException("long-only: position quantity must be >= 0, was " + quantity.toPlainString());
        }
        if (avgCost.signum() < 0) {
            throw new IllegalArgumentException("position avgCost must be >= 0");
        }
    }

    /** No holding. */
    public static Position flat(AssetId asset) {
        return new Position(asset, Decimals.ZERO, Decimals.ZERO, Decimals.ZERO);
    }

    public boolean isFlat() {
        return quantity.signum() == 0;
    }

    /**
     * The position after a fill of this asset. A BUY adds its quantity less a base-asset fee at a cost of
     * its notional plus a cash fee (so the fee, in either currency, is in the average cost once); a SELL
     * removes its quantity plus a base-asset fee, and its realised PnL is the proceeds less the cash fee
     * less the average cost of everything that left the position.
     *
     * @throws IllegalStateException if a sell (with its base-asset fee) exceeds the position
     */
    public Position apply(Fill fill) {
        if (!fill.asset().equals(asset)) {
            throw new IllegalArgumentException("fill of asset " + fill.asset() + " applied to position in " + asset);
        }
        BigDecimal qty = quantity.add(fill.positionDelta());
        if (fill.side() == OrderSide.BUY) {
            BigDecimal cost = quantity.multiply(avgCost).add(fill.quantity().multiply(fill.price())).add(fill.cashFee());
            return new Position(asset, qty, Decimals.divide(cost, qty), realisedPnl);
        }
        if (qty.signum() < 0) {
            throw new IllegalStateException("long-only: sell of " + fill.quantity().toPlainString()
                    + (fill.baseFee().signum() > 0 ? " plus fee " + fill.baseFee().toPlainString() : "") + " exceeds position "
                    + quantity.toPlainString() + " in " + asset);
        }
        BigDecimal left = fill.positionDelta().negate();
        BigDecimal pnl = Decimals.value(fill.quantity().multiply(fill.price()).subtract(fill.cashFee()).subtract(left.multiply(avgCost)));
        return new Position(asset, qty, qty.signum() == 0 ? Decimals.ZERO : avgCost, realisedPnl.add(pnl));
    }

    /** quantity x mark. */
    public BigDecimal marketValue(BigDecimal mark) {
        return Decimals.multiply(quantity, mark);
    }

    /** quantity x (mark - avgCost). */
    public BigDecimal unrealisedPnl(BigDecimal mark) {
        return Decimals.multiply(quantity, mark.subtract(avgCost));
    }
}
