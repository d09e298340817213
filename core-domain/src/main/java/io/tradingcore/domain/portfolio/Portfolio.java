package io.tradingcore.domain.portfolio;

import io.tradingcore.domain.AssetId;
import io.tradingcore.domain.Decimals;
import io.tradingcore.domain.HourTs;
import io.tradingcore.domain.order.Fill;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** The positions of an account by asset (sorted, so iteration is deterministic). Immutable. */
public record Portfolio(SortedMap<AssetId, Position> positions) {
    public Portfolio {
        positions = Collections.unmodifiableSortedMap(new TreeMap<>(positions));
        positions.forEach((k, v) -> {
            if (!k.equals(v.asset())) {
                throw new IllegalArgumentException("position keyed by " + k + " is for " + v.asset());
            }
        });
    }

    public static Portfolio empty() {
        return new Portfolio(new TreeMap<>());
    }

    /** The position in an asset (flat if none). */
    public Position position(AssetId asset) {
        return positions.getOrDefault(asset, Position.flat(asset));
    }

    /** The portfolio after a fill. */
    public Portfolio apply(Fill fill) {
        TreeMap<AssetId, Position> next = new TreeMap<>(positions);
        next.put(fill.asset(), position(fill.asset()).apply(fill));
        return new Portfolio(next);
    }

    /**
     * Market value at the given marks.
     *
     * @throws IllegalStateException if a non-flat position has no mark (a valuation must not guess)
     */
    public BigDecimal marketValue(Map<AssetId, BigDecimal> marks) {
        BigDecimal total = Decimals.ZERO;
        for (Position p : positions.values()) {
            if (!p.isFlat()) {
                total = total.add(p.marketValue(markOf(marks, p.asset())));
            }
        }
        return Decimals.value(total);
    }

    /** Hourly rows for every asset with a position or a mark, in asset order. */
    public List<PositionState> states(HourTs hour, Map<AssetId, BigDecimal> marks) {
        List<PositionState> out = new ArrayList<>();
        for (Position p : positions.values()) {
            BigDecimal mark = marks.get(p.asset());
            if (mark == null && p.isFlat()) {
                continue;
            }
            out.add(PositionState.of(p, hour, markOf(marks, p.asset())));
        }
        return out;
    }

    private static BigDecimal markOf(Map<AssetId, BigDecimal> marks, AssetId asset) {
        BigDecimal m = marks.get(asset);
        if (m == null) {
            throw new IllegalStateException("no mark price for held asset " + asset);
        }
        return m;
    }
}
