package io.tradingcore.ports.out;

/** A market data venue could not be reached, kept refusing within its budget, or refused the request; the message says which. */
public class MarketDataUnavailableException extends PortException {
    private static final long serialVersionUID = 1L;

    public MarketDataUnavailableException(String message) {
        super(message);
    }
}
