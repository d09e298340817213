package io.tradingcore.application.worker;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import io.tradingcore.application.Persistence;
import io.tradingcore.application.Wiring;
import io.tradingcore.domain.HourTs;
import io.tradingcore.ports.out.WorkerAttemptLog;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * A worker joins the cluster of processes that share one PostgreSQL: it runs the tasks of {@link WorkerTasks} with
 * db-scheduler, which hands each due task to exactly one worker (row lock on {@code scheduled_tasks}), keeps a
 * heartbeat while it runs, and gives a task whose worker stopped heartbeating to another worker (dead execution,
 * revived). The library API behind the {@code worker} command; embed it with {@link #start} and {@link #close}.
 */
public final class Worker implements AutoCloseable {

    /**
     * How a worker runs. {@code hourlyCron} (db-scheduler's 6-field cron, seconds first) triggers the submission of
     * the next hour of every configured account; it is only scheduled when {@code accounts} is not empty.
     */
    public record Options(String name, int threads, Duration pollingInterval, Duration heartbeat, int missedHeartbeats,
                          Duration retryDelay, int maxRetries, List<PaperAccounts.Account> accounts, String hourlyCron) {
        public Options {
            Objects.requireNonNull(name, "name");
            if (name.isBlank()) {
                throw new IllegalArgumentException("a worker needs a name");
            }
            if (threads < 1 || threads > 64) {
                throw new IllegalArgumentException("threads must be between 1 and 64, was " + threads);
            }
            if (missedHeartbeats < 2) {
                throw new IllegalArgumentException("missed heartbeats before a worker is declared dead must be >= 2, was "
                        + missedHeartbeats);
            }
            accounts = List.copyOf(accounts);
        }

        /** Defaults for production: poll every 2 s, heartbeat every 10 s, dead after 6 missed, retry failures after 60 s. */
        public static Options defaults(String name) {
            return new Options(name, 1, Duration.ofSeconds(2), Duration.ofSeconds(10), 6, Duration.ofSeconds(60), 5, List.of(),
                    "0 1 * * * *");
        }
    }

    private final Scheduler scheduler;
    private final WorkerAttemptLog log;

    private Worker(Scheduler scheduler, WorkerAttemptLog log) {
        this.scheduler = scheduler;
        this.log = log;
    }

    /**
     * Starts the worker's threads; tasks run until {@link #close}. Output lines (one per task attempt) go to {@code out}.
     * {@code codeVersionSha} (40 hex) is stored with every run the worker starts.
     */
    public static Worker start(DataSource ds, Persistence p, Options o, String codeVersionSha, PrintWriter out) {
        WorkerAttemptLog log = Wiring.workerLog(ds);
        WorkerTasks.Runner runner = new WorkerTasks.Runner(ds, p, codeVersionSha);
        List<Task<?>> tasks = new ArrayList<>();
        tasks.add(Tasks.oneTime(WorkerTasks.BACKTEST_TASK, String.class)
                .onFailure(WorkerTasks.retry(o.retryDelay(), o.maxRetries())).onDeadExecutionRevive()
                .execute((inst, ctx) -> logged(log, o.name(), out, WorkerTasks.BACKTEST_TASK, inst.getId(),
                        inst.getData(), data -> runner.backtest(data, retryNote(o, ctx.getExecution().consecutiveFailures)))));
        tasks.add(Tasks.oneTime(WorkerTasks.CYCLE_TASK, String.class)
                .onFailure(WorkerTasks.retry(o.retryDelay(), o.maxRetries())).onDeadExecutionRevive()
                .execute((inst, ctx) -> logged(log, o.name(), out, WorkerTasks.CYCLE_TASK, inst.getId(),
                        inst.getData(), runner::cycle)));
        var builder = Scheduler.create(ds, tasks)
                .schedulerName(new SchedulerName.Fixed(o.name()))
                .serializer(new Utf8Serializer())
                .threads(o.threads())
                .pollingInterval(o.pollingInterval())
                .heartbeatInterval(o.heartbeat())
                .missedHeartbeatsLimit(o.missedHeartbeats())
                .enableImmediateExecution()
                .shutdownMaxWait(Duration.ofSeconds(30));
        if (!o.accounts().isEmpty()) {
            WorkQueue queue = new WorkQueue(ds, p, codeVersionSha);
            RecurringTask<Void> hourly = Tasks.recurring(WorkerTasks.HOURLY_TASK, Schedules.cron(o.hourlyCron()))
                    .execute((inst, ctx) -> {
                        HourTs hour = HourTs.of(ctx.getExecution().executionTime.truncatedTo(ChronoUnit.HOURS));
                        logged(log, o.name(), out, WorkerTasks.HOURLY_TASK, hour.toString(), null, ignored ->
                                new WorkerTasks.Outcome(describe(queue.submitHour(o.accounts(), hour), hour)));
                    });
            builder.startTasks(hourly);
        }
        Scheduler scheduler = builder.build();
        scheduler.start();
        out.println("worker " + o.name() + " joined: " + o.threads() + " thread(s), heartbeat " + o.heartbeat().toMillis()
                + " ms, dead after " + o.missedHeartbeats() + " missed"
                + (o.accounts().isEmpty() ? "" : ", hourly cycles of " + o.accounts().size() + " account(s) at '" + o.hourlyCron() + "'"));
        out.flush();
        return new Worker(scheduler, log);
    }

    /**
     * What happens after a failed attempt that had {@code failuresBefore} failed attempts before it: retried after
     * the delay ({@link WorkerTasks#retry}: {@code maxRetries} retries after the first attempt), or given up.
     */
    static String retryNote(Options o, int failuresBefore) {
        int attempt = failuresBefore + 1;
        int attempts = o.maxRetries() + 1;
        return attempt < attempts
                ? "the task is retried in " + o.retryDelay().toMillis() + " ms (attempt " + attempt + " of " + attempts + ")"
                : "attempt " + attempt + " of " + attempts + ", not retried again: once the candles are ingested, submit"
                + " it again (backtest ... --submit) or run the same backtest command";
    }

    private static String describe(List<WorkQueue.Submitted> s, HourTs hour) {
        long added = s.stream().filter(WorkQueue.Submitted::added).count();
        return added + " account-hour task(s) submitted for " + hour + " (" + (s.size() - added) + " already queued)";
    }

    private static void logged(WorkerAttemptLog log, String worker, PrintWriter out, String task, String instance, String data,
                               Function<String, WorkerTasks.Outcome> body) {
        long attempt = log.started(task, instance, worker);
        synchronized (out) {
            out.println("start " + task + " " + instance);
            out.flush();
        }
        try {
            WorkerTasks.Outcome r = body.apply(data);
            log.finished(attempt, true, r.detail());
            synchronized (out) {
                out.println("done  " + task + " " + instance + ": " + r.detail());
                out.flush();
            }
        } catch (RuntimeException e) {
            log.finished(attempt, false, String.valueOf(e.getMessage()));
            synchronized (out) {
                out.println("FAILED " + task + " " + instance + ": " + e.getMessage());
                out.flush();
            }
            throw e;
        }
    }

    /** Whether no one-off task is left in the table (none queued, running, or held by a dead worker). */
    public boolean queueEmpty() {
        return log.pending(WorkerTasks.ONE_OFF) == 0;
    }

    /** The latest {@code limit} task attempts as a text table: which worker ran what, and how it ended. */
    public static String attemptsTable(DataSource ds, int limit) {
        StringBuilder b = new StringBuilder(String.format(java.util.Locale.ROOT, "%-20s %-40s %-24s %-20s %-20s %-7s %s%n",
                "task", "id", "worker", "started (UTC)", "finished (UTC)", "outcome", "detail"));
        for (WorkerAttemptLog.Attempt a : Wiring.workerLog(ds).latest(limit)) {
            b.append(String.format(java.util.Locale.ROOT, "%-20s %-40s %-24s %-20s %-20s %-7s %s%n", a.task(), a.instance(),
                    a.worker(), a.startedAt(), a.finishedAt() == null ? "-" : a.finishedAt(),
                    a.outcome() == null ? "-" : a.outcome(), a.detail() == null ? "" : a.detail()));
        }
        return b.toString();
    }

    /** Stops taking tasks and waits (up to 30 s) for the running ones to finish. */
    @Override
    public void close() {
        scheduler.stop();
    }
}
