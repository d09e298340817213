package io.tradingcore.domain.portfolio;

import io.tradingcore.domain.AssetId;
import io.tradingcore.domain.Decimals;
import io.tradingcore.domain.HourTs;
import java.math.BigDecimal;
import java.util.Objects;

/** A position at the end of an hour, marked at the last known close (position_hourly_state). */
public record PositionState(AssetId asset, HourTs hour, BigDecimal quantity, BigDecimal avgCost, BigDecimal markPrice,
                            BigDecimal marketValue, BigDecimal realisedPnl, BigDecimal unrealisedPnl) {
    public PositionState {
        Objects.requireNonNull(asset, "positionState.asset");
        Objects.requireNonNull(hour, "positionState.hour");
        quantity = Decimals.exact(quantity, "positionState.quantity");
        avgCost = Decimals.exact(avgCost, "positionState.avgCost");
        markPrice = Decimals.exact(markPrice, "positionState.markPrice");
        marketValue = Decimals.exact(marketValue, "positionState.marketValue");
        realisedPnl = Decimals.exact(realisedPnl, "positionState.realisedPnl");
        unrealisedPnl = Decimals.exact(unrealisedPnl, "positionState.unrealisedPnl");
        if (quantity.signum() < 0) {
            throw new IllegalArgumentException("long-only: position quantity must be >= 0");
        }
    }

    /** The state of {@code p} marked at {@code mark}. */
    public static PositionState of(Position p, HourTs hour, BigDecimal mark) {
        return new PositionState(p.asset(), hour, p.quantity(), p.avgCost(), Decimals.exact(mark, "mark"),
                p.marketValue(mark), p.realisedPnl(), p.unrealisedPnl(mark));
    }

    /** Back to the running position (drops the mark). */
    public Position position() {
        return new Position(asset, quantity, avgCost, realisedPnl);
    }
}
