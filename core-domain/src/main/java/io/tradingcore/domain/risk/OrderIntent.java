package io.tradingcore.domain.risk;

import io.tradingcore.domain.AssetId;
import io.tradingcore.domain.Decimals;
import io.tradingcore.domain.OrderSide;
import java.math.BigDecimal;
import java.util.Objects;

/** An order the cycle would like to place, before risk: side and notional at the reference price. */
public record OrderIntent(AssetId asset, OrderSide side, BigDecimal notional, BigDecimal referencePrice) {
    public OrderIntent {
        Objects.requireNonNull(asset, "intent.asset");
        Objects.requireNonNull(side, "intent.side");
        notional = Decimals.value(notional);
        referencePrice = Decimals.exact(referencePrice, "intent.referencePrice");
        if (notional.signum() < 0) {
            throw new IllegalArgumentException("intent notional must be >= 0");
        }
        if (referencePrice.signum() <= 0) {
            throw new IllegalArgumentException("intent reference price must be > 0");
        }
    }

    /** The same intent with another notional. */
    public OrderIntent withNotional(BigDecimal n) {
        return new OrderIntent(asset, side, n, referencePrice);
    }
}
