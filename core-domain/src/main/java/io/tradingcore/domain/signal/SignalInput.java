package io.tradingcore.domain.signal;

import io.tradingcore.domain.AssetId;
import io.tradingcore.domain.Decimals;
import io.tradingcore.domain.HourTs;
import io.tradingcore.domain.StackPrediction;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * What the policy decides from: model outputs, the current position (quantity and value at the
 * mark), account equity, and the spread (null when no book snapshot is known).
 */
public record SignalInput(AssetId asset, HourTs hour, StackPrediction stack, BigDecimal positionQuantity,
                          BigDecimal positionValue, BigDecimal equity, BigDecimal spreadBps) {
    public SignalInput {
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(hour, "hour");
        Objects.requireNonNull(stack, "stack");
        positionQuantity = Decimals.exact(positionQuantity, "positionQuantity");
        positionValue = Decimals.value(positionValue);
        equity = Decimals.value(equity);
        if (positionQuantity.signum() < 0) {
            throw new IllegalArgumentException("long-only: positionQuantity must be >= 0");
        }
    }
}
