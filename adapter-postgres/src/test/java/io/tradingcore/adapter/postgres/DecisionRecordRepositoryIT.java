package io.tradingcore.adapter.postgres;

import static io.tradingcore.adapter.postgres.PgTestSupport.ACCOUNT;
import static io.tradingcore.adapter.postgres.PgTestSupport.BTC;
import static io.tradingcore.adapter.postgres.PgTestSupport.ETH;
import static io.tradingcore.adapter.postgres.PgTestSupport.HUGE;
import static io.tradingcore.adapter.postgres.PgTestSupport.TINY;
import static io.tradingcore.adapter.postgres.PgTestSupport.hour;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradingcore.domain.AssetId;
import io.tradingcore.domain.BasePrediction;
import io.tradingcore.domain.DeterministicIds;
import io.tradingcore.domain.DrawdownTier;
import io.tradingcore.domain.FeatureVector;
import io.tradingcore.domain.Horizon;
import io.tradingcore.domain.HourTs;
import io.tradingcore.domain.MetaComponent;
import io.tradingcore.domain.MetaPrediction;
import io.tradingcore.domain.ModelRole;
import io.tradingcore.domain.ModelVersionId;
import io.tradingcore.domain.RegimeResult;
import io.tradingcore.domain.RunMode;
import io.tradingcore.domain.SignalAction;
import io.tradingcore.domain.StackPrediction;
import io.tradingcore.domain.risk.RiskEvent;
import io.tradingcore.domain.risk.RiskEventType;
import io.tradingcore.domain.run.RunKey;
import io.tradingcore.domain.signal.SignalDecision;
import io.tradingcore.domain.signal.TradeSignal;
import io.tradingcore.ports.out.ConflictingWriteException;
import io.tradingcore.ports.out.DecisionRecordRepository;
import io.tradingcore.ports.out.ModelVersion;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DecisionRecordRepositoryIT {
    private static PgTestSupport pg;
    private static DecisionRecordRepository decisions;
    static final ModelVersionId TREE = new ModelVersionId(DeterministicIds.uuid("model", "tree"));
    static final ModelVersionId DEEP = new ModelVersionId(DeterministicIds.uuid("model", "deep"));
    static final ModelVersionId META = new ModelVersionId(DeterministicIds.uuid("model", "meta"));
    static final ModelVersionId REGIME = new ModelVersionId(DeterministicIds.uuid("model", "regime"));

    @BeforeAll
    static void open() {
        pg = PgTestSupport.open("pg_decisions");
        decisions = pg.adapter.decisionRecords();
        registerModels(pg.adapter);
    }

    @AfterAll
    static void close() {
        pg.close();
    }

    static void registerModels(PostgresAdapter adapter) {
        byte[] bytes = {1, 2, 3};
        String sha = DeterministicIds.sha256Hex(bytes);
        Instant from = Instant.parse("2020-01-01T00:00:00Z");
        Instant to = Instant.parse("2021-01-01T00:00:00Z");
        for (Object[] m : new Object[][] {{TREE, "tree", ModelRole.BASE_TREE, Horizon.H1},
                {DEEP, "deep", ModelRole.BASE_DEEP, Horizon.H1}, {META, "meta", ModelRole.META, Horizon.H1},
                {REGIME, "regime", ModelRole.REGIME, null}}) {
            adapter.modelRegistry().register(new ModelVersion((ModelVersionId) m[0], (String) m[1], (ModelRole) m[2],
                    (Horizon) m[3], from, to, new TreeMap<>(), 42L, new TreeMap<>(), sha, true), bytes);
        }
    }

    static StackPrediction stack(double metaProbability) {
        return new StackPrediction(new RegimeResult("trend", 0.75, REGIME),
                List.of(new BasePrediction(ModelRole.BASE_TREE, Horizon.H1, TREE, 0.6),
                        new BasePrediction(ModelRole.BASE_DEEP, Horizon.H1, DEEP, 0.4)),
                List.of(new MetaPrediction(Horizon.H1, META, metaProbability, 0.0012,
                        List.of(new MetaComponent("tree_h1", ModelRole.BASE_TREE, Horizon.H1, 0.5, 0.6, 0.3),
                                new MetaComponent("deep_h1", ModelRole.BASE_DEEP, Horizon.H1, 0.5, 0.4, 0.2),
                                new MetaComponent("regime", ModelRole.REGIME, null, 0.1, 0.75, 0.075)))));
    }

    static FeatureVector features(AssetId asset, HourTs h, double v) {
        return new FeatureVector(asset, h, h.minusHours(24).toInstant(), h.toInstant(), List.of("ret_1h", "vol_24h"),
                List.of(v, -0.25));
    }

    private RunKey run(String iso) {
        return pg.startedRun(RunMode.BACKTEST, hour(iso)).key();
    }

    private long rowsWithRunKey(String table, RunKey key) {
        return pg.count("SELECT count(*) FROM " + table + " WHERE run_id = '" + key.runId() + "' AND run_mode = '"
                + key.mode() + "' AND hour_ts_utc = '" + key.hour() + "'");
    }

    @Test
    void modelOutputsAndFeaturesAreWrittenUnderTheRunKeyAndAReplayIsANoOp() {
        RunKey key = run("2024-01-01T10:00:00Z");
        SortedMap<AssetId, StackPrediction> preds = new TreeMap<>();
        preds.put(BTC.id(), stack(0.55));
        preds.put(ETH.id(), stack(0.45));
        decisions.recordFeatures(key, List.of(features(BTC.id(), key.hour(), 1.5), features(ETH.id(), key.hour(), 2.5)));
        decisions.recordModelOutputs(key, preds);
        decisions.recordModelOutputs(key, preds);
        decisions.recordFeatures(key, List.of(features(BTC.id(), key.hour(), 1.5)));
        assertThat(rowsWithRunKey("feature_snapshot", key)).isEqualTo(2);
        assertThat(rowsWithRunKey("regime_output", key)).isEqualTo(2);
        assertThat(rowsWithRunKey("model_prediction", key)).isEqualTo(6);
        assertThat(rowsWithRunKey("meta_learner_component", key)).isEqualTo(6);
        assertThat(pg.count("SELECT count(*) FROM model_prediction WHERE run_id = '" + key.runId()
                + "' AND model_role = 'META' AND probability = 0.55 AND expected_return = 0.0012")).isEqualTo(1);
    }

    @Test
    void aChangedRowRefusesTheWholeCallAndWritesNothing() {
        RunKey key = run("2024-01-01T11:00:00Z");
        SortedMap<AssetId, StackPrediction> first = new TreeMap<>();
        first.put(BTC.id(), stack(0.55));
        decisions.recordModelOutputs(key, first);
        SortedMap<AssetId, StackPrediction> changed = new TreeMap<>();
        changed.put(BTC.id(), stack(0.65));
        changed.put(ETH.id(), stack(0.45));
        assertThatThrownBy(() -> decisions.recordModelOutputs(key, changed))
                .isInstanceOf(ConflictingWriteException.class)
                .hasMessageContaining("model_prediction").hasMessageContaining("probability");
        assertThat(pg.count("SELECT count(*) FROM regime_output WHERE run_id = '" + key.runId() + "' AND asset_id = 2"))
                .isZero();
        assertThatThrownBy(() -> decisions.recordFeatures(key, List.of(features(BTC.id(), key.hour(), 1.5),
                features(BTC.id(), key.hour(), 9.5)))).isInstanceOf(ConflictingWriteException.class);
        assertThat(rowsWithRunKey("feature_snapshot", key)).isZero();
    }

    @Test
    void signalsRoundTripExactlyWithTheirDecisionDetails() {
        RunKey key = run("2024-01-01T12:00:00Z");
        TradeSignal enter = TradeSignal.of(key, BTC.id(), new SignalDecision(SignalAction.ENTER, HUGE, Horizon.H1,
                0.123456789012345678, 1e-9, "trend", TINY, "meta above threshold"));
        TradeSignal hold = TradeSignal.of(key, ETH.id(), new SignalDecision(SignalAction.HOLD, TINY, Horizon.H1, 0.5, -0.01,
                "range", new BigDecimal("0.002"), "below threshold"));
        decisions.recordSignals(key, List.of(hold, enter));
        decisions.recordSignals(key, List.of(enter));
        List<TradeSignal> back = decisions.signals(key.runId());
        assertThat(back).containsExactly(enter, hold);
        assertThat(back.get(0).decision().targetNotional().toPlainString()).isEqualTo("99999999999999999999.999999999999999999");
        assertThat(rowsWithRunKey("trade_signal", key)).isEqualTo(2);
    }

    @Test
    void riskEventsRoundTripAndAreFilteredByHourRange() {
        RunKey key = run("2024-01-01T13:00:00Z");
        RiskEvent reduced = RiskEvent.of(ACCOUNT, key.hour(), RiskEventType.SIZE_REDUCED, DrawdownTier.DD10, BTC.id(),
                "drawdown-tier", "size x0.5 \"quoted\"");
        RiskEvent tier = RiskEvent.tierChange(ACCOUNT, key.hour(), DrawdownTier.NORMAL, DrawdownTier.DD10, "NORMAL -> DD10");
        decisions.recordRiskEvents(key, List.of(reduced, tier));
        decisions.recordRiskEvents(key, List.of(tier));
        List<RiskEvent> back = decisions.riskEvents(ACCOUNT, RunMode.BACKTEST, key.hour(), key.hour().plusHours(1));
        assertThat(back).containsExactlyInAnyOrder(reduced, tier);
        assertThat(pg.count("SELECT count(*) FROM risk_event WHERE from_tier = 'NORMAL' AND to_tier = 'DD10'")).isEqualTo(1);
        assertThat(decisions.riskEvents(ACCOUNT, RunMode.BACKTEST, key.hour().plusHours(1), key.hour().plusHours(2)))
                .isEmpty();
        assertThat(decisions.riskEvents(ACCOUNT, RunMode.PAPER, key.hour(), key.hour().plusHours(1))).isEmpty();
    }
}
