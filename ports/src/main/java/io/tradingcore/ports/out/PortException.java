package io.tradingcore.ports.out;

/**
 * Base of the exceptions a repository port may throw instead of vendor exceptions (SQLState codes,
 * driver exceptions never cross a port). Messages name the violated rule.
 */
public class PortException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PortException(String message) {
        super(message);
    }

    public PortException(String message, Throwable cause) {
        super(message, cause);
    }
}
