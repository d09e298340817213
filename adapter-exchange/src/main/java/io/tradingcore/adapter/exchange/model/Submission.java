package io.tradingcore.adapter.exchange.model;

import io.tradingcore.ports.out.RejectReason;
import java.util.Objects;

/** Outcome of a submit, mirroring the port's SubmitResult. */
public sealed interface Submission {
    record Accepted(VenueOrder order) implements Submission {
        public Accepted {
            Objects.requireNonNull(order, "order");
        }
    }

    record Rejected(RejectReason reason, String message) implements Submission {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(message, "message");
        }
    }

    /** The venue did not answer conclusively; the caller must query before resubmitting. */
    record Unknown(String why) implements Submission {
        public Unknown {
            Objects.requireNonNull(why, "why");
        }
    }
}
