package io.tradingcore.app;

import io.tradingcore.domain.BacktestRunId;
import io.tradingcore.ports.out.BacktestQueryRepository;
import io.tradingcore.ports.out.BacktestQueryRepository.RunSummary;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Backtest ids on the command line: a full UUID or a unique prefix; an unknown one lists the stored ones. */
final class RunIds {
    private static final int LISTED = 20;

    private RunIds() {
    }

    static BacktestRunId resolve(BacktestQueryRepository queries, String option, String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (!t.matches("[0-9a-f-]{1,36}")) {
            throw new CliException(ExitCodes.USAGE, option + " '" + text + "' is not a backtest id (a UUID or its first characters)");
        }
        List<RunSummary> all = queries.list();
        if (t.length() == 36) {
            BacktestRunId id = new BacktestRunId(CliArgs.uuid(option, t));
            if (all.stream().anyMatch(s -> s.id().equals(id))) {
                return id;
            }
            throw unknown(option, text, all);
        }
        List<RunSummary> matching = all.stream().filter(s -> s.id().value().toString().startsWith(t)).toList();
        if (matching.size() == 1) {
            return matching.get(0).id();
        }
        if (matching.isEmpty()) {
            throw unknown(option, text, all);
        }
        throw new CliException(ExitCodes.USAGE, option + " '" + text + "' matches " + matching.size() + " backtests: "
                + matching.stream().map(s -> s.id().value().toString()).collect(Collectors.joining(", ")));
    }

    static CliException unknown(String option, String text, List<RunSummary> all) {
        if (all.isEmpty()) {
            return new CliException(ExitCodes.USAGE, "no backtest with id " + text + " (" + option + "); none is stored yet");
        }
        return new CliException(ExitCodes.USAGE, "no backtest with id " + text + " (" + option + "); stored backtests, newest first: "
                + all.stream().limit(LISTED).map(RunIds::brief).collect(Collectors.joining("; "))
                + (all.size() > LISTED ? "; ... (" + all.size() + " in all, `runs list` shows them)" : ""));
    }

    /** One stored backtest, its window to the hour as `runs list` shows it (a 5-hour window read "2025-02-01..2025-02-01"). */
    static String brief(RunSummary s) {
        return s.id().value() + " " + String.join(",", s.assets()) + " " + RunsCommand.window(s) + " " + s.status();
    }

}
