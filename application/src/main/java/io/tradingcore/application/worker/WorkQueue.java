package io.tradingcore.application.worker;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import io.tradingcore.adapter.ml.MlModels;
import io.tradingcore.application.Inputs;
import io.tradingcore.application.Persistence;
import io.tradingcore.application.Wiring;
import io.tradingcore.application.backtest.WalkForwardBacktest;
import io.tradingcore.application.live.SessionAccounts;
import io.tradingcore.domain.Asset;
import io.tradingcore.domain.HourTs;
import io.tradingcore.domain.ModelVersionId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * Submits work for the workers: one task per backtest, one task per (account, hour) of the configured PAPER
 * accounts. Submitting the same thing twice is a no-op (the task instance id is the backtest run id, or
 * {@code account@hour}); a task that already ran is submitted again only to find everything already done.
 */
public final class WorkQueue {

    /** A submitted task: its name and instance id, and whether it was new (false: already queued). */
    public record Submitted(String task, String instance, boolean added) {
    }

    private final DataSource ds;
    private final Persistence p;
    private final String codeVersionSha;
    private final SchedulerClient client;

    /** {@code codeVersionSha}: the 40-hex commit of the code, stored with each backtest this queue defines. */
    public WorkQueue(DataSource dataSource, Persistence persistence, String codeVersionSha) {
        this.ds = Objects.requireNonNull(dataSource, "dataSource");
        this.p = Objects.requireNonNull(persistence, "persistence");
        this.codeVersionSha = Objects.requireNonNull(codeVersionSha, "codeVersionSha");
        this.client = SchedulerClient.Builder.create(dataSource, WorkerTasks.definitions()).serializer(new Utf8Serializer())
                .build();
    }

    /**
     * Queues a backtest; the instance id is the backtest run id that {@code backtest} with the same options would use.
     * The backtest is registered here (its account allocated), so concurrent workers never race for account ids.
     */
    public Submitted submitBacktest(TaskPayloads.Backtest t) {
        WalkForwardBacktest.Request r = WorkerTasks.backtestRequest(p, t, codeVersionSha);
        new WalkForwardBacktest(p, Wiring.modelTrainer(r.config().config()), t.commitEvery()).define(r);
        String id = r.backtestRunId().value().toString();
        boolean added = client.scheduleIfNotExists(WorkerTasks.BACKTEST.instance(id, TaskPayloads.toJson(t)), Instant.now());
        return new Submitted(WorkerTasks.BACKTEST_TASK, id, added);
    }

    /**
     * Queues hour {@code hour} of every account: registers accounts that do not exist yet (here, one at a time, so
     * workers never race to allocate ids), checks their assets, and pins the models active now into each task.
     *
     * @throws IllegalStateException if no model stack is active (run a backtest or {@code paper --train-if-missing})
     */
    public List<Submitted> submitHour(List<PaperAccounts.Account> accounts, HourTs hour) {
        SortedMap<String, ModelVersionId> pinned = MlModels.activeVersionIds(p.registry(), MlModels.DEFAULT_MODEL_NAME);
        SortedMap<String, String> models = new TreeMap<>();
        pinned.forEach((k, v) -> models.put(k, v.value().toString()));
        List<Submitted> out = new ArrayList<>();
        for (PaperAccounts.Account a : accounts) {
            List<Asset> assets = Inputs.sameQuote("assets", Inputs.assets(p.reference(), "assets", a.assets()));
            SessionAccounts.ensure(p.reference(), a.name(), assets.get(0).quote());
            TaskPayloads.Cycle c = new TaskPayloads.Cycle(a.name(), a.assets(), hour.toString(), a.config().canonicalJson(),
                    a.initialCapital().toPlainString(), a.seed(), models);
            String id = a.name() + "@" + hour;
            boolean added = client.scheduleIfNotExists(WorkerTasks.CYCLE.instance(id, TaskPayloads.toJson(c)), Instant.now());
            out.add(new Submitted(WorkerTasks.CYCLE_TASK, id, added));
        }
        return out;
    }
}
