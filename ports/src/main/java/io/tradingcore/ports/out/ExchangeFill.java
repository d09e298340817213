package io.tradingcore.ports.out;

import io.tradingcore.domain.ClientOrderId;
import io.tradingcore.domain.Decimals;
import io.tradingcore.domain.ExchangeTradeId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One trade as the venue reports it. Quantity is this trade's own quantity (never cumulative); the fee
 * is in {@code feeAsset} (the quote currency, or the base asset on some venues).
 */
public record ExchangeFill(ClientOrderId clientOrderId, ExchangeTradeId exchangeTradeId, BigDecimal quantity,
                           BigDecimal price, BigDecimal fee, String feeAsset, Instant tradeTs, String liquidity) {
    public ExchangeFill {
        Objects.requireNonNull(clientOrderId, "fill.clientOrderId");
        Objects.requireNonNull(exchangeTradeId, "fill.exchangeTradeId");
        Objects.requireNonNull(feeAsset, "fill.feeAsset");
        Objects.requireNonNull(tradeTs, "fill.tradeTs");
        Objects.requireNonNull(liquidity, "fill.liquidity");
        quantity = Decimals.exact(quantity, "fill.quantity");
        price = Decimals.exact(price, "fill.price");
        fee = Decimals.exact(fee, "fill.fee");
        if (quantity.signum() <= 0 || price.signum() <= 0 || fee.signum() < 0) {
            throw new IllegalArgumentException("exchange fill needs quantity > 0, price > 0, fee >= 0: " + exchangeTradeId);
        }
        if (!liquidity.equals("MAKER") && !liquidity.equals("TAKER")) {
            throw new IllegalArgumentException("exchange fill liquidity must be MAKER or TAKER, was '" + liquidity + "'");
        }
    }
}
