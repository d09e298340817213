package io.tradingcore.domain.risk;

/** One small named rule that may shrink or deny an intent. Pure. */
public interface RiskRule {
    /** Stable name, recorded with the events it raises. */
    String name();

    RuleOutcome apply(OrderIntent intent, RiskContext context);
}
