package io.tradingcore.domain.risk;

import java.util.List;
import java.util.Objects;

/** The verdict of the risk check on one intent. */
public sealed interface RiskDecision {

    /** Approved, possibly shrunk; {@code adjustments} lists what each shrinking rule did. */
    record Approved(OrderIntent intent, List<String> adjustments) implements RiskDecision {
        public Approved {
            Objects.requireNonNull(intent, "intent");
            adjustments = List.copyOf(adjustments);
        }
    }

    /** Denied by {@code rule}; {@code type} is the risk event to record. */
    record Denied(OrderIntent intent, String rule, RiskEventType type, String reason) implements RiskDecision {
        public Denied {
            Objects.requireNonNull(intent, "intent");
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
