package io.tradingcore.adapter.ml;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradingcore.domain.AccountId;
import io.tradingcore.domain.Asset;
import io.tradingcore.domain.AssetId;
import io.tradingcore.domain.BacktestRunId;
import io.tradingcore.domain.Candle;
import io.tradingcore.domain.DeterministicIds;
import io.tradingcore.domain.HourTs;
import io.tradingcore.domain.ModelRole;
import io.tradingcore.domain.RegimeResult;
import io.tradingcore.domain.RunMode;
import io.tradingcore.domain.SignalAction;
import io.tradingcore.domain.hash.CycleStep;
import io.tradingcore.domain.risk.DrawdownPolicy;
import io.tradingcore.domain.risk.RiskEvent;
import io.tradingcore.domain.risk.RiskEventType;
import io.tradingcore.domain.risk.RuleId;
import io.tradingcore.domain.signal.SignalPolicyConfig;
import io.tradingcore.domain.signal.TradeSignal;
import io.tradingcore.ports.in.CycleReport;
import io.tradingcore.ports.in.RunHourlyCycleCommand;
import io.tradingcore.ports.out.DecisionRecordRepository;
import io.tradingcore.ports.out.ModelTrainer;
import io.tradingcore.ports.out.TradingConfig;
import io.tradingcore.ports.service.HourlyCycleService;
import io.tradingcore.ports.service.OodHoldEvents;
import io.tradingcore.ports.testing.FixedConfigurationProvider;
import io.tradingcore.ports.testing.InMemoryAccountStateRepository;
import io.tradingcore.ports.testing.InMemoryDecisionRecordRepository;
import io.tradingcore.ports.testing.InMemoryExecutionRepository;
import io.tradingcore.ports.testing.InMemoryMarketDataRepository;
import io.tradingcore.ports.testing.InMemoryRunContextRepository;
import io.tradingcore.ports.testing.ManualClock;
import io.tradingcore.ports.testing.SimulatedExchangeGateway;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The out-of-distribution gate through the real cycle with the real trained stack (issue 12, item 7): a synthetic
 * crash candle puts ETH's feature vector far outside the training distribution; the cycle holds ETH and records one
 * ENTRY_BLOCKED risk event (rule out-of-distribution) carrying the distance and the threshold, only for that asset-hour,
 * a second run of the same hours records the same events and step hashes, and a cycle killed right after writing the
 * event writes it once when resumed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OodRiskEventCycleTest {
    private static final AssetId BTC = AssetId.of(1);
    private static final AssetId ETH = AssetId.of(2);
    private static final List<Asset> ASSETS = List.of(Asset.of(1, "BTC/USDT"), Asset.of(2, "ETH/USDT"));
    private static final HourTs TRAIN_FROM = HourTs.parse("2023-09-01T00:00:00Z");
    private static final HourTs TRAIN_TO = HourTs.parse("2024-01-01T00:00:00Z");
    /** The decision hour whose last closed candle (opened an hour before) is the synthetic crash. */
    private static final HourTs CRASH = HourTs.parse("2024-01-10T15:00:00Z");
    private static final AccountId ACCOUNT = AccountId.of(7);
    private static final BacktestRunId BACKTEST = new BacktestRunId(DeterministicIds.uuid("ood-test-backtest"));

    private SortedMap<AssetId, List<Candle>> candles;
    private ModelTrainer.TrainedStack trained;

    @BeforeAll
    void train() {
        candles = new TreeMap<>();
        candles.put(BTC, MlPortsTest.candles(BTC, "BTC"));
        candles.put(ETH, MlPortsTest.candles(ETH, "ETH"));
        trained = MlModels.trainer().train(candles, TRAIN_FROM, TRAIN_TO, 5L);
    }

    @Test
    void aSyntheticOutlierIsHeldAndRecordedOnceAsARiskEventWithItsDistanceAndThreshold() {
        List<CycleReport> run = runHours(true);
        double threshold = trained.modelStack().oodThreshold().orElseThrow();
        BigDecimal stored = trained.artifacts().stream().filter(a -> a.version().role() == ModelRole.REGIME).findFirst()
                .orElseThrow().version().metrics().get("ood_threshold");
        assertThat(threshold).isCloseTo(stored.doubleValue(), org.assertj.core.data.Offset.offset(1e-9));

        List<RiskEvent> ood = new ArrayList<>();
        for (CycleReport r : run) {
            r.riskEvents().stream().filter(e -> e.rule().equals(RuleId.OUT_OF_DISTRIBUTION.id())).forEach(ood::add);
        }
        // the crash hour (and the rebound hour after it, whose 1-hour return is just as wild) only, ETH only
        assertThat(ood).isNotEmpty().allSatisfy(e -> {
            assertThat(e.asset()).isEqualTo(ETH);
            assertThat(e.type()).isEqualTo(RiskEventType.ENTRY_BLOCKED);
            assertThat(e.hour()).isIn(CRASH, CRASH.plusHours(1));
        });
        RiskEvent atCrash = ood.stream().filter(e -> e.hour().equals(CRASH)).findFirst().orElseThrow();
        assertThat(ood.stream().filter(e -> e.hour().equals(CRASH)).count()).isEqualTo(1);
        String thr = String.format(Locale.ROOT, "%.6f", threshold);
        assertThat(atCrash.detail()).startsWith("feature vector outside the training distribution: distance ")
                .contains("> threshold " + thr).endsWith("; HOLD, no entry");
        double distance = Double.parseDouble(atCrash.detail().replaceAll(".*distance ([0-9.]+) > .*", "$1"));
        double ratio = Double.parseDouble(atCrash.detail().replaceAll(".*\\(([0-9.]+) x the threshold\\).*", "$1"));
        assertThat(distance).isGreaterThan(threshold);
        assertThat(ratio).isGreaterThan(1.0).isCloseTo(distance / threshold, org.assertj.core.data.Offset.offset(1e-3));

        CycleReport crashHour = run.stream().filter(r -> r.signals().stream().anyMatch(s -> s.hour().equals(CRASH)))
                .findFirst().orElseThrow();
        TradeSignal eth = crashHour.signals().stream().filter(s -> s.asset().equals(ETH)).findFirst().orElseThrow();
        assertThat(eth.decision().action()).isEqualTo(SignalAction.HOLD);
        assertThat(eth.decision().regime()).isEqualTo(RegimeResult.OUT_OF_DISTRIBUTION);
        assertThat(eth.decision().reason()).contains("outside the training distribution");
        // the event is the RISK step's: the same hours run again give the same events and step hashes
        List<CycleReport> again = runHours(true);
        for (int i = 0; i < run.size(); i++) {
            assertThat(again.get(i).riskEvents()).isEqualTo(run.get(i).riskEvents());
            assertThat(again.get(i).stepHashes().get(CycleStep.RISK)).isEqualTo(run.get(i).stepHashes().get(CycleStep.RISK));
        }
    }

    @Test
    void withoutTheOutlierNoHourHasAnOutOfDistributionEventAndTheRiskHashDiffersOnlyWhereTheGateFired() {
        List<CycleReport> normal = runHours(false);
        List<CycleReport> crashed = runHours(true);
        assertThat(normal).allSatisfy(r -> assertThat(r.riskEvents())
                .noneMatch(e -> e.rule().equals(RuleId.OUT_OF_DISTRIBUTION.id())));
        // hours before the crash are untouched, hashes included
        for (int i = 0; i < 2; i++) {
            assertThat(crashed.get(i).stepHashes()).isEqualTo(normal.get(i).stepHashes());
        }
        assertThat(crashed.get(2).stepHashes().get(CycleStep.RISK)).isNotEqualTo(normal.get(2).stepHashes().get(CycleStep.RISK));
    }

    @Test
    void aCycleKilledAfterWritingTheEventWritesItOnceWhenResumed() {
        List<CycleReport> clean = runHours(true);
        java.util.concurrent.atomic.AtomicBoolean armed = new java.util.concurrent.atomic.AtomicBoolean(false);
        Cycle c = cycle(true, armed);
        c.run(CRASH.minusHours(2));
        c.run(CRASH.minusHours(1));
        armed.set(true);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> c.run(CRASH))
                .isInstanceOf(io.tradingcore.ports.testing.Crashes.SimulatedCrash.class);
        armed.set(false);
        assertThat(c.decisions.riskEvents(ACCOUNT, RunMode.BACKTEST, CRASH, CRASH.plusHours(1)))
                .anyMatch(e -> e.rule().equals(RuleId.OUT_OF_DISTRIBUTION.id()));
        c.runs.abandon(c.runs.find(ACCOUNT, RunMode.BACKTEST, CRASH).orElseThrow().runId());
        assertThat(c.run(CRASH).stepHashes()).isEqualTo(clean.get(2).stepHashes());
        assertThat(c.run(CRASH.plusHours(1)).stepHashes()).isEqualTo(clean.get(3).stepHashes());
        assertThat(c.decisions.riskEvents(ACCOUNT, RunMode.BACKTEST, CRASH, CRASH.plusHours(1)))
                .filteredOn(e -> e.rule().equals(RuleId.OUT_OF_DISTRIBUTION.id())).singleElement()
                .satisfies(e -> assertThat(e.asset()).isEqualTo(ETH));
    }

    @Test
    void hoursStoredBeforeTheEventWereFiledReplayWithoutItAndNewHoursReplayWithIt() {
        List<CycleReport> filed = runHours(true);
        Cycle oldCycle = cycle(true, null);
        oldCycle.service.filingOodHolds(OodHoldEvents.NOT_FILED, h -> Optional.empty());
        List<CycleReport> old = runHours(oldCycle);
        // the old behaviour: no event, a RISK hash of its own at the hours the gate held ETH, every other hash equal
        assertThat(old).allSatisfy(r -> assertThat(r.riskEvents()).noneMatch(e -> e.rule().equals(RuleId.OUT_OF_DISTRIBUTION.id())));
        assertThat(oldCycle.decisions.riskEvents(ACCOUNT, RunMode.BACKTEST, CRASH.minusHours(2), CRASH.plusHours(2)))
                .noneMatch(e -> e.rule().equals(RuleId.OUT_OF_DISTRIBUTION.id()));
        assertThat(old.get(2).stepHashes().get(CycleStep.RISK)).isNotEqualTo(filed.get(2).stepHashes().get(CycleStep.RISK));
        for (int i = 0; i < old.size(); i++) {
            for (CycleStep step : CycleStep.values()) {
                if (step != CycleStep.RISK) {
                    assertThat(old.get(i).stepHashes().get(step)).as("hour %d, %s", i, step).isEqualTo(filed.get(i).stepHashes().get(step));
                }
            }
        }
        // a replay (today's code, handed the stored RISK hashes) of the old run: identical, no event written
        Cycle replayOld = replaying(old);
        List<CycleReport> again = runHours(replayOld);
        for (int i = 0; i < old.size(); i++) {
            assertThat(again.get(i).stepHashes()).as("hour %d", i).isEqualTo(old.get(i).stepHashes());
            assertThat(again.get(i).riskEvents()).isEqualTo(old.get(i).riskEvents());
        }
        assertThat(replayOld.decisions.riskEvents(ACCOUNT, RunMode.BACKTEST, CRASH.minusHours(2), CRASH.plusHours(2)))
                .noneMatch(e -> e.rule().equals(RuleId.OUT_OF_DISTRIBUTION.id()));
        // a replay of a run stored with the events: identical, the events written again
        Cycle replayNew = replaying(filed);
        List<CycleReport> newAgain = runHours(replayNew);
        for (int i = 0; i < filed.size(); i++) {
            assertThat(newAgain.get(i).stepHashes()).as("hour %d", i).isEqualTo(filed.get(i).stepHashes());
            assertThat(newAgain.get(i).riskEvents()).isEqualTo(filed.get(i).riskEvents());
        }
        assertThat(replayNew.decisions.riskEvents(ACCOUNT, RunMode.BACKTEST, CRASH, CRASH.plusHours(1)))
                .filteredOn(e -> e.rule().equals(RuleId.OUT_OF_DISTRIBUTION.id())).singleElement()
                .satisfies(e -> assertThat(e.asset()).isEqualTo(ETH));
        // a stored RISK hash matching neither behaviour is not explained away: the event is filed, the hash differs
        Cycle replayOther = cycle(true, null);
        replayOther.service.filingOodHolds(OodHoldEvents.CURRENT, h -> Optional.of("0".repeat(64)));
        List<CycleReport> other = runHours(replayOther);
        assertThat(other.get(2).stepHashes()).isEqualTo(filed.get(2).stepHashes());
        assertThat(other.get(2).riskEvents()).anyMatch(e -> e.rule().equals(RuleId.OUT_OF_DISTRIBUTION.id()));
    }

    /** A fresh cycle over the crash, replaying {@code stored}: it is handed their RISK hashes by hour. */
    private Cycle replaying(List<CycleReport> stored) {
        java.util.Map<HourTs, String> risk = new TreeMap<>();
        for (int i = 0; i < stored.size(); i++) {
            risk.put(CRASH.minusHours(2).plusHours(i), stored.get(i).stepHashes().get(CycleStep.RISK).orElseThrow());
        }
        Cycle c = cycle(true, null);
        c.service.filingOodHolds(OodHoldEvents.CURRENT, h -> Optional.ofNullable(risk.get(h)));
        return c;
    }

    /** Hours CRASH-2 .. CRASH+1 of BTC and ETH through a fresh in-memory cycle with the trained stack. */
    private List<CycleReport> runHours(boolean crash) {
        return runHours(cycle(crash, null));
    }

    /** Hours CRASH-2 .. CRASH+1 through {@code c}. */
    private static List<CycleReport> runHours(Cycle c) {
        List<CycleReport> out = new ArrayList<>();
        for (HourTs h = CRASH.minusHours(2); h.isBefore(CRASH.plusHours(2)); h = h.plusHours(1)) {
            out.add(c.run(h));
        }
        return out;
    }

    private record Cycle(HourlyCycleService service, InMemoryRunContextRepository runs, InMemoryDecisionRecordRepository decisions,
                         ManualClock clock) {
        CycleReport run(HourTs h) {
            clock.set(h.toInstant());
            return service.run(new RunHourlyCycleCommand(ACCOUNT, RunMode.BACKTEST, h, ASSETS,
                    "0123456789abcdef0123456789abcdef01234567", 42, BACKTEST, new BigDecimal("10000"), Optional.empty()));
        }
    }

    /**
     * A fresh in-memory cycle over the real candles (ETH's crash candle when {@code crash}) with the trained stack;
     * with {@code killAfterRiskEvents}, the process dies right after the risk events are written while it is true.
     */
    private Cycle cycle(boolean crash, java.util.concurrent.atomic.AtomicBoolean killAfterRiskEvents) {
        InMemoryMarketDataRepository market = new InMemoryMarketDataRepository();
        List<Candle> all = new ArrayList<>(window(BTC));
        for (Candle c : window(ETH)) {
            all.add(crash && c.openTime().equals(CRASH.minusHours(1)) ? crashOf(c) : c);
        }
        market.ingestCandles("SIM", UUID.nameUUIDFromBytes("ood-test".getBytes(StandardCharsets.UTF_8)), all);
        TradingConfig config = new TradingConfig(SignalPolicyConfig.defaults(), DrawdownPolicy.defaults(), "SIM", 169);
        ManualClock clock = new ManualClock(CRASH.minusHours(2).toInstant());
        SimulatedExchangeGateway exchange = new SimulatedExchangeGateway(market, "SIM", config.signal().costs().feeRate(),
                config.signal().costs().slippageRate());
        InMemoryRunContextRepository runs = new InMemoryRunContextRepository();
        InMemoryDecisionRecordRepository decisions = new InMemoryDecisionRecordRepository();
        DecisionRecordRepository port = killAfterRiskEvents == null ? decisions : io.tradingcore.ports.testing.Crashes.crashing(
                DecisionRecordRepository.class, decisions, "recordRiskEvents", true, killAfterRiskEvents::get);
        HourlyCycleService service = new HourlyCycleService(runs, market, port, new InMemoryExecutionRepository(),
                new InMemoryAccountStateRepository(), trained.featureEngine(), trained.modelStack(), exchange,
                new FixedConfigurationProvider(config), clock);
        return new Cycle(service, runs, decisions, clock);
    }

    /** The real candles from 300 hours before the crash to 3 hours after it. */
    private List<Candle> window(AssetId asset) {
        return candles.get(asset).stream().filter(c -> !c.openTime().isBefore(CRASH.minusHours(300))
                && c.openTime().isBefore(CRASH.plusHours(3))).toList();
    }

    /** The same candle crashing 60 % from its open, on ten times its volume. */
    private static Candle crashOf(Candle c) {
        BigDecimal close = c.open().multiply(new BigDecimal("0.4")).setScale(c.open().scale(), RoundingMode.HALF_EVEN);
        return Candle.of(c.asset(), c.openTime(), c.open().toPlainString(), c.open().max(c.high()).toPlainString(),
                close.toPlainString(), close.toPlainString(), c.volume().multiply(BigDecimal.TEN).toPlainString());
    }
}
