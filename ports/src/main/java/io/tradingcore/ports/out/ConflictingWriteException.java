package io.tradingcore.ports.out;

/**
 * A write found a row with the same key and different content (append-only data: a correction must be
 * a new row, a replay must be identical). The message names the table family and the key.
 */
public class ConflictingWriteException extends PortException {
    private static final long serialVersionUID = 1L;

    public ConflictingWriteException(String message) {
        super(message);
    }
}
