package io.tradingcore.domain.portfolio;

import io.tradingcore.domain.AssetId;
import io.tradingcore.domain.Decimals;
import io.tradingcore.domain.OrderSide;
import io.tradingcore.domain.order.Fill;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A long-only spot position. Buy fees go into the average cost (what the holding really cost); sell
 * fees reduce realised PnL. Quantity never goes below zero: selling more than is held is a broken
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

    /** The position after a fill of this asset. */
    public Position apply(Fill fill) {
        if (!fill.asset().equals(asset)) {
            throw new IllegalArgumentException("fill of asset " + fill.asset() + " applied to position in " + asset);
        }
        if (fill.side() == OrderSide.BUY) {
            BigDecimal qty = quantity.add(fill.quantity());
            BigDecimal cost = quantity.multiply(avgCost).add(fill.quantity().multiply(fill.price())).add(fill.fee());
            return new Position(asset, qty, Decimals.divide(cost, qty), realisedPnl);
        }
        if (fill.quantity().compareTo(quantity) > 0) {
            throw new IllegalStateException("long-only: sell of " + fill.quantity().toPlainString() + " exceeds position "
                    + quantity.toPlainString() + " in " + asset);
        }
        BigDecimal qty = quantity.subtract(fill.quantity());
        BigDecimal pnl = Decimals.value(fill.quantity().multiply(fill.price().subtract(avgCost)).subtract(fill.fee()));
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
