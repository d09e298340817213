package io.tradingcore.adapter.exchange.model;

import io.tradingcore.domain.OrderStatus;
import io.tradingcore.ports.out.RejectReason;
import java.math.BigDecimal;
import java.util.Objects;

/** The venue's view of one order. averagePrice is null until something filled; reject is set only when REJECTED. */
public record VenueOrder(String clientOrderId, String venueOrderId, String symbol, OrderStatus status,
                         BigDecimal filledQuantity, BigDecimal averagePrice, RejectReason reject, String rejectMessage) {
    public VenueOrder {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(filledQuantity, "filledQuantity");
        if (filledQuantity.signum() < 0) {
            throw new IllegalArgumentException("filledQuantity must be >= 0, got " + filledQuantity);
        }
        if ((status == OrderStatus.REJECTED) != (reject != null)) {
            throw new IllegalArgumentException("a reject reason goes with status REJECTED only: " + status + "/" + reject);
        }
    }
}
