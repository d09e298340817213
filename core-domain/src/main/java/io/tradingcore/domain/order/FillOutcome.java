package io.tradingcore.domain.order;

import java.util.Objects;

/** Result of applying a fill to an order: expected rejections are values, not exceptions. */
public sealed interface FillOutcome {
    Fill fill();

    /** The fill was booked; {@code order} is the order after it. */
    record Applied(Order order, Fill fill) implements FillOutcome {
        public Applied {
            Objects.requireNonNull(order, "order");
            Objects.requireNonNull(fill, "fill");
        }
    }

    /** The same (order id, exchange trade id) was already booked; nothing changed. */
    record Duplicate(Fill fill) implements FillOutcome {
        public Duplicate {
            Objects.requireNonNull(fill, "fill");
        }
    }

    /** The fill cannot be booked (it would exceed the order quantity, the order is closed, ...). */
    record Refused(Fill fill, String reason) implements FillOutcome {
        public Refused {
            Objects.requireNonNull(fill, "fill");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
