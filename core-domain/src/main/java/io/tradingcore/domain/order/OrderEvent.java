package io.tradingcore.domain.order;

import java.util.Objects;

/** What can happen to an order. The state machine keys its table on {@link #kind()}. */
public sealed interface OrderEvent {
    /** The table key of the event. */
    Kind kind();

    /** Table keys, one per event type. */
    enum Kind { ACKNOWLEDGE, PARTIAL_FILL, COMPLETE_FILL, CANCEL, REJECT }

    /** The venue accepted the order. */
    record Acknowledged() implements OrderEvent {
        @Override
        public Kind kind() {
            return Kind.ACKNOWLEDGE;
        }
    }

    /** A fill that leaves a remainder. */
    record PartiallyFilled() implements OrderEvent {
        @Override
        public Kind kind() {
            return Kind.PARTIAL_FILL;
        }
    }

    /** A fill that completes the order quantity. */
    record Filled() implements OrderEvent {
        @Override
        public Kind kind() {
            return Kind.COMPLETE_FILL;
        }
    }

    /** The order was cancelled (by us, by policy such as HALT20, or by time-in-force). */
    record Cancelled(String reason) implements OrderEvent {
        public Cancelled {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public Kind kind() {
            return Kind.CANCEL;
        }
    }

    /** The venue refused the order. */
    record Rejected(String reason) implements OrderEvent {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public Kind kind() {
            return Kind.REJECT;
        }
    }
}
