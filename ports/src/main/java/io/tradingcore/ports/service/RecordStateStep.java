package io.tradingcore.ports.service;

import io.tradingcore.domain.risk.RuleId;
import io.tradingcore.domain.Asset;
import io.tradingcore.domain.DrawdownTier;
import io.tradingcore.domain.hash.CycleStep;
import io.tradingcore.domain.portfolio.Portfolio;
import io.tradingcore.domain.portfolio.PortfolioState;
import io.tradingcore.domain.portfolio.PositionState;
import io.tradingcore.domain.risk.RiskAssessment;
import io.tradingcore.domain.risk.RiskEvent;
import io.tradingcore.domain.risk.RiskEventType;
import io.tradingcore.ports.out.AccountStateRepository;
import io.tradingcore.ports.out.DecisionRecordRepository;
import io.tradingcore.ports.out.HourlyState;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Step 6, record state: values the account after the hour's fills, lets the drawdown monitor see that equity, tells
 * the operator once about a position that became dust, and records the hourly state (STATE) and the hour's risk events.
 */
final class RecordStateStep implements CycleStage {
    private final AccountStateRepository states;
    private final DecisionRecordRepository decisions;
    private final SellableHoldings holdings;

    RecordStateStep(AccountStateRepository states, DecisionRecordRepository decisions, SellableHoldings holdings) {
        this.states = states;
        this.decisions = decisions;
        this.holdings = holdings;
    }

    @Override
    public void run(CycleState s) {
        Portfolio p = s.book.portfolio();
        BigDecimal cash = s.book.ledger().balance();
        RiskAssessment end = s.monitor.assess(s.key.account(), s.key.hour(), s.assessment.state().riskState(),
                cash.add(p.marketValue(s.marks)), Optional.empty());
        PortfolioState ps = PortfolioState.of(s.key.hour(), cash, p.marketValue(s.marks), s.assessment.state().peakEquity());
        List<PositionState> positions = p.states(s.key.hour(), s.marks);
        HourlyState state = new HourlyState(s.key.hour(), positions, ps, end.state());
        List<RiskEvent> stateEvents = new ArrayList<>(end.events());
        stateEvents.addAll(becameDust(s, positions, end.state().tier()));
        s.book.events().addAll(stateEvents);
        decisions.recordRiskEvents(s.key, s.book.events());
        states.recordHourlyState(s.key, state);
        // without dust the list equals end.events(), so the hashes of venues without lot rules are unchanged
        s.hash(CycleStep.STATE, List.of(state, stateEvents));
        s.state = state;
    }

    /**
     * One SIZE_REDUCED event (rule "dust") per position that ends this hour as dust but did not end the previous
     * state so (at that state's mark): the operator learns once that the remainder stays held and is decided on as
     * flat, instead of a refused EXIT every hour.
     */
    private List<RiskEvent> becameDust(CycleState s, List<PositionState> positions, DrawdownTier tier) {
        List<RiskEvent> out = new ArrayList<>();
        for (PositionState now : positions) {
            if (!holdings.isDust(s, now) || s.previous.flatMap(st -> st.positions().stream()
                    .filter(x -> x.asset().equals(now.asset())).findFirst()).map(x -> holdings.isDust(s, x)).orElse(false)) {
                continue;
            }
            Asset asset = s.assetOf(now.asset());
            out.add(RiskEvent.of(s.key.account(), s.key.hour(), RiskEventType.SIZE_REDUCED, tier, asset.id(), RuleId.DUST.id(),
                    now.quantity().stripTrailingZeros().toPlainString() + " " + asset.base() + " worth "
                            + now.marketValue().stripTrailingZeros().toPlainString() + " " + asset.quote() + " at "
                            + now.markPrice().stripTrailingZeros().toPlainString() + " is below what the venue sells (lot step,"
                            + " minimum quantity or notional): kept in the position and equity, decided on as flat"));
        }
        return out;
    }
}
