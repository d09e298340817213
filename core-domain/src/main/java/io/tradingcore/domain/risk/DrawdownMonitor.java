package io.tradingcore.domain.risk;

import io.tradingcore.domain.AccountId;
import io.tradingcore.domain.Decimals;
import io.tradingcore.domain.DrawdownTier;
import io.tradingcore.domain.HourTs;
import io.tradingcore.domain.portfolio.PortfolioState;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Moves the risk state from one valuation to the next: peak, drawdown, tier (a pure function of the
 * drawdown), halt. Every tier change is an event; reaching a tier whose action flattens and halts sets
 * the halt, which only an {@link OperatorReset} lifts (re-basing the peak to current equity, since the
 * drawdown against the old peak would otherwise halt again at once).
 */
public final class DrawdownMonitor {
    private final DrawdownPolicy policy;

    public DrawdownMonitor(DrawdownPolicy policy) {
        this.policy = policy;
    }

    public DrawdownPolicy policy() {
        return policy;
    }

    /** Assesses {@code equity} at {@code hour} against the previous state. */
    public RiskAssessment assess(AccountId account, HourTs hour, RiskState previous, BigDecimal equity,
                                 Optional<OperatorReset> reset) {
        List<RiskEvent> events = new ArrayList<>();
        BigDecimal peak = Decimals.value(previous.peakEquity().max(equity));
        boolean halted = previous.halted();
        if (reset.isPresent() && halted) {
            halted = false;
            peak = Decimals.value(equity);
            OperatorReset r = reset.get();
            events.add(RiskEvent.of(account, hour, RiskEventType.OPERATOR_RESET, previous.tier(), null, null, RuleId.OPERATOR_RESET.id(),
                    "halt lifted by " + r.operator() + ": " + r.reason() + "; peak re-based to " + Decimals.canonical(peak)));
        }
        BigDecimal drawdown = PortfolioState.drawdown(equity, peak);
        DrawdownTier tier = DrawdownTier.forDrawdown(drawdown);
        if (tier != previous.tier()) {
            events.add(RiskEvent.tierChange(account, hour, previous.tier(), tier,
                    previous.tier() + " -> " + tier + " at drawdown " + Decimals.canonical(drawdown)));
        }
        boolean triggered = false;
        if (policy.action(tier).flattenAndHalt() && !halted) {
            halted = true;
            triggered = true;
            events.add(RiskEvent.of(account, hour, RiskEventType.HALT_TRIGGERED, tier, null, null, RuleId.DRAWDOWN_HALT.id(),
                    "trading halted at drawdown " + Decimals.canonical(drawdown) + ": cancel open orders, close positions"));
        }
        TradingState ts = halted ? TradingState.HALTED : policy.action(tier).tradingState();
        RiskHourlyState state = new RiskHourlyState(hour, tier, drawdown, Decimals.value(equity), peak, halted, ts);
        return new RiskAssessment(state, events, triggered);
    }
}
