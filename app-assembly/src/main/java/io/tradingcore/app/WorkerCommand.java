package io.tradingcore.app;

import io.tradingcore.application.Persistence;
import io.tradingcore.application.Wiring;
import io.tradingcore.application.live.StopSignal;
import io.tradingcore.application.worker.PaperAccounts;
import io.tradingcore.application.worker.WorkQueue;
import io.tradingcore.application.worker.Worker;
import io.tradingcore.domain.HourTs;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code worker}: joins the cluster of workers on one PostgreSQL and runs submitted tasks until stopped. */
@Command(name = "worker", mixinStandardHelpOptions = true,
        subcommands = {WorkerCommand.SubmitHour.class, WorkerCommand.Tasks.class},
        description = {"Joins the workers sharing this database (db-scheduler on PostgreSQL) and runs submitted",
            "tasks: backtests (`backtest --submit`) and PAPER hours of configured accounts. Any worker may",
            "take any task; a task whose worker dies is given to another one, which resumes it. With",
            "--accounts, every hour after the close the next hour of each listed account is submitted.",
            "Ctrl-C finishes the running tasks and exits 0."})
public final class WorkerCommand implements Callable<Integer> {

    @Mixin
    DbOptions db;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--name", paramLabel = "NAME", description = "Worker name shown in `worker tasks` (default: host-pid).")
    String name;

    @Option(names = "--threads", defaultValue = "1", description = "Tasks run at once by this worker (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--accounts", paramLabel = "FILE", description = "PAPER accounts (YAML list) whose hours this worker submits every hour.")
    Path accounts;

    @Option(names = "--heartbeat-ms", defaultValue = "10000", paramLabel = "MS",
            description = "Heartbeat interval; a worker silent for --missed-heartbeats of them is dead (default: ${DEFAULT-VALUE}).")
    long heartbeatMs;

    @Option(names = "--missed-heartbeats", defaultValue = "6", paramLabel = "N",
            description = "Missed heartbeats before a worker's task is given to another (default: ${DEFAULT-VALUE}).")
    int missedHeartbeats;

    @Option(names = "--poll-ms", defaultValue = "2000", paramLabel = "MS", description = "How often to look for due tasks (default: ${DEFAULT-VALUE}).")
    long pollMs;

    @Option(names = "--retry-after-ms", defaultValue = "60000", paramLabel = "MS", description = "Delay before a failed task is tried again (default: ${DEFAULT-VALUE}).")
    long retryMs;

    @Option(names = "--hourly-cron", paramLabel = "CRON", defaultValue = "0 1 * * * *",
            description = "When the next hour of the --accounts is submitted: db-scheduler cron, seconds first; the hour is"
                    + " the one the trigger falls in (default: ${DEFAULT-VALUE}, minute 1 of every hour).")
    String hourlyCron;

    @Option(names = "--exit-when-idle", description = "Exit once no backtest or PAPER-hour task is left (benchmarks, batch runs).")
    boolean exitWhenIdle;

    @Override
    public Integer call() throws Exception {
        if (heartbeatMs < 100 || pollMs < 100 || retryMs < 0) {
            throw new CliException(ExitCodes.USAGE, "--heartbeat-ms and --poll-ms must be >= 100 and --retry-after-ms >= 0");
        }
        List<PaperAccounts.Account> list = accounts == null ? List.of() : loadAccounts(accounts);
        String workerName = name != null ? name : ManagementFactory.getRuntimeMXBean().getName();
        Worker.Options defaults = Worker.Options.defaults(workerName);
        Worker.Options o;
        try {
            o = new Worker.Options(workerName, threads, Duration.ofMillis(pollMs), Duration.ofMillis(heartbeatMs), missedHeartbeats,
                    Duration.ofMillis(retryMs), defaults.maxRetries(), list, hourlyCron);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.USAGE, e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        try (StopSignal stop = StopSignal.onShutdown(spec.commandLine().getErr());
             // a thread running a backtest holds up to four: its claim of the backtest, the unit it computes, the unit
             // its writer commits, the lock of its chain of units
             DbOptions.OpenDatabase open = db.open(4 * threads + 3)) {
            Persistence p = Wiring.persistence(open.dataSource(), true);
            long t0 = System.nanoTime();
            try (Worker w = Worker.start(open.dataSource(), p, o, BuildInfo.codeVersionSha(), out)) {
                int idleChecks = 0;
                while (!stop.getAsBoolean()) {
                    Thread.sleep(Math.min(pollMs, 500));
                    if (exitWhenIdle) {
                        idleChecks = w.queueEmpty() ? idleChecks + 1 : 0;
                        if (idleChecks >= 2) {
                            break;
                        }
                    }
                }
            }
            out.printf(java.util.Locale.ROOT, "worker %s stopped after %.1f s%n", workerName, (System.nanoTime() - t0) / 1e9);
            out.flush();
            return ExitCodes.OK;
        }
    }

    static List<PaperAccounts.Account> loadAccounts(Path file) {
        try {
            return PaperAccounts.load(file);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.USAGE, e.getMessage(), e);
        }
    }

    /** {@code worker submit-hour}: queues one hour of every listed account (replays, catching up, benchmarks). */
    @Command(name = "submit-hour", mixinStandardHelpOptions = true,
            description = "Queues hour --hour of every account in --accounts for the workers (pins the active models).")
    static final class SubmitHour implements Callable<Integer> {
        @Mixin
        DbOptions db;

        @Option(names = "--accounts", required = true, paramLabel = "FILE", description = "PAPER accounts (YAML list).")
        Path accounts;

        @Option(names = "--hour", required = true, paramLabel = "HOUR", description = "The hour (YYYY-MM-DDTHH:00:00Z).")
        String hour;

        @Override
        public Integer call() {
            List<PaperAccounts.Account> list = loadAccounts(accounts);
            HourTs h = CliArgs.hour("--hour", hour);
            try (DbOptions.OpenDatabase open = db.open(2)) {
                Persistence p = Wiring.persistence(open.dataSource(), true);
                List<WorkQueue.Submitted> s;
                try {
                    s = new WorkQueue(open.dataSource(), p, BuildInfo.codeVersionSha()).submitHour(list, h);
                } catch (IllegalStateException e) {
                    throw new CliException(ExitCodes.USAGE, e.getMessage()
                            + " (run a backtest or `paper --train-if-missing` first to activate models)", e);
                }
                long added = s.stream().filter(WorkQueue.Submitted::added).count();
                System.out.println("submitted " + added + " PAPER hour task(s) for " + h + " (" + (s.size() - added)
                        + " already queued)");
                return ExitCodes.OK;
            }
        }
    }

    /** {@code worker tasks}: which worker ran which task attempt, newest first. */
    @Command(name = "tasks", mixinStandardHelpOptions = true, description = "Lists task attempts: task, id, worker, start, end, outcome.")
    static final class Tasks implements Callable<Integer> {
        @Mixin
        DbOptions db;

        @Option(names = "--limit", defaultValue = "50", description = "Attempts listed (default: ${DEFAULT-VALUE}).")
        int limit;

        @Override
        public Integer call() {
            try (DbOptions.OpenDatabase open = db.open(2)) {
                Wiring.persistence(open.dataSource(), true);
                System.out.print(Worker.attemptsTable(open.dataSource(), limit));
                return ExitCodes.OK;
            }
        }
    }
}
