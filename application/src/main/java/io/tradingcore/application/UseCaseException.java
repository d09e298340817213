package io.tradingcore.application;

/**
 * An expected refusal of a use case: bad input or a missing precondition (no active models, nothing to train on),
 * with a message that names what was wrong. Nothing stored is changed by the refusal. A host service shows the
 * message; the CLI prints it as one line and exits with code 2 (usage).
 */
public class UseCaseException extends RuntimeException {

    public UseCaseException(String message) {
        super(message);
    }

    public UseCaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
