package io.tradingcore.ports.service;

import io.tradingcore.domain.Asset;
import io.tradingcore.domain.Candle;
import io.tradingcore.domain.DeterministicIds;
import io.tradingcore.domain.HourTs;
import io.tradingcore.domain.hash.Canonical;
import io.tradingcore.domain.hash.CycleStep;
import io.tradingcore.domain.hash.DataHashFormat;
import io.tradingcore.domain.hash.StepHashes;
import io.tradingcore.domain.run.RunContext;
import io.tradingcore.domain.run.RunStart;
import io.tradingcore.domain.run.RunStatus;
import io.tradingcore.ports.in.CycleReport;
import io.tradingcore.ports.in.RunHourlyCycleCommand;
import io.tradingcore.ports.in.RunHourlyCycleUseCase;
import io.tradingcore.ports.out.AccountStateRepository;
import io.tradingcore.ports.out.TimeSource;
import io.tradingcore.ports.out.ConfigurationProvider;
import io.tradingcore.ports.out.DecisionRecordRepository;
import io.tradingcore.ports.out.ExchangeGateway;
import io.tradingcore.ports.out.ExecutionRepository;
import io.tradingcore.ports.out.FeatureEngine;
import io.tradingcore.ports.out.MarketDataRepository;
import io.tradingcore.ports.out.ModelStack;
import io.tradingcore.ports.out.RunContextRepository;
import io.tradingcore.ports.out.TradingConfig;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The hourly cycle over the ports, the same code for BACKTEST, PAPER and LIVE.
 *
 * <p>Order of work: DATA (read as of the hour; read before the run context is opened because
 * run_context.data_snapshot_hash is NOT NULL and reads have no side effects), open the run context
 * (idempotent), load the previous hour's state, reconcile orders left open by earlier hours, assess
 * drawdown, FEATURES, MODELS, SIGNALS, RISK, ORDERS (recorded before submission), submit, FILLS, LEDGER,
 * STATE, complete. Each step's output is hashed canonically; the hashes are stored with the run.
 *
 * <p>This class only orchestrates: it reads the data, opens and finishes the run context, and hands one
 * {@link CycleState} through the named steps {@link ReconcileStep}, {@link AssessDrawdownStep}, {@link DecideStep},
 * {@link SizeAndCheckStep}, {@link ExecuteAndBookStep} and {@link RecordStateStep}. The rules they apply live in
 * core-domain (signal policy, drawdown monitor, risk check, order sizing, order state machine, ledger).
 *
 * <p>A resumed cycle re-runs every step: all writes are idempotent by deterministic keys and the
 * venue recognises our deterministic client order ids, so nothing is written or placed twice.
 */
public final class HourlyCycleService implements RunHourlyCycleUseCase {
    private final RunContextRepository runs;
    private final MarketDataRepository marketData;
    private final ExecutionRepository execution;
    private final AccountStateRepository states;
    private final FeatureEngine featureEngine;
    private final ModelStack models;
    private final ConfigurationProvider configuration;
    private final TimeSource clock;
    /** The cycle body: reconcile, assess drawdown, decide, size and check, execute and book, record state. */
    private final List<CycleStage> steps;
    /** Candles recur in the next hour's window: their digest (V2) or canonical text (V1) is computed once. */
    private final Canonical.Memo candleDigests = Canonical.Memo.digests(Candle.class);
    private final Canonical.Memo candleTexts = new Canonical.Memo(Candle.class);
    /** The DATA hash format of new hours, and the stored DATA hash of an hour being recomputed (replay), if any. */
    private volatile DataHashFormat dataHashFormat = DataHashFormat.CURRENT;
    private volatile Function<HourTs, Optional<String>> storedDataHash = hour -> Optional.empty();
    /** Whether new hours file the gate's HOLD as a risk event, and the stored RISK hash of an hour being recomputed. */
    private volatile OodHoldEvents oodHolds = OodHoldEvents.CURRENT;
    private volatile Function<HourTs, Optional<String>> storedRiskHash = hour -> Optional.empty();

    public HourlyCycleService(RunContextRepository runs, MarketDataRepository marketData, DecisionRecordRepository decisions,
                              ExecutionRepository execution, AccountStateRepository states, FeatureEngine featureEngine,
                              ModelStack models, ExchangeGateway exchange, ConfigurationProvider configuration, TimeSource clock) {
        this.runs = Objects.requireNonNull(runs, "runs");
        this.marketData = Objects.requireNonNull(marketData, "marketData");
        Objects.requireNonNull(decisions, "decisions");
        this.execution = Objects.requireNonNull(execution, "execution");
        this.states = Objects.requireNonNull(states, "states");
        this.featureEngine = Objects.requireNonNull(featureEngine, "featureEngine");
        this.models = Objects.requireNonNull(models, "models");
        Objects.requireNonNull(exchange, "exchange");
        this.configuration = Objects.requireNonNull(configuration, "configuration");
        this.clock = Objects.requireNonNull(clock, "clock");
        VenueOrderSync sync = new VenueOrderSync(exchange, execution);
        SellableHoldings holdings = new SellableHoldings(exchange);
        this.steps = List.of(
                new ReconcileStep(execution, states, exchange, sync),
                new AssessDrawdownStep(exchange, sync),
                new DecideStep(models, decisions, holdings),
                new SizeAndCheckStep(exchange, execution, decisions, holdings),
                new ExecuteAndBookStep(sync),
                new RecordStateStep(states, decisions, holdings));
    }

    @Override
    public CycleReport run(RunHourlyCycleCommand cmd) {
        return run(cmd, marketSide(cmd.hour(), cmd.assets(), false));
    }

    /**
     * The market side of {@code hour} for {@code assets} ({@link MarketSide}: DATA, FEATURES, MODELS and their hashes),
     * read and computed now (the hashes by {@link MarketSide#hashAhead} or else by the cycle), its failures kept for {@link #run(RunHourlyCycleCommand, MarketSide)} to throw at the
     * point the cycle would have failed. For a backtest, whose hours are known in advance: one thread prepares the
     * next hours, in hour order (the feature engine and the models are used by that thread alone), while the cycle
     * runs the state side of this one. Reads the configuration and the market data as of the hour, nothing else.
     */
    public MarketSide prepare(HourTs hour, List<Asset> assets) {
        return marketSide(hour, List.copyOf(assets), true);
    }

    private MarketSide marketSide(HourTs hour, List<Asset> assets, boolean ahead) {
        TradingConfig config = configuration.current();
        return new MarketSide(this, hour, assets, config, featureEngine, models, () -> read(hour, assets, config),
                inputs -> dataHash(inputs, hour), ahead);
    }

    private List<AssetInputs> read(HourTs hour, List<Asset> assets, TradingConfig config) {
        int minBars = featureEngine.lookbackBars();
        int bars = Math.max(minBars, config.lookbackBars());
        List<AssetInputs> inputs = new ArrayList<>();
        for (Asset a : assets) {
            inputs.add(AssetInputs.of(a, marketData.closedCandlesAsOf(a.id(), config.venue(), hour, bars),
                    marketData.latestBookAsOf(a.id(), config.venue(), hour), hour, minBars));
        }
        return inputs;
    }

    /**
     * Runs the cycle of {@code cmd}'s hour with its market side {@code market} ({@link #prepare}d by this service for
     * the same hour and assets): the same steps, records and hashes as {@link #run(RunHourlyCycleCommand)}.
     */
    public CycleReport run(RunHourlyCycleCommand cmd, MarketSide market) {
        if (market.owner != this || !market.hour.equals(cmd.hour()) || !market.assets.equals(cmd.assets())) {
            throw new IllegalArgumentException("the market side of " + market.hour + " for " + market.assets.stream()
                    .map(Asset::symbol).toList() + " was not prepared by this cycle for hour " + cmd.hour() + " and its assets");
        }
        TradingConfig config = market.config;
        HourTs hour = cmd.hour();
        List<AssetInputs> inputs = market.inputs();
        String dataHash = market.dataHash();
        StepHashes hashes = StepHashes.empty().with(CycleStep.DATA, dataHash);

        RunContext proposed = new RunContext(DeterministicIds.runId(cmd.account(), cmd.mode(), hour), cmd.account(), cmd.mode(),
                hour, Math.max(0, hour.toInstant().getEpochSecond() / 3600), cmd.codeVersionSha(), configHash(config), dataHash,
                cmd.randomSeed(), cmd.backtestRunId(), RunStatus.STARTED, clock.now(), null);
        RunStart start = runs.start(proposed);
        RunContext run = start.context();
        if (start instanceof RunStart.AlreadyFinished) {
            return empty(run, CycleReport.Outcome.ALREADY_FINISHED, runs.stepHashes(run.runId()).orElse(StepHashes.empty()));
        }
        if (start instanceof RunStart.Busy) {
            return empty(run, CycleReport.Outcome.BUSY, StepHashes.empty());
        }
        if (inputs.stream().noneMatch(AssetInputs::fresh) && !holdsAnything(cmd)) {
            runs.finish(run.runId(), RunStatus.SKIPPED, laterOf(clock.now(), run.startedAt()), hashes);
            return empty(run, CycleReport.Outcome.SKIPPED_NO_DATA, hashes);
        }
        CycleState cycle = new CycleState(cmd, config, run.key(), inputs, hashes);
        cycle.market = market;
        cycle.oodHolds = oodHolds;
        cycle.storedRisk = storedRiskHash.apply(hour);
        try {
            for (CycleStage step : steps) {
                step.run(cycle);
            }
            CycleReport report = cycle.report();
            runs.finish(run.runId(), RunStatus.COMPLETED, laterOf(clock.now(), run.startedAt()), report.stepHashes());
            return report;
        } catch (RuntimeException e) {
            try {
                runs.finish(run.runId(), RunStatus.FAILED, laterOf(clock.now(), run.startedAt()), cycle.hashes);
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /**
     * Hashes DATA in {@code format} (default {@link DataHashFormat#CURRENT}; V1 only to reproduce hours stored before V2,
     * and in tests); {@code stored} gives the DATA hash stored for an hour that is being recomputed (a replay): when
     * it differs from this format's hash, the other formats' hashes of the same inputs are computed and the one equal
     * to it, if any, is kept, so a run stored in an earlier format replays identically. Returns this service.
     */
    public HourlyCycleService hashingData(DataHashFormat format, Function<HourTs, Optional<String>> stored) {
        this.dataHashFormat = Objects.requireNonNull(format, "format");
        this.storedDataHash = Objects.requireNonNull(stored, "stored");
        return this;
    }

    /**
     * Files the gate's HOLD as a risk event or not ({@code mode}: {@link OodHoldEvents#CURRENT} files it;
     * {@link OodHoldEvents#NOT_FILED} only to reproduce hours stored before 2026-12-06, and in tests); {@code stored}
     * gives the RISK hash stored for an hour being recomputed (a replay): when filing makes it differ and the same step
     * without the hour's out-of-distribution events hashes to it, the hour is recomputed without them (they are
     * neither written nor hashed), so a run stored before the events replays identically. Returns this service.
     */
    public HourlyCycleService filingOodHolds(OodHoldEvents mode, Function<HourTs, Optional<String>> stored) {
        this.oodHolds = Objects.requireNonNull(mode, "mode");
        this.storedRiskHash = Objects.requireNonNull(stored, "stored");
        return this;
    }

    private String dataHash(List<AssetInputs> inputs, HourTs hour) {
        synchronized (candleDigests) {
            String hash = dataHash(dataHashFormat, inputs);
            Optional<String> stored = storedDataHash.apply(hour);
            if (stored.isPresent() && !stored.get().equals(hash)) {
                for (DataHashFormat other : DataHashFormat.values()) {
                    if (other != dataHashFormat && dataHash(other, inputs).equals(stored.get())) {
                        return stored.get();
                    }
                }
            }
            return hash;
        }
    }

    private String dataHash(DataHashFormat format, List<AssetInputs> inputs) {
        return switch (format) {
            case V1 -> Canonical.sha256(inputs, candleTexts);
            case V2 -> Canonical.sha256OfDigests(format.prefix(), inputs, candleDigests);
        };
    }

    /** The configuration's hash, computed again only when the provider hands out another instance (records are immutable). */
    private String configHash(TradingConfig config) {
        HashedConfig last = lastConfig;
        if (last == null || last.config != config) {
            last = new HashedConfig(config, config.configHash());
            lastConfig = last;
        }
        return last.hash;
    }

    private record HashedConfig(TradingConfig config, String hash) {
    }

    private volatile HashedConfig lastConfig;

    private boolean holdsAnything(RunHourlyCycleCommand cmd) {
        return !execution.openOrders(cmd.account(), cmd.mode()).isEmpty()
                || states.latestBefore(cmd.account(), cmd.mode(), cmd.hour())
                .map(s -> s.positions().stream().anyMatch(p -> p.quantity().signum() > 0)).orElse(false);
    }

    private static Instant laterOf(Instant a, Instant b) {
        return a.isBefore(b) ? b : a;
    }

    private static CycleReport empty(RunContext run, CycleReport.Outcome outcome, StepHashes hashes) {
        return new CycleReport(run.runId(), outcome, hashes, List.of(), List.of(), List.of(), Optional.empty());
    }
}
