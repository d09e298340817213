package io.tradingcore.app;

import io.tradingcore.application.Persistence;
import io.tradingcore.application.Wiring;
import io.tradingcore.application.backtest.FoldPlan;

import io.tradingcore.adapter.postgres.PostgresAdapter;
import io.tradingcore.application.backtest.ProgressMeter;
import io.tradingcore.application.backtest.WalkForwardBacktest;
import io.tradingcore.application.config.ConfigLoader;
import io.tradingcore.application.config.RunSeed;
import io.tradingcore.application.worker.TaskPayloads;
import io.tradingcore.application.worker.WorkQueue;
import io.tradingcore.application.sweep.ParameterSweep;
import io.tradingcore.application.sweep.SweepGrid;
import io.tradingcore.application.sweep.SweepTable;
import io.tradingcore.domain.AccountId;
import io.tradingcore.domain.Asset;
import io.tradingcore.domain.BacktestRunId;
import io.tradingcore.domain.HourTs;
import io.tradingcore.ports.in.CycleReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.Semaphore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sweep}: a grid of ordinary backtests, compared, with the best Sharpe deflated by the number of trials. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Run a parameter grid of backtests, compare them and deflate the best Sharpe ratio by the number of trials.",
            "Each point is an ordinary backtest (resumable: the same command again continues; replayable by its id).",
            "Writes sweep.csv and sweep.html to --out."})
final class SweepCommand implements Callable<Integer> {

    @Mixin
    DbOptions db;

    @Mixin
    RunOptions.Backtest options;

    @Option(names = "--set", required = true, paramLabel = "KEY=V1,V2", description = "A grid axis: configuration key and its values (repeatable).")
    List<String> sets;

    @Option(names = "--parallel", defaultValue = "2", paramLabel = "N", description = "Points run at once (default: ${DEFAULT-VALUE}).")
    int parallel;

    @Option(names = "--shard", paramLabel = "K/N",
            description = "Run only every N-th point starting at the K-th, to split a sweep across processes or machines sharing the database.")
    String shard;

    @Option(names = "--out", defaultValue = "reports/sweep", paramLabel = "DIR", description = "Directory for sweep.csv and sweep.html (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--submit", description = "Queue every point as an ordinary backtest task for the workers (`worker`) instead of"
            + " running them here; prints each task id (= the point's backtest run id). Submitting again is a no-op; the same"
            + " command without --submit compares the points once the workers are done (nothing runs twice).")
    boolean submit;

    @Override
    public Integer call() throws Exception {
        HourTs fromHour = options.window.from();
        HourTs toHour = options.window.to();
        if (parallel < 1 || parallel > 16) {
            throw new CliException(ExitCodes.USAGE, "--parallel must be between 1 and 16, was " + parallel);
        }
        SweepGrid grid = SweepGrid.parse(sets);
        if (shard != null) {
            String[] kn = shard.strip().split("/");
            try {
                grid = grid.shard(Integer.parseInt(kn[0].strip()), Integer.parseInt(kn[kn.length == 2 ? 1 : 0].strip()));
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                throw new CliException(ExitCodes.USAGE, "--shard must be K/N (e.g. 1/2), was '" + shard + "'");
            }
            if (kn.length != 2) {
                throw new CliException(ExitCodes.USAGE, "--shard must be K/N (e.g. 1/2), was '" + shard + "'");
            }
        }
        String base = options.run.config == null ? "" : Files.readString(options.run.config);
        // each point's seed is --seed, or the point's simulation.seed (e.g. --set simulation.seed=1,2,3), or 42
        java.util.Map<Integer, RunSeed.Resolved> configs = new java.util.TreeMap<>();
        for (SweepGrid.Point p : grid.points()) {
            configs.put(p.index(), options.run.resolve(ConfigLoader.parse(SweepGrid.overlay(base, p),
                    "sweep point " + (p.index() + 1) + " (" + p.label() + ")")));
        }
        int n = grid.size();
        if (!submit) {
            System.err.println("sweep: " + configs.size() + " of " + n + " points, " + Math.min(parallel, configs.size()) + " at a time");
        }
        try (DbOptions.OpenDatabase open = db.open(4 + 4 * parallel)) { // per backtest: claim, chain lock, two units
            Persistence p = Wiring.persistence(open.dataSource(), true);
            List<Asset> assetList = options.assets.resolve(p.reference());
            if (submit) {
                WorkQueue queue = new WorkQueue(open.dataSource(), p, BuildInfo.codeVersionSha());
                for (SweepGrid.Point point : grid.points()) {
                    RunSeed.Resolved run = configs.get(point.index());
                    WorkQueue.Submitted s = queue.submitBacktest(new TaskPayloads.Backtest(options.assets.symbols(), fromHour.toString(),
                            toHour.toString(), run.config().canonicalJson(), run.seed(), WalkForwardBacktest.DEFAULT_HOURS_PER_COMMIT));
                    System.out.println((s.added() ? "submitted" : "already queued") + ": point " + (point.index() + 1) + "/" + n
                            + " (" + point.label() + "): backtest task " + s.instance());
                }
                System.out.println("sweep: " + configs.size() + " points queued for the workers; run the same command without --submit"
                        + " once they are done to compare them");
                return ExitCodes.OK;
            }
            PostgresAdapter pg = PostgresAdapter.create(open.dataSource());
            // one backtest at a time allocates its account (the allocation is not atomic across concurrent starts)
            Semaphore starting = new Semaphore(1);
            long t0 = System.nanoTime();
            // hours of every point of this process up front, so the ETA covers the points not started yet
            ProgressMeter meter = new ProgressMeter("sweep", assetList.size(), System::nanoTime, ConsoleProgress.PLAIN_INTERVAL_SECONDS,
                    s -> System.err.println(s.line()));
            meter.expect((long) configs.size() * fromHour.hoursUntil(toHour));
            ParameterSweep.Outcome o = new ParameterSweep(pg.backtestQueries(), p.backtests(), p.reporting()).run(grid, parallel, point -> {
                ConfigLoader.Loaded cfg = configs.get(point.index()).config();
                WalkForwardBacktest.Request req = new WalkForwardBacktest.Request(assetList, fromHour, toHour, cfg,
                        configs.get(point.index()).seed(),
                        BuildInfo.codeVersionSha());
                long started = System.nanoTime();
                starting.acquire();
                PointProgress progress = new PointProgress(point, n, starting);
                try {
                    WalkForwardBacktest.Result r = new WalkForwardBacktest(p, Wiring.modelTrainer(cfg.config()))
                            .run(req, meter.listener(progress, false));
                    System.err.printf(Locale.ROOT, "point %d/%d (%s): backtest %s, %d hours run, %d already done, %.1f s%n",
                            point.index() + 1, n, point.label(), r.id().value(), r.hoursRun(), r.hoursAlreadyDone(),
                            (System.nanoTime() - started) / 1e9);
                    return r.id();
                } finally {
                    progress.release();
                }
            });
            meter.finish();
            double seconds = (System.nanoTime() - t0) / 1e9;
            TextTable t = new TextTable(SweepTable.HEADER);
            SweepTable.cells(o).forEach(r -> t.row(r.toArray(String[]::new)));
            System.out.print(t.render());
            System.out.println(SweepTable.verdict(o));
            if (shard != null) {
                System.out.println("shard " + shard + ": only this shard's points are compared and deflated; run the same command"
                        + " without --shard once every shard is done to compare all " + n + " points (nothing runs twice)");
            }
            Files.createDirectories(out);
            SweepTable.writeCsv(o, out.resolve("sweep.csv"));
            SweepTable.writeHtml(o, "Sweep of " + n + " points: " + String.join(",", assetList.stream().map(Asset::symbol).toList())
                    + " " + fromHour + " .. " + toHour, out.resolve("sweep.html"));
            System.out.printf(Locale.ROOT, "sweep: %d points in %.1f s; %s, %s%n", n, seconds, out.resolve("sweep.csv"),
                    out.resolve("sweep.html"));
            return o.anyFailed() ? ExitCodes.FAILED : ExitCodes.OK;
        }
    }

    /** Plain progress lines per point; lets the next point start once this one has its account. */
    private static final class PointProgress implements WalkForwardBacktest.Progress {
        private final SweepGrid.Point point;
        private final int points;
        private final Semaphore starting;
        private boolean released;

        PointProgress(SweepGrid.Point point, int points, Semaphore starting) {
            this.point = point;
            this.points = points;
            this.starting = starting;
        }

        synchronized void release() {
            if (!released) {
                released = true;
                starting.release();
            }
        }

        @Override
        public void started(BacktestRunId id, AccountId account, long totalHours, long alreadyDone) {
            release();
            System.err.printf(Locale.ROOT, "point %d/%d (%s): backtest %s on account %s, %d hours%s%n", point.index() + 1, points,
                    point.label(), id.value(), account, totalHours, alreadyDone > 0 ? ", resuming after " + alreadyDone : "");
        }

        @Override
        public void foldTrained(io.tradingcore.application.backtest.FoldPlan.Fold fold, int models) {
            System.err.printf(Locale.ROOT, "point %d/%d: fold %d trained%n", point.index() + 1, points, fold.index());
        }

        @Override
        public void hourDone(HourTs hour, CycleReport report) {
        }

        @Override
        public void finished() {
        }
    }
}
