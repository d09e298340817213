package io.tradingcore.ports.testing;

import io.tradingcore.domain.AccountId;
import io.tradingcore.domain.AssetId;
import io.tradingcore.domain.FeatureVector;
import io.tradingcore.domain.HourTs;
import io.tradingcore.domain.RunId;
import io.tradingcore.domain.RunMode;
import io.tradingcore.domain.StackPrediction;
import io.tradingcore.domain.risk.RiskEvent;
import io.tradingcore.domain.run.RunKey;
import io.tradingcore.domain.signal.TradeSignal;
import io.tradingcore.ports.out.DecisionRecordRepository;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.UUID;

/** The append-only decision tables in memory, idempotent like the port requires. */
public final class InMemoryDecisionRecordRepository implements DecisionRecordRepository {
    private record FeatureKey(RunId run, AssetId asset) {
    }

    private record Stored<T>(RunKey key, T row) {
    }

    private final Map<FeatureKey, Stored<FeatureVector>> features = new LinkedHashMap<>();
    private final Map<FeatureKey, Stored<StackPrediction>> predictions = new LinkedHashMap<>();
    private final Map<UUID, Stored<TradeSignal>> signals = new LinkedHashMap<>();
    private final Map<UUID, Stored<RiskEvent>> events = new LinkedHashMap<>();

    @Override
    public synchronized void recordFeatures(RunKey key, List<FeatureVector> rows) {
        for (FeatureVector f : rows) {
            if (!f.hour().equals(key.hour()) || f.windowEnd().isAfter(key.hour().toInstant())) {
                throw new io.tradingcore.ports.out.InvariantViolationException("no-lookahead rule: feature window of " + f.asset()
                        + " ends " + f.windowEnd() + " after hour " + key.hour());
            }
        }
        Idempotent.putAll(features, rows.stream().map(r -> new Stored<>(key, r)).toList(),
                s -> new FeatureKey(key.runId(), s.row().asset()), "feature_snapshot");
    }

    @Override
    public synchronized void recordModelOutputs(RunKey key, SortedMap<AssetId, StackPrediction> rows) {
        Map<FeatureKey, Stored<StackPrediction>> keyed = new LinkedHashMap<>();
        rows.forEach((a, p) -> keyed.put(new FeatureKey(key.runId(), a), new Stored<>(key, p)));
        Idempotent.putAll(predictions, keyed, "model_prediction");
    }

    @Override
    public synchronized void recordSignals(RunKey key, List<TradeSignal> rows) {
        Idempotent.putAll(signals, rows.stream().map(r -> new Stored<>(key, r)).toList(), s -> s.row().signalId().value(), "trade_signal");
    }

    @Override
    public synchronized void recordRiskEvents(RunKey key, List<RiskEvent> rows) {
        Idempotent.putAll(events, rows.stream().map(r -> new Stored<>(key, r)).toList(), s -> s.row().eventId(), "risk_event");
    }

    @Override
    public synchronized List<TradeSignal> signals(RunId runId) {
        return signals.values().stream().filter(s -> s.key().runId().equals(runId)).map(Stored::row)
                .sorted((a, b) -> a.asset().compareTo(b.asset())).toList();
    }

    @Override
    public synchronized List<TradeSignal> actionSignals(AccountId account, RunMode mode, HourTs fromInclusive, HourTs toExclusive) {
        return hourlySignals(account, mode, fromInclusive, toExclusive).stream()
                .filter(s -> s.decision().action() != io.tradingcore.domain.SignalAction.HOLD).toList();
    }

    @Override
    public synchronized List<TradeSignal> hourlySignals(AccountId account, RunMode mode, HourTs fromInclusive, HourTs toExclusive) {
        return signals.values().stream()
                .filter(s -> s.key().account().equals(account) && s.key().mode() == mode)
                .filter(s -> !s.row().hour().isBefore(fromInclusive) && s.row().hour().isBefore(toExclusive))
                .map(Stored::row)
                .sorted((a, b) -> a.hour().compareTo(b.hour()) != 0 ? a.hour().compareTo(b.hour()) : a.asset().compareTo(b.asset()))
                .toList();
    }

    @Override
    public synchronized List<RiskEvent> riskEvents(AccountId account, RunMode mode, HourTs fromInclusive, HourTs toExclusive) {
        return events.values().stream()
                .filter(s -> s.key().account().equals(account) && s.key().mode() == mode)
                .filter(s -> !s.row().hour().isBefore(fromInclusive) && s.row().hour().isBefore(toExclusive))
                .map(Stored::row)
                .sorted((a, b) -> a.hour().compareTo(b.hour()) != 0 ? a.hour().compareTo(b.hour()) : a.eventId().compareTo(b.eventId()))
                .toList();
    }

    /** Test hook: number of feature rows stored. */
    public synchronized int featureRows() {
        return features.size();
    }

    /** Test hook: number of signal rows stored. */
    public synchronized int signalRows() {
        return signals.size();
    }
}
