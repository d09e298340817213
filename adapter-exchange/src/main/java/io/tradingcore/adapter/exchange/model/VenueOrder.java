package io.tradingcore.adapter.exchange.model;

import java.math.BigDecimal;
import java.util.Objects;

/** The venue's view of one order. averagePrice is null until something filled; reject is set only when REJECTED. */
public record VenueOrder(String clientOrderId, String venueOrderId, String symbol, VenueStatus status,
                         BigDecimal filledQuantity, BigDecimal averagePrice, Reject reject, String rejectMessage) {
    public VenueOrder {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(filledQuantity, "filledQuantity");
        if (filledQuantity.signum() < 0) {
            throw new IllegalArgumentException("filledQuantity must be >= 0, got " + filledQuantity);
        }
        if ((status == VenueStatus.REJECTED) != (reject != null)) {
            throw new IllegalArgumentException("a reject reason goes with status REJECTED only: " + status + "/" + reject);
        }
    }
}
