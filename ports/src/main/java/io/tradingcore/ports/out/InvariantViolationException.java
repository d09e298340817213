package io.tradingcore.ports.out;

/**
 * The store refused a write because a guarantee would break (no leverage, 20% halt, no lookahead, ...).
 * The domain checks the same rules first, so this signals a bug or a tampered input; the message
 * names the rule, e.g. "no-leverage rule: requested 1000.00 &gt; cash 900.00".
 */
public class InvariantViolationException extends PortException {
    private static final long serialVersionUID = 1L;

    public InvariantViolationException(String message) {
        super(message);
    }

    public InvariantViolationException(String message, Throwable cause) {
        super(message, cause);
    }
}
