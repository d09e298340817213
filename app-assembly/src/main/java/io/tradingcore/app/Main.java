package io.tradingcore.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code trading-core.jar}. Exit codes are listed in {@link ExitCodes}. */
@Command(name = "trading-core", mixinStandardHelpOptions = true, versionProvider = BuildInfo.class,
        description = "Production core of an AI-driven crypto trading system.",
        subcommands = {MigrateCommand.class, IngestCommand.class, BacktestCommand.class, ReplayCommand.class, ReportCommand.class,
            DownloadDataCommand.class, ListDataCommand.class, RunsCommand.class, SweepCommand.class,
            PaperCommand.class, LiveCommand.class, WorkerCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:the command failed (reason printed on one line)",
            "2:bad usage or bad input (unknown option, bad date, unknown asset, malformed file)",
            "3:database unreachable or refused the credentials",
            "4:schema migration failed",
            "5:replay found a difference",
            "6:ingest found candles that conflict with stored ones (nothing overwritten)",
            "7:backtest: another process is running the same backtest (nothing written)"})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Held strongly so the level sticks: what still logs through java.util.logging prints warnings only. */
    private static final java.util.logging.Logger JUL_ROOT = java.util.logging.Logger.getLogger("");

    static {
        io.tradingcore.adapter.ml.MlLogging.quietTribuo();
        JUL_ROOT.setLevel(java.util.logging.Level.WARNING);
        for (java.util.logging.Handler h : JUL_ROOT.getHandlers()) {
            h.setLevel(java.util.logging.Level.WARNING);
        }
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI in-process and returns its exit code (used by tests). */
    public static int run(String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler(new ErrorHandler());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        return cl.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
