package io.tradingcore.domain;

import java.util.Objects;

/**
 * One input of the meta-learner and what it contributed, so a user can see why a signal fired.
 * {@code horizon} is null for regime inputs.
 */
public record MetaComponent(String name, ModelRole role, Horizon horizon, double weight, double value, double contribution) {
    /**
     * Name of the component that records the out-of-distribution gate's distance / threshold (above 1: outside the
     * training distribution); weight and contribution 0, it is recorded, not a model input.
     */
    public static final String OOD_DISTANCE_RATIO = "ood_distance_ratio";

    public MetaComponent {
        Objects.requireNonNull(name, "component.name");
        Objects.requireNonNull(role, "component.role");
        Probabilities.finite(weight, "component.weight");
        Probabilities.finite(value, "component.value");
        Probabilities.finite(contribution, "component.contribution");
    }
}
