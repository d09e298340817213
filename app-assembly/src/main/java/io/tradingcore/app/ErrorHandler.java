package io.tradingcore.app;

import io.tradingcore.adapter.postgres.SchemaMigrator;
import io.tradingcore.application.UseCaseException;
import picocli.CommandLine;

/** Turns failures into one line on stderr (the stack trace only with --verbose) and an exit code. */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parseResult) {
        boolean verbose = parseResult.expandedArgs().contains("--verbose") || parseResult.expandedArgs().contains("-v");
        int code;
        String message;
        if (ex instanceof CliException ce) {
            code = ce.exitCode();
            message = ce.getMessage();
        } else if (ex instanceof io.tradingcore.application.backtest.WalkForwardBacktest.RunningElsewhereException) {
            code = ExitCodes.RUNNING_ELSEWHERE;
            message = ex.getMessage();
        } else if (ex instanceof UseCaseException) {
            code = ExitCodes.USAGE;
            message = ex.getMessage();
        } else if (ex instanceof SchemaMigrator.MigrationException) {
            code = ExitCodes.MIGRATION_FAILED;
            message = ex.getMessage();
        } else if (ex instanceof IllegalArgumentException) {
            code = ExitCodes.USAGE;
            message = ex.getMessage();
        } else {
            code = ExitCodes.FAILED;
            message = ex.getClass().getSimpleName() + ": " + SchemaMigrator.rootMessage(ex);
        }
        cl.getErr().println("error: " + oneLine(message));
        if (verbose) {
            ex.printStackTrace(cl.getErr());
        }
        return code;
    }

    static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").trim();
    }
}
