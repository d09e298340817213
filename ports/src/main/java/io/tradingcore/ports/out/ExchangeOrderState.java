package io.tradingcore.ports.out;

import io.tradingcore.domain.ClientOrderId;
import io.tradingcore.domain.Decimals;
import io.tradingcore.domain.OrderStatus;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * The venue's view of an order. {@code averagePrice} is null while nothing is filled;
 * {@code rejectReason} and {@code rejectMessage} are set exactly when status is REJECTED.
 */
public record ExchangeOrderState(ClientOrderId clientOrderId, String venueOrderId, OrderStatus status,
                                 BigDecimal filledQuantity, BigDecimal averagePrice, RejectReason rejectReason,
                                 String rejectMessage) {
    public ExchangeOrderState {
        Objects.requireNonNull(clientOrderId, "state.clientOrderId");
        Objects.requireNonNull(venueOrderId, "state.venueOrderId");
        Objects.requireNonNull(status, "state.status");
        filledQuantity = Decimals.exact(filledQuantity, "state.filledQuantity");
        if (averagePrice != null) {
            averagePrice = Decimals.exact(averagePrice, "state.averagePrice");
        }
        if ((status == OrderStatus.REJECTED) != (rejectReason != null)) {
            throw new IllegalArgumentException("rejectReason must be set exactly for REJECTED orders (" + clientOrderId + ")");
        }
    }
}
