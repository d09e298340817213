package io.tradingcore.domain;

import java.util.Objects;

/**
 * One input of the meta-learner and what it contributed, so a user can see why a signal fired.
 * {@code horizon} is null for regime inputs.
 */
public record MetaComponent(String name, ModelRole role, Horizon horizon, double weight, double value, double contribution) {
    public MetaComponent {
        Objects.requireNonNull(name, "component.name");
        Objects.requireNonNull(role, "component.role");
        Probabilities.finite(weight, "component.weight");
        Probabilities.finite(value, "component.value");
        Probabilities.finite(contribution, "component.contribution");
    }
}
