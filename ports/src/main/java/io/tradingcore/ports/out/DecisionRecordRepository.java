package io.tradingcore.ports.out;

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
import java.util.List;
import java.util.SortedMap;

/**
 * The append-only decision tables of a cycle, each write one transaction carrying the run key
 * (run_id, run_mode, hour_ts_utc). Writes are idempotent so that a resumed cycle can write a step
 * again: rows identical to stored ones are skipped; a row with a stored key and different content
 * throws {@link ConflictingWriteException} and the whole call writes nothing.
 */
public interface DecisionRecordRepository {
    /** feature_snapshot: one row per vector (window start/end, names and values). */
    void recordFeatures(RunKey key, List<FeatureVector> features);

    /**
     * regime_output, model_prediction (BASE_* per horizon and META per horizon, with model versions)
     * and meta_learner_component for every asset of the map, in one transaction.
     */
    void recordModelOutputs(RunKey key, SortedMap<AssetId, StackPrediction> predictions);

    /** trade_signal: one row per signal (ENTER, EXIT and HOLD alike). */
    void recordSignals(RunKey key, List<TradeSignal> signals);

    /** risk_event rows; the key is {@link RiskEvent#eventId()}. */
    void recordRiskEvents(RunKey key, List<RiskEvent> events);

    /** The signals of a run, ordered by asset. */
    List<TradeSignal> signals(RunId runId);

    /** Risk events of (account, mode) with hour in [fromInclusive, toExclusive), ordered by hour then id. */
    List<RiskEvent> riskEvents(AccountId account, RunMode mode, HourTs fromInclusive, HourTs toExclusive);

    /**
     * The ENTER and EXIT signals (HOLD left out) of (account, mode) with hour in [fromInclusive, toExclusive), ordered
     * by hour then asset: what a report shows next to the trades they caused.
     */
    List<TradeSignal> actionSignals(AccountId account, RunMode mode, HourTs fromInclusive, HourTs toExclusive);

    /**
     * Every signal (HOLD too) of (account, mode) with hour in [fromInclusive, toExclusive), ordered by hour then asset:
     * the META probability and regime of every asset-hour, which a report charts under the price.
     */
    List<TradeSignal> hourlySignals(AccountId account, RunMode mode, HourTs fromInclusive, HourTs toExclusive);
}
