package io.tradingcore.domain.risk;

import java.util.Objects;

/** What one rule did to an intent: let it pass (maybe shrunk, with a note) or deny it. */
public sealed interface RuleOutcome {
    /** Passed; {@code note} is non-null when the rule changed the intent. */
    record Pass(OrderIntent intent, String note) implements RuleOutcome {
        public Pass {
            Objects.requireNonNull(intent, "intent");
        }
    }

    /** Denied with the event type to record. */
    record Deny(RiskEventType type, String reason) implements RuleOutcome {
        public Deny {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
