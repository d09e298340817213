package io.tradingcore.ports.out;

import java.util.Objects;

/** What a submission to the venue returned. */
public sealed interface SubmitResult permits SubmitResult.Accepted, SubmitResult.Rejected, SubmitResult.Unknown {

    /** The venue holds the order (maybe already filled). */
    record Accepted(ExchangeOrderState state) implements SubmitResult {
        public Accepted {
            Objects.requireNonNull(state, "state");
        }
    }

    /** The venue refused the order; nothing is open. */
    record Rejected(RejectReason reason, String message) implements SubmitResult {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(message, "message");
        }
    }

    /** The venue did not answer (timeout, 5xx): the caller must {@link ExchangeGateway#query} before resubmitting. */
    record Unknown(String why) implements SubmitResult {
        public Unknown {
            Objects.requireNonNull(why, "why");
        }
    }
}
