package io.tradingcore.app;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The line a backtest interrupted by Ctrl-C (or SIGTERM) prints on stderr from a JVM shutdown hook: what is kept and
 * the command that resumes it (qa round 2: the interruption printed nothing).
 */
final class InterruptedBacktest {

    private InterruptedBacktest() {
    }

    /** The message for {@code args} (the whole command line after the program) run as {@code program}. */
    static String message(String program, List<String> args, int commitEvery) {
        return "interrupted: the hours committed so far are kept (written every " + commitEvery + " hour(s); the finished"
                + " hours not yet committed, at most " + commitEvery + ", are recomputed identically) and the backtest stays"
                + " RUNNING; to resume, run the same command again:" + System.lineSeparator() + "  " + program + " "
                + args.stream().map(InterruptedBacktest::quoted).collect(Collectors.joining(" "));
    }

    /** {@code java -jar PATH} when running from a jar, else {@code java -jar trading-core.jar}. */
    static String program() {
        try {
            String where = Main.class.getProtectionDomain().getCodeSource().getLocation().getPath();
            return "java -jar " + (where.endsWith(".jar") ? where : "trading-core.jar");
        } catch (RuntimeException e) {
            return "java -jar trading-core.jar";
        }
    }

    /** A shell word: as is when plain, else in single quotes. */
    static String quoted(String arg) {
        return arg.matches("[A-Za-z0-9_./:=,@%+-]+") ? arg : "'" + arg.replace("'", "'\\''") + "'";
    }
}
