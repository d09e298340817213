package io.tradingcore.adapter.exchange.model;

/** The venue could not be reached or kept refusing within the configured budgets; the state of the request is unknown. */
public final class VenueUnavailableException extends RuntimeException {
    public VenueUnavailableException(String message) {
        super(message);
    }
}
