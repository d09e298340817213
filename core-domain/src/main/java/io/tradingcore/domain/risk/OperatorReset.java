package io.tradingcore.domain.risk;

import java.time.Instant;
import java.util.Objects;

/** An operator's explicit decision to lift a HALT20 halt. */
public record OperatorReset(String operator, String reason, Instant at) {
    public OperatorReset {
        Objects.requireNonNull(operator, "reset.operator");
        Objects.requireNonNull(reason, "reset.reason");
        Objects.requireNonNull(at, "reset.at");
        if (operator.isBlank() || reason.isBlank()) {
            throw new IllegalArgumentException("an operator reset needs an operator name and a reason");
        }
    }
}
