package io.tradingcore.domain.risk;

import java.util.List;
import java.util.Objects;

/** The risk state of an hour and the events that produced it; {@code haltTriggered} asks for a flatten. */
public record RiskAssessment(RiskHourlyState state, List<RiskEvent> events, boolean haltTriggered) {
    public RiskAssessment {
        Objects.requireNonNull(state, "state");
        events = List.copyOf(events);
    }
}
