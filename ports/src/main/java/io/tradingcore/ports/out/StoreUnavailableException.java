package io.tradingcore.ports.out;

/** The store could not be reached or the transaction was aborted; nothing of the call was written. Retryable. */
public class StoreUnavailableException extends PortException {
    private static final long serialVersionUID = 1L;

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
