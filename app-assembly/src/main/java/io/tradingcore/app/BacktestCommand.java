package io.tradingcore.app;

import io.tradingcore.application.report.ReportBuilder;

import io.tradingcore.application.Persistence;
import io.tradingcore.application.Wiring;
import io.tradingcore.application.backtest.BacktestReports;
import io.tradingcore.application.backtest.WalkForwardBacktest;
import io.tradingcore.application.config.ConfigLoader;
import io.tradingcore.application.report.ReportWriter;
import io.tradingcore.application.report.SummaryTable;
import io.tradingcore.application.worker.TaskPayloads;
import io.tradingcore.application.worker.WorkQueue;
import io.tradingcore.domain.Asset;
import io.tradingcore.domain.HourTs;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code backtest}: a walk-forward backtest through the full hourly cycle, every row persisted. */
@Command(name = "backtest", mixinStandardHelpOptions = true,
        description = {"Walk-forward backtest through the full hourly cycle; every row is persisted.",
            "The cycle: features, regime, base models, meta-learner, signals, risk, simulated exchange, ledger, state.",
            "Running the same command again resumes after the last finished hour."})
final class BacktestCommand implements Callable<Integer> {

    @Mixin
    DbOptions db;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    RunOptions.Backtest options;

    @Option(names = "--commit-every", paramLabel = "HOURS", defaultValue = "24",
            description = "Hours written in one transaction (1-720, default: ${DEFAULT-VALUE}). An interruption loses at most"
                    + " this many finished hours, which a re-run recomputes identically; results never depend on it.")
    int commitEvery;

    @Option(names = "--report-dir", paramLabel = "DIR", description = "Also write the report (HTML, PNG, JSON) here.")
    Path reportDir;

    @Option(names = "--wait-for-owner", paramLabel = "SECONDS", defaultValue = "0",
            description = "When another process is running this backtest, wait up to this long for it to end or die"
                    + " (then resume from what it stored) before exiting 7 (default: ${DEFAULT-VALUE}).")
    int waitForOwner;

    @Option(names = "--submit", description = "Queue the backtest for the workers (`worker`) instead of running it here;"
            + " prints its task id (= the backtest run id). Submitting it again is a no-op.")
    boolean submit;

    @Override
    public Integer call() throws Exception {
        HourTs fromHour = options.window.from();
        HourTs toHour = options.window.to();
        if (commitEvery < 1 || commitEvery > 720) {
            throw new CliException(ExitCodes.USAGE, "--commit-every must be between 1 and 720 hours, was " + commitEvery);
        }
        ConfigLoader.Loaded cfg = options.run.load();
        if (reportDir != null) {
            CliArgs.outputDirectory("--report-dir", reportDir);
        }
        if (waitForOwner < 0) {
            throw new CliException(ExitCodes.USAGE, "--wait-for-owner must not be negative, was " + waitForOwner);
        }
        if (submit && reportDir != null) {
            throw new CliException(ExitCodes.USAGE, "--report-dir cannot be used with --submit (run `report` once the task is done)");
        }
        try (DbOptions.OpenDatabase open = db.open(5)) { // claim, chain lock, two units (overlapped), one spare
            Persistence p = Wiring.persistence(open.dataSource(), true);
            if (submit) {
                TaskPayloads.Backtest task = new TaskPayloads.Backtest(
                        options.assets.symbols(), fromHour.toString(), toHour.toString(), cfg.canonicalJson(), options.run.seed(),
                        commitEvery);
                WorkQueue.Submitted s = new WorkQueue(open.dataSource(), p, BuildInfo.codeVersionSha()).submitBacktest(task);
                System.out.println((s.added() ? "submitted" : "already queued") + ": backtest task " + s.instance());
                return ExitCodes.OK;
            }
            var assetList = options.assets.resolve(p.reference());
            var trainer = Wiring.modelTrainer(cfg.config());
            WalkForwardBacktest.Request request = new WalkForwardBacktest.Request(assetList, fromHour, toHour, cfg, options.run.seed(),
                    BuildInfo.codeVersionSha());
            long t0 = System.nanoTime();
            WalkForwardBacktest.Result result;
            String interrupted = InterruptedBacktest.message(InterruptedBacktest.program(),
                    spec.root().commandLine().getParseResult().originalArgs(), commitEvery);
            Thread hook = new Thread(() -> System.err.println(System.lineSeparator() + interrupted), "backtest-interrupted");
            Runtime.getRuntime().addShutdownHook(hook);
            try (ConsoleProgress progress = new ConsoleProgress("backtest", assetList.size())) {
                result = new WalkForwardBacktest(p, trainer, commitEvery, java.time.Duration.ofSeconds(waitForOwner))
                        .run(request, progress);
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the JVM is already stopping (Ctrl-C): the hook prints its message
                }
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.println("backtest run id: " + result.id().value());
            System.out.printf(java.util.Locale.ROOT, "account %s: %d hours run, %d already done, %d skipped (no data), %d orders, %.1f s%n",
                    result.account(), result.hoursRun(), result.hoursAlreadyDone(), result.hoursSkippedNoData(),
                    result.ordersPlaced(), seconds);
            if (result.hoursWaitingForData() > 0) {
                System.out.println("not finished: the last " + result.hoursWaitingForData() + " hour(s) of the window have no"
                        + " candles stored yet (" + lastStored(open, assetList, cfg) + "); ingest them and run the same"
                        + " command again (the backtest stays RUNNING)");
            } else if (!result.complete()) {
                System.out.println("not finished: the last fold's result waits for the candles of the 25 hours after the"
                        + " window (its metrics are scored on them); ingest them and run the same command again");
            }
            BacktestReports reports = new BacktestReports(p);
            if (reportDir != null) {
                ReportWriter.Written w = reports.write(result.id(), reportDir);
                System.out.println(SummaryTable.render(w.report()));
                System.out.println("report: " + w.html().toAbsolutePath());
            } else {
                System.out.println(SummaryTable.render(io.tradingcore.application.report.ReportBuilder.build(reports.input(result.id()))));
            }
            return ExitCodes.OK;
        }
    }

    /** "newest stored candle (open time): BTC/USDT 2025-03-31T23:00:00Z, ETH/USDT none", for the not-finished message. */
    private static String lastStored(DbOptions.OpenDatabase open, List<Asset> assets, ConfigLoader.Loaded cfg) {
        var coverage = io.tradingcore.adapter.postgres.PostgresAdapter.create(open.dataSource()).marketDataCoverage();
        java.util.StringJoiner last = new java.util.StringJoiner(", ", "newest stored candle (open time): ", "");
        for (Asset a : assets) {
            last.add(a.symbol() + " " + coverage.lastHour(a.id(), cfg.config().trading().venue()).map(HourTs::toString).orElse("none"));
        }
        return last.toString();
    }
}
