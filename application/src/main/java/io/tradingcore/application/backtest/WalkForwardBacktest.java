package io.tradingcore.application.backtest;

import io.tradingcore.adapter.exchange.SimulatedVenue;
import io.tradingcore.application.config.AppConfig;
import io.tradingcore.application.Persistence;
import io.tradingcore.application.config.ConfigLoader;
import io.tradingcore.domain.AccountId;
import io.tradingcore.domain.Asset;
import io.tradingcore.domain.AssetId;
import io.tradingcore.domain.BacktestRunId;
import io.tradingcore.domain.Candle;
import io.tradingcore.domain.DeterministicIds;
import io.tradingcore.domain.HourTs;
import io.tradingcore.domain.RunMode;
import io.tradingcore.ports.in.CycleReport;
import io.tradingcore.ports.in.RunHourlyCycleCommand;
import io.tradingcore.ports.out.BacktestFoldResult;
import io.tradingcore.ports.out.BacktestRunRepository;
import io.tradingcore.ports.out.BacktestRunRepository.BacktestRunDefinition;
import io.tradingcore.ports.out.MarketDataRepository;
import io.tradingcore.ports.out.ModelTrainer;
import io.tradingcore.ports.service.HourlyCycleService;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeSet;

/**
 * A walk-forward backtest through the full hourly cycle. Every fold trains the model stack on data
 * before its test window (purged), registers the models, then runs the cycle hour by hour against a
 * deterministic simulated exchange; every row is persisted through the ports.
 *
 * <p>Resumable: the backtest id is a hash of its definition (assets, window, seed, configuration,
 * code version), so running the same command again continues after the last finished hour; the
 * simulated venue is rebuilt from the last stored state and the orders still open in the store.
 */
public final class WalkForwardBacktest {

    /**
     * Hours committed together by default (one unit of work): a crash or a failing hour rolls back at
     * most this many finished hours, which a re-run recomputes identically; fewer, larger commits are
     * what makes a persisted backtest fast (docs/benchmarks.md). Results never depend on it.
     */
    public static final int DEFAULT_HOURS_PER_COMMIT = 24;

    private final Persistence ports;
    private final BacktestInputs inputs;
    private final FoldModels models;
    private final int hoursPerCommit;
    private final java.time.Duration ownerWait;
    /** The cycles' DATA hash format and, in a replay, the stored DATA hash by hour ({@link HourlyCycleService#hashingData}). */
    private io.tradingcore.domain.hash.DataHashFormat dataHashFormat = io.tradingcore.domain.hash.DataHashFormat.CURRENT;
    private java.util.function.Function<HourTs, Optional<String>> storedDataHash = hour -> Optional.empty();
    /** Whether the cycles file the OOD gate's HOLD as a risk event and, in a replay, the stored RISK hash by hour. */
    private io.tradingcore.ports.service.OodHoldEvents oodHolds = io.tradingcore.ports.service.OodHoldEvents.CURRENT;
    private java.util.function.Function<HourTs, Optional<String>> storedRiskHash = hour -> Optional.empty();
    private int marketAhead = DEFAULT_MARKET_AHEAD;

    /**
     * Hours whose market side (DATA, FEATURES, MODELS; {@link io.tradingcore.ports.service.MarketSide}) a second thread
     * computes ahead of the cycle by default; the results are the same bit for bit with any number (0: no second thread).
     */
    public static final int DEFAULT_MARKET_AHEAD = 4;

    /** Over the persistence ports {@code ports}, training each fold's models with {@code trainer}. */
    public WalkForwardBacktest(Persistence ports, ModelTrainer trainer) {
        this(ports, trainer, DEFAULT_HOURS_PER_COMMIT);
    }

    /** {@code hoursPerCommit}: hours per unit of work, 1 to 720 (1 = every hour commits on its own). */
    public WalkForwardBacktest(Persistence ports, ModelTrainer trainer, int hoursPerCommit) {
        this(ports, trainer, hoursPerCommit, java.time.Duration.ZERO);
    }

    /**
     * {@code ownerWait}: how long to wait when another process owns the backtest (issue 17, item 2) before giving up
     * with {@link RunningElsewhereException}; zero gives up at once.
     */
    public WalkForwardBacktest(Persistence ports, ModelTrainer trainer, int hoursPerCommit, java.time.Duration ownerWait) {
        this.ports = Objects.requireNonNull(ports, "ports");
        this.inputs = new BacktestInputs(ports);
        this.models = new FoldModels(ports, Objects.requireNonNull(trainer, "trainer"));
        if (hoursPerCommit < 1 || hoursPerCommit > 720) {
            throw new IllegalArgumentException("hours per commit must be between 1 and 720, was " + hoursPerCommit);
        }
        if (ownerWait.isNegative()) {
            throw new IllegalArgumentException("the wait for another owner must not be negative, was " + ownerWait);
        }
        this.hoursPerCommit = hoursPerCommit;
        this.ownerWait = ownerWait;
    }

    /** The DATA hash format and stored DATA hashes its cycles use (replay; tests of stored formats). Returns this. */
    WalkForwardBacktest hashingData(io.tradingcore.domain.hash.DataHashFormat format,
                                    java.util.function.Function<HourTs, Optional<String>> stored) {
        this.dataHashFormat = Objects.requireNonNull(format, "format");
        this.storedDataHash = Objects.requireNonNull(stored, "stored");
        return this;
    }

    /** Whether the cycles file the OOD gate's HOLD as a risk event, and the stored RISK hashes (replay; tests). Returns this. */
    WalkForwardBacktest filingOodHolds(io.tradingcore.ports.service.OodHoldEvents mode,
                                       java.util.function.Function<HourTs, Optional<String>> stored) {
        this.oodHolds = Objects.requireNonNull(mode, "mode");
        this.storedRiskHash = Objects.requireNonNull(stored, "stored");
        return this;
    }

    /** Computes the market side of up to {@code hours} hours ahead on a second thread (0: in the cycle). Returns this. */
    public WalkForwardBacktest marketAhead(int hours) {
        if (hours < 0 || hours > 720) {
            throw new IllegalArgumentException("hours computed ahead must be between 0 and 720, was " + hours);
        }
        this.marketAhead = hours;
        return this;
    }

    /** What to run. */
    public record Request(List<Asset> assets, HourTs from, HourTs to, ConfigLoader.Loaded config, int seed,
                          String codeVersionSha) {
        public Request {
            assets = List.copyOf(new TreeSet<>(assets));
            if (assets.isEmpty()) {
                throw new IllegalArgumentException("a backtest needs at least one asset");
            }
            if (assets.stream().map(Asset::quote).distinct().count() > 1) {
                throw new IllegalArgumentException("all assets of a backtest must share one quote currency, got "
                        + assets.stream().map(Asset::symbol).toList());
            }
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            if (!from.isBefore(to)) {
                throw new IllegalArgumentException("--from " + from + " must be before --to " + to);
            }
            Objects.requireNonNull(config, "config");
        }

        public BacktestRunId backtestRunId() {
            List<String> parts = new ArrayList<>(List.of("backtest", config.sha256(), from.toString(), to.toString(),
                    Integer.toString(seed), codeVersionSha));
            assets.forEach(a -> parts.add(a.symbol()));
            return new BacktestRunId(DeterministicIds.uuid(parts.toArray(String[]::new)));
        }
    }

    /** Progress callbacks (a progress bar on a terminal, log lines otherwise). */
    public interface Progress {
        void started(BacktestRunId id, AccountId account, long totalHours, long alreadyDone);

        void foldTrained(FoldPlan.Fold fold, int models);

        void hourDone(HourTs hour, CycleReport report);

        void finished();

        Progress NONE = new Progress() {
            @Override
            public void started(BacktestRunId id, AccountId account, long totalHours, long alreadyDone) {
            }

            @Override
            public void foldTrained(FoldPlan.Fold fold, int models) {
            }

            @Override
            public void hourDone(HourTs hour, CycleReport report) {
            }

            @Override
            public void finished() {
            }
        };
    }

    /**
     * What a run did. {@code hoursWaitingForData}: hours at the end of the window not run yet because no asset has
     * a candle for them in the store. {@code complete}: every hour ran and every fold's result is recorded (a fold's
     * result also waits for the candles of the 25 hours after it, which its metrics are scored on); otherwise the
     * backtest stays RUNNING: ingest the missing candles and run it again to finish it.
     */
    public record Result(BacktestRunId id, AccountId account, long hoursRun, long hoursAlreadyDone, long hoursSkippedNoData,
                         long ordersPlaced, List<BacktestFoldResult> folds, long hoursWaitingForData, boolean complete) {
    }

    /**
     * The stored definition of {@code r}'s backtest, registering it (and allocating its account) when it does not
     * exist yet. Running registers it too; submitting it for the workers registers it up front, in the submitting
     * process, so that workers running backtests side by side never allocate accounts concurrently.
     */
    public BacktestRunDefinition define(Request r) {
        AppConfig cfg = r.config().config();
        BacktestRunId id = r.backtestRunId();
        return ports.backtests().find(id).orElseGet(() -> {
            r.assets().forEach(ports.reference()::ensureAsset);
            // the account id is allocated by the store under the backtest's unique account name (atomic: two processes
            // defining the same backtest get the same account, two different backtests never share one)
            AccountId account = ports.reference().registerAccount(BacktestRunRepository.accountName(id),
                    r.assets().get(0).quote());
            BacktestRunDefinition d = new BacktestRunDefinition(id, account,
                    r.assets().stream().map(Asset::symbol).toList(), r.from(), r.to(), r.seed(), cfg.initialCapital(),
                    r.config().canonicalJson(), r.config().sha256(), r.codeVersionSha(), "RUNNING");
            return ports.backtests().create(d);
        });
    }

    /**
     * Runs (or resumes) the backtest. When it fails after its definition is stored, the backtest is marked FAILED with
     * the error (`runs list` shows it) and the error is rethrown; running it again resumes it (RUNNING again).
     *
     * <p>One process at a time: the backtest is claimed in the store ({@link BacktestRunRepository#claim}) before
     * anything of it is read or run, and held until the run ends. A second process waits up to the owner wait and then
     * fails with {@link RunningElsewhereException}, having written nothing. When the owner dies its claim goes with its
     * database session, and the next process resumes from what the owner committed (the venue is rebuilt from the
     * stored state after the claim is taken, never before).
     *
     * @throws RunningElsewhereException if another process still owns the backtest after the owner wait
     */
    public Result run(Request r, Progress progress) {
        BacktestRunId id = r.backtestRunId();
        Optional<BacktestRunRepository.Claim> claim = ports.backtests().claim(id, ownerWait);
        if (claim.isEmpty()) {
            throw new RunningElsewhereException("backtest " + id.value() + " is running elsewhere (another process owns it"
                    + (ownerWait.isZero() ? "" : " after waiting " + ownerWait.toSeconds() + " s")
                    + "); wait for it to end, or stop it and run the same command again to resume");
        }
        try (BacktestRunRepository.Claim owned = claim.get()) {
            return runOwned(r, progress);
        }
    }

    private Result runOwned(Request r, Progress progress) {
        try {
            return runOrResume(r, progress);
        } catch (RunningElsewhereException e) {
            throw e; // the other process owns the status
        } catch (RuntimeException e) {
            BacktestRunId id = r.backtestRunId();
            try {
                if (ports.backtests().find(id).isPresent()) {
                    ports.backtests().markFailed(id, e.getClass().getSimpleName() + ": " + e.getMessage());
                }
            } catch (RuntimeException notMarked) {
                e.addSuppressed(notMarked);
            }
            throw e;
        }
    }

    /** Another process owns this backtest (or runs an hour of it); nothing was written. */
    public static final class RunningElsewhereException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        RunningElsewhereException(String message) {
            super(message);
        }
    }

    private Result runOrResume(Request r, Progress progress) {
        AppConfig cfg = r.config().config();
        String venueName = cfg.trading().venue();
        BacktestRunId id = r.backtestRunId();
        FoldPlan plan = FoldPlan.of(r.from(), r.to(), cfg.walkForward());
        // the candles first: a backtest refused for missing data stores nothing (issue 17, item 9)
        SortedMap<AssetId, List<Candle>> candles = inputs.loadCandles(r, plan, venueName);
        AccountId account = define(r).account();
        r.assets().forEach(ports.reference()::ensureAsset);
        MarketDataRepository marketData = new PreloadedMarketData(ports.marketData(), venueName, BacktestInputs.loadedTo(r),
                candles);
        HourTs firstUnfinished = inputs.firstUnfinishedHour(id, r.from(), r.to());
        long total = r.from().hoursUntil(r.to());
        long done = r.from().hoursUntil(firstUnfinished);
        progress.started(id, account, total, done);
        ports.backtests().updateStatus(id, "RUNNING");

        SimulatedVenue venue = inputs.rebuildVenue(r, cfg, account, candles, firstUnfinished);
        BacktestClock clock = new BacktestClock(r.from());
        long run = 0;
        long skipped = 0;
        long orders = 0;
        List<BacktestFoldResult> foldResults = new ArrayList<>();
        // Not stored yet is not "no data" (issue 17, item 8): an hour after the last stored candle of every asset would be
        // recorded as SKIPPED (or marked stale) for good, and neither a re-run after ingesting it nor a replay could
        // agree with it. Such hours wait: the backtest runs up to the data it has and stays RUNNING.
        HourTs dataEnd = BacktestInputs.dataEnd(candles);
        for (FoldPlan.Fold fold : plan.folds()) {
            if (!fold.testFrom().isBefore(dataEnd)) {
                break;
            }
            HourTs foldEnd = earlier(fold.testTo(), dataEnd);
            boolean foldFinished = !fold.testTo().isAfter(firstUnfinished);
            Optional<BacktestFoldResult> stored = ports.folds().foldResults(id).stream()
                    .filter(f -> f.foldIndex() == fold.index()).findFirst();
            if (foldFinished && stored.isPresent()) {
                foldResults.add(stored.get());
                continue;
            }
            ModelTrainer.TrainedStack trained = models.trainAndActivate(fold, r, candles);
            progress.foldTrained(fold, trained.artifacts().size());
            HourlyCycleService cycle = new HourlyCycleService(ports.runs(), marketData, ports.decisions(),
                    ports.execution(), ports.states(), trained.featureEngine(), trained.modelStack(), venue,
                    cfg::trading, clock).hashingData(dataHashFormat, storedDataHash)
                    .filingOodHolds(oodHolds, storedRiskHash);
            FoldHours.Counts counts = FoldHours.run(ports.units(), cycle, r.assets(), fold.testFrom(), foldEnd, hoursPerCommit,
                    marketAhead, h -> new RunHourlyCycleCommand(account, RunMode.BACKTEST, h, r.assets(), r.codeVersionSha(),
                            r.seed(), id, cfg.initialCapital(), Optional.empty()), clock, venue, id, progress);
            run += counts.run();
            skipped += counts.skipped();
            orders += counts.orders();
            ports.units().awaitCommitted(); // the fold's hours are durable before its result is
            if (foldEnd.isBefore(fold.testTo())) {
                break; // the fold is not over: its result is recorded by the run that finishes it
            }
            if (dataEnd.isBefore(fold.testTo().plusHours(BacktestInputs.LABEL_HORIZON_HOURS + 1))) {
                continue; // the labels its metrics are scored on (up to 25 h past it) are not all stored yet
            }
            BacktestFoldResult result = new BacktestFoldResult(id, fold.index(), fold.trainFrom().toInstant(),
                    fold.trainTo().toInstant(), fold.testFrom().toInstant(), fold.testTo().toInstant(),
                    models.foldMetrics(trained, candles, fold, account));
            ports.folds().recordFoldResult(result);
            foldResults.add(result);
        }
        HourTs waitingFrom = firstUnfinished.isAfter(dataEnd) ? firstUnfinished : dataEnd;
        long waiting = waitingFrom.isBefore(r.to()) ? waitingFrom.hoursUntil(r.to()) : 0;
        boolean complete = waiting == 0 && foldResults.size() == plan.folds().size();
        if (complete) {
            ports.backtests().updateStatus(id, "COMPLETED");
        }
        progress.finished();
        return new Result(id, account, run, done, skipped, orders, List.copyOf(foldResults), waiting, complete);
    }

    private static HourTs earlier(HourTs a, HourTs b) {
        return FoldHours.earlier(a, b);
    }
}
