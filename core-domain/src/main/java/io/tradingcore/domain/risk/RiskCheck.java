package io.tradingcore.domain.risk;

import java.util.ArrayList;
import java.util.List;

/** Runs the rules in order; the first denial wins, shrinks accumulate. */
public final class RiskCheck {
    private final List<RiskRule> rules;

    public RiskCheck(List<RiskRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The standard rule list of {@link RiskRules#standard()}. */
    public static RiskCheck standard() {
        return new RiskCheck(RiskRules.standard());
    }

    public List<RiskRule> rules() {
        return rules;
    }

    public RiskDecision check(OrderIntent intent, RiskContext context) {
        OrderIntent current = intent;
        List<String> notes = new ArrayList<>();
        for (RiskRule rule : rules) {
            RuleOutcome out = rule.apply(current, context);
            if (out instanceof RuleOutcome.Deny d) {
                return new RiskDecision.Denied(current, rule.name(), d.type(), d.reason());
            }
            RuleOutcome.Pass p = (RuleOutcome.Pass) out;
            if (p.note() != null) {
                notes.add(rule.name() + ": " + p.note());
            }
            current = p.intent();
        }
        return new RiskDecision.Approved(current, notes);
    }
}
