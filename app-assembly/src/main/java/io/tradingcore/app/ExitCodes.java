package io.tradingcore.app;

/** Process exit codes of the CLI; documented in {@code trading-core --help} and docs/cli.md. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    public static final int DATABASE_UNREACHABLE = 3;
    public static final int MIGRATION_FAILED = 4;
    public static final int REPLAY_DIFFERS = 5;
    public static final int DATA_CONFLICT = 6;
    /** Another process owns the backtest (issue 17, item 2); nothing was written. */
    public static final int RUNNING_ELSEWHERE = 7;

    private ExitCodes() {
    }
}
