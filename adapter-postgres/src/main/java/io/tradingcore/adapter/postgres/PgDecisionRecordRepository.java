package io.tradingcore.adapter.postgres;

import static io.tradingcore.adapter.postgres.jooq.Tables.FEATURE_SNAPSHOT;
import static io.tradingcore.adapter.postgres.jooq.Tables.META_LEARNER_COMPONENT;
import static io.tradingcore.adapter.postgres.jooq.Tables.MODEL_PREDICTION;
import static io.tradingcore.adapter.postgres.jooq.Tables.REGIME_OUTPUT;
import static io.tradingcore.adapter.postgres.jooq.Tables.RISK_EVENT;
import static io.tradingcore.adapter.postgres.jooq.Tables.RUN_CONTEXT;
import static io.tradingcore.adapter.postgres.jooq.Tables.TRADE_SIGNAL;
import static io.tradingcore.adapter.postgres.jooq.Tables.TRADE_SIGNAL_DETAIL;

import io.tradingcore.adapter.postgres.jooq.tables.records.FeatureSnapshotRecord;
import io.tradingcore.adapter.postgres.jooq.tables.records.RiskEventRecord;
import io.tradingcore.adapter.postgres.jooq.tables.records.TradeSignalDetailRecord;
import io.tradingcore.adapter.postgres.jooq.tables.records.TradeSignalRecord;
import io.tradingcore.domain.AccountId;
import io.tradingcore.domain.AssetId;
import io.tradingcore.domain.DeterministicIds;
import io.tradingcore.domain.DrawdownTier;
import io.tradingcore.domain.FeatureVector;
import io.tradingcore.domain.HourTs;
import io.tradingcore.domain.RunId;
import io.tradingcore.domain.RunMode;
import io.tradingcore.domain.SignalId;
import io.tradingcore.domain.StackPrediction;
import io.tradingcore.domain.risk.RiskEvent;
import io.tradingcore.domain.risk.RiskEventType;
import io.tradingcore.domain.run.RunKey;
import io.tradingcore.domain.signal.SignalDecision;
import io.tradingcore.domain.signal.TradeSignal;
import io.tradingcore.ports.out.DecisionRecordRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jooq.Record;

/**
 * The append-only decision tables of a cycle. Each call is one transaction of multi-row inserts
 * ({@link Idempotent}): a replayed step is skipped row by row, a changed row refuses the whole call.
 * Inside a unit of work the rows wait and are written with the unit's other decision rows, one
 * statement per table ({@link Db#append}).
 */
final class PgDecisionRecordRepository implements DecisionRecordRepository {
    /** Flush rank of trade_signal: orders reference it (see {@link Db#txAfter}). */
    static final int RANK_SIGNAL = 50;

    private final Db db;

    PgDecisionRecordRepository(Db db) {
        this.db = db;
    }

    @Override
    public void recordFeatures(RunKey key, List<FeatureVector> features) {
        List<FeatureSnapshotRecord> rows = new ArrayList<>(features.size());
        for (FeatureVector f : features) {
            sameHour(key, f.hour(), "feature vector of asset " + f.asset());
            FeatureSnapshotRecord r = new FeatureSnapshotRecord();
            r.setRunId(key.runId().value());
            r.setRunMode(key.mode());
            r.setHourTsUtc(Conv.hour(key.hour()));
            r.setAssetId(f.asset().value());
            r.setWindowStartTsUtc(Conv.ts(f.windowStart()));
            r.setWindowEndTsUtc(Conv.ts(f.windowEnd()));
            r.setFeatureNames(f.names().toArray(new String[0]));
            r.setFeatureValues(f.values().toArray(new Double[0]));
            r.setFeatureHash(featureHash(f));
            rows.add(r);
        }
        db.append("recording features of run " + key.runId(), 10, FEATURE_SNAPSHOT, rows, "feature_snapshot",
                r -> "features of asset " + r.getAssetId() + " in run " + r.getRunId());
    }

    @Override
    public void recordModelOutputs(RunKey key, SortedMap<AssetId, StackPrediction> predictions) {
        String what = "recording model outputs of run " + key.runId();
        // the predictions are immutable records: inside a unit their rows are built when written (on the unit's
        // writer thread when it is overlapped); a value Conv.num refuses (not finite) fails here, as it always did
        SortedMap<AssetId, StackPrediction> outputs = new java.util.TreeMap<>(predictions);
        boolean finite = ModelOutputRows.allFinite(outputs);
        db.appendAll(what, () -> {
            // ranks matter: trg_meta_learner_component_links checks that the predictions exist
            appendOutputs(what, 20, REGIME_OUTPUT, () -> ModelOutputRows.regimes(key, outputs), finite, "regime_output",
                    r -> "regime of asset " + r.getAssetId() + " in run " + r.getRunId());
            appendOutputs(what, 30, MODEL_PREDICTION, () -> ModelOutputRows.predictions(key, outputs), finite, "model_prediction",
                    r -> r.getModelRole() + " " + r.getHorizon() + " prediction of asset " + r.getAssetId()
                            + " in run " + r.getRunId());
            appendOutputs(what, 40, META_LEARNER_COMPONENT, () -> ModelOutputRows.components(key, outputs), finite, "meta_learner_component",
                    r -> "component " + r.getComponentName() + " of META " + r.getMetaHorizon() + " for asset "
                            + r.getAssetId() + " in run " + r.getRunId());
        });
    }

    private <R extends org.jooq.TableRecord<R>> void appendOutputs(String what, int rank, org.jooq.Table<R> table,
                                                                    java.util.function.Supplier<List<R>> rows, boolean later,
                                                                    String family, java.util.function.Function<R, String> describe) {
        if (later) {
            db.appendLater(what, rank, table, rows, family, describe);
        } else {
            db.append(what, rank, table, rows.get(), family, describe);
        }
    }

    @Override
    public void recordSignals(RunKey key, List<TradeSignal> signals) {
        String what = "recording signals of run " + key.runId();
        db.appendAll(what, () -> {
            List<TradeSignalRecord> rows = new ArrayList<>();
            List<TradeSignalDetailRecord> details = new ArrayList<>();
            for (TradeSignal s : signals) {
                sameHour(key, s.hour(), "signal " + s.signalId());
                if (!s.runId().equals(key.runId())) {
                    throw new IllegalArgumentException("signal " + s.signalId() + " belongs to run " + s.runId()
                            + ", not " + key.runId());
                }
                SignalDecision d = s.decision();
                TradeSignalRecord r = new TradeSignalRecord();
                r.setSignalId(s.signalId().value());
                r.setRunId(key.runId().value());
                r.setRunMode(key.mode());
                r.setHourTsUtc(Conv.hour(key.hour()));
                r.setAssetId(s.asset().value());
                r.setAction(d.action());
                r.setHorizon(d.horizon());
                r.setProbability(Conv.num(d.probability()));
                r.setExpectedReturn(Conv.num(d.expectedReturn()));
                r.setTargetNotional(d.targetNotional());
                rows.add(r);
                TradeSignalDetailRecord x = new TradeSignalDetailRecord();
                x.setSignalId(s.signalId().value());
                x.setProbability(d.probability());
                x.setExpectedReturn(d.expectedReturn());
                x.setRegime(d.regime());
                x.setRoundTripCost(d.roundTripCost());
                x.setReason(d.reason());
                details.add(x);
            }
            db.append(what, RANK_SIGNAL, TRADE_SIGNAL, rows, "trade_signal",
                    r -> "signal " + r.getSignalId() + " (asset " + r.getAssetId() + ", run " + r.getRunId() + ")");
            db.append(what, 60, TRADE_SIGNAL_DETAIL, details, "trade_signal", r -> "signal " + r.getSignalId());
        });
    }

    @Override
    public void recordRiskEvents(RunKey key, List<RiskEvent> events) {
        List<RiskEventRecord> rows = new ArrayList<>();
        for (RiskEvent e : events) {
            sameHour(key, e.hour(), "risk event " + e.eventId());
            RiskEventRecord r = new RiskEventRecord();
            r.setRiskEventId(e.eventId());
            r.setRunId(key.runId().value());
            r.setRunMode(key.mode());
            r.setHourTsUtc(Conv.hour(key.hour()));
            r.setEventType(e.type().name());
            // the contract pairs from/to tiers: both are set for a tier change whose old tier is known
            r.setFromTier(e.fromTier());
            r.setToTier(e.fromTier() == null ? null : e.tier());
            r.setAssetId(e.asset() == null ? null : e.asset().value());
            r.setOrderId(e.order() == null ? null : e.order().value());
            r.setReason(e.rule() + ": " + e.detail());
            SortedMap<String, String> details = new TreeMap<>();
            details.put("rule", e.rule());
            details.put("detail", e.detail());
            details.put("tier", e.tier().name());
            details.put("account", e.account().toString());
            r.setDetails(Json.strings(details));
            rows.add(r);
        }
        // after signals (fk_risk_event_signal); orders they name are written at once, before any flush
        db.append("recording risk events of run " + key.runId(), 70, RISK_EVENT, rows, "risk_event",
                r -> "risk event " + r.getRiskEventId());
    }

    @Override
    public List<TradeSignal> signals(RunId runId) {
        return db.read("reading the signals of run " + runId, ctx -> ctx.select()
                .from(TRADE_SIGNAL).join(TRADE_SIGNAL_DETAIL).on(TRADE_SIGNAL_DETAIL.SIGNAL_ID.eq(TRADE_SIGNAL.SIGNAL_ID))
                .where(TRADE_SIGNAL.RUN_ID.eq(runId.value()))
                .orderBy(TRADE_SIGNAL.ASSET_ID, TRADE_SIGNAL.HORIZON)
                .fetch(PgDecisionRecordRepository::signal));
    }

    @Override
    public List<TradeSignal> actionSignals(AccountId account, RunMode mode, HourTs fromInclusive, HourTs toExclusive) {
        return signals("reading the ENTER/EXIT signals of account " + account, account, mode, fromInclusive, toExclusive,
                TRADE_SIGNAL.ACTION.ne(io.tradingcore.domain.SignalAction.HOLD));
    }

    @Override
    public List<TradeSignal> hourlySignals(AccountId account, RunMode mode, HourTs fromInclusive, HourTs toExclusive) {
        return signals("reading the hourly signals of account " + account, account, mode, fromInclusive, toExclusive,
                org.jooq.impl.DSL.noCondition());
    }

    private List<TradeSignal> signals(String what, AccountId account, RunMode mode, HourTs fromInclusive, HourTs toExclusive,
                                      org.jooq.Condition which) {
        return db.read(what, ctx -> ctx.select()
                .from(TRADE_SIGNAL).join(TRADE_SIGNAL_DETAIL).on(TRADE_SIGNAL_DETAIL.SIGNAL_ID.eq(TRADE_SIGNAL.SIGNAL_ID))
                .join(RUN_CONTEXT).on(RUN_CONTEXT.RUN_ID.eq(TRADE_SIGNAL.RUN_ID))
                .where(RUN_CONTEXT.ACCOUNT_ID.eq(account.value()), TRADE_SIGNAL.RUN_MODE.eq(mode),
                        TRADE_SIGNAL.HOUR_TS_UTC.ge(fromInclusive.toInstant()), TRADE_SIGNAL.HOUR_TS_UTC.lt(toExclusive.toInstant()),
                        which)
                .orderBy(TRADE_SIGNAL.HOUR_TS_UTC, TRADE_SIGNAL.ASSET_ID, TRADE_SIGNAL.HORIZON)
                .fetch(PgDecisionRecordRepository::signal));
    }

    private static TradeSignal signal(Record r) {
        SignalDecision d = new SignalDecision(r.get(TRADE_SIGNAL.ACTION), r.get(TRADE_SIGNAL.TARGET_NOTIONAL),
                r.get(TRADE_SIGNAL.HORIZON), r.get(TRADE_SIGNAL_DETAIL.PROBABILITY),
                r.get(TRADE_SIGNAL_DETAIL.EXPECTED_RETURN), r.get(TRADE_SIGNAL_DETAIL.REGIME),
                r.get(TRADE_SIGNAL_DETAIL.ROUND_TRIP_COST), r.get(TRADE_SIGNAL_DETAIL.REASON));
        return new TradeSignal(new SignalId(r.get(TRADE_SIGNAL.SIGNAL_ID)), new RunId(r.get(TRADE_SIGNAL.RUN_ID)),
                new AssetId(r.get(TRADE_SIGNAL.ASSET_ID)), Conv.hour(r.get(TRADE_SIGNAL.HOUR_TS_UTC)), d);
    }

    @Override
    public List<RiskEvent> riskEvents(AccountId account, RunMode mode, HourTs fromInclusive, HourTs toExclusive) {
        return db.read("reading risk events of account " + account, ctx -> ctx.select(RISK_EVENT.fields())
                .select(RUN_CONTEXT.ACCOUNT_ID)
                .from(RISK_EVENT).join(RUN_CONTEXT).on(RUN_CONTEXT.RUN_ID.eq(RISK_EVENT.RUN_ID))
                .where(RUN_CONTEXT.ACCOUNT_ID.eq(account.value()), RISK_EVENT.RUN_MODE.eq(mode),
                        RISK_EVENT.HOUR_TS_UTC.ge(fromInclusive.toInstant()), RISK_EVENT.HOUR_TS_UTC.lt(toExclusive.toInstant()))
                .orderBy(RISK_EVENT.HOUR_TS_UTC, RISK_EVENT.RISK_EVENT_ID)
                .fetch(r -> {
                    SortedMap<String, String> d = Json.readStrings(r.get(RISK_EVENT.DETAILS));
                    java.util.UUID order = r.get(RISK_EVENT.ORDER_ID);
                    return new RiskEvent(r.get(RISK_EVENT.RISK_EVENT_ID), new AccountId(r.get(RUN_CONTEXT.ACCOUNT_ID)),
                            Conv.hour(r.get(RISK_EVENT.HOUR_TS_UTC)), RiskEventType.valueOf(r.get(RISK_EVENT.EVENT_TYPE)),
                            r.get(RISK_EVENT.FROM_TIER), DrawdownTier.valueOf(d.get("tier")),
                            Conv.asset(r.get(RISK_EVENT.ASSET_ID)), order == null ? null : new io.tradingcore.domain.OrderId(order),
                            d.get("rule"), d.get("detail"));
                }));
    }

    private static void sameHour(RunKey key, HourTs hour, String what) {
        if (!hour.equals(key.hour())) {
            throw new IllegalArgumentException(what + " is for hour " + hour + " but the run key is for " + key.hour());
        }
    }

    /** SHA-256 over the names and the exact double values, so equal vectors hash equal everywhere. */
    static String featureHash(FeatureVector f) {
        String[] parts = new String[f.names().size() * 2];
        for (int i = 0; i < f.names().size(); i++) {
            parts[2 * i] = f.names().get(i);
            parts[2 * i + 1] = Long.toHexString(Double.doubleToLongBits(f.values().get(i)));
        }
        return DeterministicIds.sha256Hex(parts);
    }
}
