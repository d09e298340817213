package io.tradingcore.ports.service;

import io.tradingcore.domain.AssetId;
import io.tradingcore.domain.Decimals;
import io.tradingcore.domain.StackPrediction;
import io.tradingcore.domain.hash.CycleStep;
import io.tradingcore.domain.portfolio.Position;
import io.tradingcore.domain.risk.RiskEventType;
import io.tradingcore.domain.risk.RuleId;
import io.tradingcore.domain.signal.SignalDecision;
import io.tradingcore.domain.signal.SignalInput;
import io.tradingcore.domain.signal.SignalPolicy;
import io.tradingcore.domain.signal.TradeSignal;
import io.tradingcore.ports.out.DecisionRecordRepository;
import io.tradingcore.ports.out.ModelStack;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Step 3, decide: FEATURES of every fresh asset, MODELS (the stack's predictions), SIGNALS (one decision per asset
 * from the {@link SignalPolicy}); each recorded and hashed. A flat asset the models' out-of-distribution gate holds
 * gets a risk event (ENTRY_BLOCKED, rule out-of-distribution, with the distance and the threshold), recorded and
 * hashed with the RISK step. Dust is decided on as flat: an EXIT of it would only be
 * refused, and it must not block the next ENTER.
 */
final class DecideStep implements CycleStage {
    private final ModelStack models;
    private final DecisionRecordRepository decisions;
    private final SellableHoldings holdings;

    DecideStep(ModelStack models, DecisionRecordRepository decisions, SellableHoldings holdings) {
        this.models = models;
        this.decisions = decisions;
        this.holdings = holdings;
    }

    /** FEATURES and MODELS come from the hour's {@link MarketSide} (computed ahead in a backtest, now otherwise). */
    @Override
    public void run(CycleState s) {
        s.features = s.market.features();
        decisions.recordFeatures(s.key, s.features);
        s.hashes = s.hashes.with(CycleStep.FEATURES, s.market.featuresHash());
        s.predictions = s.market.predictions();
        decisions.recordModelOutputs(s.key, s.predictions);
        s.hashes = s.hashes.with(CycleStep.MODELS, s.market.modelsHash());
        s.signals = signals(s);
    }

    private List<TradeSignal> signals(CycleState s) {
        SignalPolicy policy = new SignalPolicy(s.signalConfig);
        List<TradeSignal> out = new ArrayList<>();
        for (AssetInputs in : s.inputs) {
            AssetId id = in.asset().id();
            Position pos = s.book.portfolio().position(id);
            boolean holding = holdings.holdsSellable(in.asset(), pos, s.marks.get(id));
            StackPrediction prediction = s.predictions.get(id);
            SignalDecision d;
            if (s.halted() && holding) {
                d = policy.haltedExit(Optional.ofNullable(prediction), in.spreadBps());
            } else if (prediction == null) {
                BigDecimal value = pos.isFlat() ? Decimals.ZERO : pos.marketValue(s.marks.get(id));
                d = policy.holdWithoutData(value, in.spreadBps(), "no fresh data at " + s.key.hour());
            } else {
                BigDecimal qty = holding ? pos.quantity() : Decimals.ZERO;
                BigDecimal value = holding ? pos.marketValue(s.marks.get(id)) : Decimals.ZERO;
                SignalInput input = new SignalInput(id, s.key.hour(), prediction, qty, value, s.equity, in.spreadBps());
                d = policy.decide(input);
                // the out-of-distribution gate's HOLD is a risk event with its distance (written with the RISK step)
                policy.outOfDistributionHold(input, d, models.oodThreshold()).ifPresent(detail -> s.book.event(
                        RiskEventType.ENTRY_BLOCKED, s.tier(), in.asset(), null, RuleId.OUT_OF_DISTRIBUTION, detail));
            }
            out.add(TradeSignal.of(s.key, id, d));
        }
        decisions.recordSignals(s.key, out);
        s.hash(CycleStep.SIGNALS, out);
        return out;
    }
}
