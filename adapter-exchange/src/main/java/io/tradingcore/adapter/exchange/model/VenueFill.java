package io.tradingcore.adapter.exchange.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/** One execution. {@code liquidity} is "MAKER" or "TAKER"; the fee is in {@code feeAsset}. */
public record VenueFill(String clientOrderId, String tradeId, BigDecimal quantity, BigDecimal price,
                        BigDecimal fee, String feeAsset, Instant tradeTs, String liquidity) {
    public VenueFill {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(tradeId, "tradeId");
        Objects.requireNonNull(feeAsset, "feeAsset");
        Objects.requireNonNull(tradeTs, "tradeTs");
        if (quantity == null || quantity.signum() <= 0) {
            throw new IllegalArgumentException("fill quantity must be > 0, got " + quantity + " in trade " + tradeId);
        }
        if (price == null || price.signum() <= 0) {
            throw new IllegalArgumentException("fill price must be > 0, got " + price + " in trade " + tradeId);
        }
        if (fee == null || fee.signum() < 0) {
            throw new IllegalArgumentException("fill fee must be >= 0, got " + fee + " in trade " + tradeId);
        }
        if (!"MAKER".equals(liquidity) && !"TAKER".equals(liquidity)) {
            throw new IllegalArgumentException("liquidity must be MAKER or TAKER, got " + liquidity);
        }
    }
}
