package io.tradingcore.application.worker;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.tradingcore.adapter.ml.MlModels;
import io.tradingcore.application.Inputs;
import io.tradingcore.application.Persistence;
import io.tradingcore.application.Wiring;
import io.tradingcore.application.backtest.WalkForwardBacktest;
import io.tradingcore.application.config.AppConfig;
import io.tradingcore.application.config.ConfigLoader;
import io.tradingcore.application.live.PaperVenue;
import io.tradingcore.application.live.ReplayFeed;
import io.tradingcore.application.live.SessionAccounts;
import io.tradingcore.application.live.TradingLoop;
import io.tradingcore.domain.AccountId;
import io.tradingcore.domain.Asset;
import io.tradingcore.domain.HourTs;
import io.tradingcore.domain.ModelVersionId;
import io.tradingcore.domain.RunMode;
import io.tradingcore.ports.out.ModelStack;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * The task types workers run, and what each does. Both one-off tasks are resumable by construction: a backtest
 * continues after its last committed unit of hours (its id is a hash of its definition), and a PAPER hour
 * either finished (a second attempt is a no-op) or was rolled back whole.
 */
public final class WorkerTasks {

    public static final String BACKTEST_TASK = "backtest";
    public static final String CYCLE_TASK = "paper-cycle";
    public static final String HOURLY_TASK = "hourly-paper-cycles";
    /** The one-off task names (what "the queue is empty" is about). */
    public static final List<String> ONE_OFF = List.of(BACKTEST_TASK, CYCLE_TASK);

    /** Task descriptors without handlers: enough for a client that only submits. */
    static final OneTimeTask<String> BACKTEST = Tasks.oneTime(BACKTEST_TASK, String.class).execute((i, c) -> {
        throw new IllegalStateException("submit-only descriptor");
    });
    static final OneTimeTask<String> CYCLE = Tasks.oneTime(CYCLE_TASK, String.class).execute((i, c) -> {
        throw new IllegalStateException("submit-only descriptor");
    });

    private WorkerTasks() {
    }

    static List<Task<?>> definitions() {
        return List.of(BACKTEST, CYCLE);
    }

    /**
     * A backtest task that ran what it could but is not finished: candles it needs are not stored yet. The attempt
     * fails (it is not "done") and is retried like any failed attempt.
     */
    static final class NotFinished extends IllegalStateException {
        NotFinished(String message) {
            super(message);
        }
    }

    /** What one task attempt did, for the log and the worker's output. */
    record Outcome(String detail) {
    }

    /** Runs the task types against one database; one instance per worker, used by its threads concurrently. */
    static final class Runner {
        private final DataSource ds;
        private final Persistence p;
        private final String codeVersionSha;
        /**
         * The last stack each worker thread loaded, by its pinned versions: an hour of 100 accounts pins one stack,
         * and decoding its 10 artifacts once per thread instead of once per account is most of a short cycle's cost.
         * Per thread, because a stack's thread safety is not part of its contract.
         */
        private final ThreadLocal<Map.Entry<String, ModelStack>> lastStack = new ThreadLocal<>();

        Runner(DataSource ds, Persistence p, String codeVersionSha) {
            this.ds = ds;
            this.p = p;
            this.codeVersionSha = codeVersionSha;
        }

        /**
         * Runs (or resumes) the backtest of the payload. A backtest that could not finish because the candles of its
         * last hours (or the 25 hours of labels after a fold) are not stored yet is not done: the attempt fails with
         * {@link NotFinished}, so the task is retried after the worker's delay; {@code retryNote} says what happens next.
         */
        Outcome backtest(String json, String retryNote) {
            TaskPayloads.Backtest t = TaskPayloads.fromJson(json, TaskPayloads.Backtest.class);
            WalkForwardBacktest.Request r = backtestRequest(p, t, codeVersionSha);
            WalkForwardBacktest.Result res = new WalkForwardBacktest(p, Wiring.modelTrainer(r.config().config()), t.commitEvery()).run(r, WalkForwardBacktest.Progress.NONE);
            String did = String.format(Locale.ROOT, "backtest %s account %s: %d hours run, %d already done,"
                            + " %d skipped (no data), %d orders", res.id().value(), res.account(), res.hoursRun(),
                    res.hoursAlreadyDone(), res.hoursSkippedNoData(), res.ordersPlaced());
            if (!res.complete()) {
                throw new NotFinished(did + "; not finished: " + (res.hoursWaitingForData() > 0
                        ? "the last " + res.hoursWaitingForData() + " hour(s) of the window have no candles stored yet"
                        : "a fold's result waits for the 25 hours of candles after it") + "; the backtest stays RUNNING; "
                        + retryNote);
            }
            return new Outcome(did);
        }

        Outcome cycle(String json) {
            TaskPayloads.Cycle c = TaskPayloads.fromJson(json, TaskPayloads.Cycle.class);
            AccountId account = Wiring.tradingSessions(ds).accountByName(c.account()).orElseThrow(() -> new IllegalStateException(
                    "account '" + c.account() + "' is not registered (it is registered when its hour is submitted)"));
            AppConfig cfg = ConfigLoader.fromCanonical(c.configJson()).config();
            List<Asset> assets = Inputs.sameQuote("assets", Inputs.assets(p.reference(), "assets", c.assets()));
            HourTs hour = HourTs.of(Instant.parse(c.hour()));
            // Not yet stored is not "no data": the cycle would record the hour as SKIPPED for good, so wait instead
            // (the task fails and is retried) until the candle closing at the hour is there for some asset.
            boolean anyClosed = assets.stream().anyMatch(a -> !p.marketData().candles(a.id(), cfg.trading().venue(),
                    hour.minusHours(1), hour).isEmpty());
            if (!anyClosed) {
                throw new IllegalStateException("no candle closing at " + hour + " is stored yet for " + c.assets()
                        + "; the task is retried later");
            }
            ModelStack stack = pinnedStack(c.models());
            PaperVenue venue = PaperVenue.rebuild(cfg, assets, account, p.states(), p.execution(), p.marketData(), hour);
            BigDecimal capital = new BigDecimal(c.initialCapital());
            TradingLoop.Session s = new TradingLoop.Session(p, account, RunMode.PAPER, assets, cfg.trading(), c.seed(),
                    codeVersionSha, MlModels.featureEngine(stack), stack, venue, new ReplayFeed(hour, hour.plusHours(1)),
                    h -> capital);
            StringWriter lines = new StringWriter();
            TradingLoop.Summary sum = new TradingLoop(s, new PrintWriter(lines)).run(1, () -> false);
            if (sum.skippedNoData() > 0) {
                throw new IllegalStateException("no candles stored for " + hour + " of " + c.assets()
                        + " yet; the task is retried later");
            }
            return new Outcome("account " + c.account() + " (" + account + ") " + lines.toString().strip());
        }

        private ModelStack pinnedStack(SortedMap<String, String> models) {
            String key = models.toString();
            Map.Entry<String, ModelStack> last = lastStack.get();
            if (last != null && last.getKey().equals(key)) {
                return last.getValue();
            }
            TreeMap<String, ModelVersionId> pinned = new TreeMap<>();
            models.forEach((k, v) -> pinned.put(k, ModelVersionId.of(v)));
            ModelStack stack = MlModels.loadPinned(p.registry(), MlModels.DEFAULT_MODEL_NAME, pinned);
            lastStack.set(Map.entry(key, stack));
            return stack;
        }
    }

    static WalkForwardBacktest.Request backtestRequest(Persistence p, TaskPayloads.Backtest t, String codeVersionSha) {
        ConfigLoader.Loaded cfg = ConfigLoader.fromCanonical(t.configJson());
        List<Asset> assets = Inputs.assets(p.reference(), "assets", t.assets());
        return new WalkForwardBacktest.Request(assets, Inputs.hour("from", t.from()), Inputs.hour("to", t.to()), cfg,
                t.seed(), codeVersionSha);
    }

    /** Failed attempts are retried after {@code delay}, at most {@code maxRetries} times; then db-scheduler drops the task (its attempts stay in {@code worker_execution}). */
    static <T> FailureHandler<T> retry(Duration delay, int maxRetries) {
        return new FailureHandler.MaxRetriesFailureHandler<>(maxRetries, new FailureHandler.OnFailureRetryLater<>(delay));
    }
}
