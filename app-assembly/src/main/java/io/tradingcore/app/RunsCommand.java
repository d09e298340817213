package io.tradingcore.app;

import io.tradingcore.application.Wiring;

import io.tradingcore.adapter.postgres.PostgresAdapter;
import io.tradingcore.application.runs.ConfigDiff;
import io.tradingcore.application.runs.ExportFiles;
import io.tradingcore.domain.BacktestRunId;
import io.tradingcore.ports.out.BacktestQueryRepository;
import io.tradingcore.ports.out.BacktestQueryRepository.ExportKind;
import io.tradingcore.ports.out.BacktestQueryRepository.RunSummary;
import io.tradingcore.ports.out.BacktestRunRepository;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code runs list|show|compare|export}: the stored backtests, their figures, configuration differences and rows. */
@Command(name = "runs", mixinStandardHelpOptions = true,
        description = "List, show, compare and export stored backtests (ids may be shortened to a unique prefix).",
        subcommands = {RunsCommand.ListRuns.class, RunsCommand.Show.class, RunsCommand.Compare.class, RunsCommand.Export.class})
final class RunsCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "name a subcommand: list, show, compare or export");
    }

    /** The figures of a summary as table cells: return, Sharpe, max DD, trades. */
    static String pct(OptionalDouble v) {
        return v.isPresent() ? String.format(Locale.ROOT, "%.2f%%", v.getAsDouble() * 100) : "n/a";
    }

    static String ratio(OptionalDouble v) {
        return v.isPresent() ? String.format(Locale.ROOT, "%.2f", v.getAsDouble()) : "n/a";
    }

    static String pct(BigDecimal v) {
        return v.movePointRight(2).setScale(2, RoundingMode.HALF_EVEN).toPlainString() + "%";
    }

    static String window(RunSummary s) {
        return s.testFrom().toInstant().toString().substring(0, 13) + ".." + s.testTo().toInstant().toString().substring(0, 13);
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List every stored backtest, newest first, with its headline figures.")
    static final class ListRuns implements Callable<Integer> {
        @Mixin
        DbOptions db;

        @Override
        public Integer call() {
            try (DbOptions.OpenDatabase open = db.open(2)) {
                Wiring.persistence(open.dataSource(), true);
                List<RunSummary> all = PostgresAdapter.create(open.dataSource()).backtestQueries().list();
                if (all.isEmpty()) {
                    System.out.println("no backtest stored yet; run `backtest --assets ... --from ... --to ...`");
                    return ExitCodes.OK;
                }
                TextTable t = new TextTable(List.of("id", "assets", "window (UTC)", "config", "status", "hours", "return", "Sharpe",
                        "max DD", "trades", "created (UTC)"));
                for (RunSummary s : all) {
                    t.row(s.id().value().toString(), String.join(",", s.assets()), window(s), s.configHash().substring(0, 12),
                            s.status(), s.hoursDone() + "/" + s.windowHours(), pct(s.totalReturn()), ratio(s.sharpe()),
                            pct(s.maxDrawdown()), Long.toString(s.trades()), s.createdAt().toString().substring(0, 19));
                }
                System.out.print(t.render());
                all.stream().filter(s -> s.failureReason() != null).forEach(s ->
                        System.out.println("FAILED " + s.id().value() + ": " + s.failureReason()));
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show one backtest: definition, status, figures and configuration.")
    static final class Show implements Callable<Integer> {
        @Mixin
        DbOptions db;

        @Parameters(index = "0", paramLabel = "ID", description = "Backtest id (or a unique prefix of it).")
        String id;

        @Override
        public Integer call() {
            try (DbOptions.OpenDatabase open = db.open(2)) {
                Wiring.persistence(open.dataSource(), true);
                PostgresAdapter pg = PostgresAdapter.create(open.dataSource());
                BacktestRunId runId = RunIds.resolve(pg.backtestQueries(), "ID", id);
                RunSummary s = pg.backtestQueries().summary(runId).orElseThrow();
                BacktestRunRepository.BacktestRunDefinition d = pg.backtestRuns().find(runId).orElseThrow();
                System.out.print(describe(s, d));
                return ExitCodes.OK;
            }
        }

        static String describe(RunSummary s, BacktestRunRepository.BacktestRunDefinition d) {
            StringBuilder b = new StringBuilder();
            b.append("backtest      ").append(s.id().value()).append('\n');
            b.append("assets        ").append(String.join(", ", s.assets())).append('\n');
            b.append("window        ").append(s.testFrom()).append(" .. ").append(s.testTo()).append(" (").append(s.windowHours()).append(" h)\n");
            b.append("status        ").append(s.status()).append(s.failureReason() == null ? "" : ": " + s.failureReason()).append('\n');
            b.append("hours done    ").append(s.hoursDone()).append('\n');
            b.append("created       ").append(s.createdAt()).append(s.completedAt() == null ? "" : ", completed " + s.completedAt()).append('\n');
            b.append("seed          ").append(s.seed()).append('\n');
            b.append("capital       ").append(s.initialCapital().stripTrailingZeros().toPlainString()).append('\n');
            b.append("final equity  ").append(s.finalEquity().map(v -> v.setScale(2, RoundingMode.HALF_EVEN).toPlainString()).orElse("n/a")).append('\n');
            b.append("return        ").append(pct(s.totalReturn())).append('\n');
            b.append("Sharpe        ").append(ratio(s.sharpe())).append('\n');
            b.append("max drawdown  ").append(pct(s.maxDrawdown())).append('\n');
            b.append("trades        ").append(s.trades()).append('\n');
            b.append("config hash   ").append(s.configHash()).append('\n');
            b.append("code version  ").append(s.codeVersionSha()).append('\n');
            b.append("configuration\n");
            ConfigDiff.flatten(d.configCanonicalJson()).forEach((k, v) -> b.append("  ").append(k).append(" = ").append(v).append('\n'));
            return b.toString();
        }
    }

    @Command(name = "compare", mixinStandardHelpOptions = true,
            description = "Compare backtests side by side: headline figures and the configuration keys on which they differ.")
    static final class Compare implements Callable<Integer> {
        @Mixin
        DbOptions db;

        @Parameters(arity = "2..*", paramLabel = "ID", description = "Two or more backtest ids (or unique prefixes).")
        List<String> ids;

        @Override
        public Integer call() {
            try (DbOptions.OpenDatabase open = db.open(2)) {
                Wiring.persistence(open.dataSource(), true);
                PostgresAdapter pg = PostgresAdapter.create(open.dataSource());
                List<RunSummary> runs = new ArrayList<>();
                List<String> configs = new ArrayList<>();
                for (String raw : ids) {
                    BacktestRunId id = RunIds.resolve(pg.backtestQueries(), "ID", raw);
                    if (runs.stream().anyMatch(r -> r.id().equals(id))) {
                        throw new CliException(ExitCodes.USAGE, "backtest " + id.value() + " named twice");
                    }
                    runs.add(pg.backtestQueries().summary(id).orElseThrow());
                    configs.add(pg.backtestRuns().find(id).orElseThrow().configCanonicalJson());
                }
                System.out.print(render(runs, ConfigDiff.of(configs)));
                return ExitCodes.OK;
            }
        }

        static String render(List<RunSummary> runs, List<ConfigDiff.Difference> diffs) {
            List<String> header = new ArrayList<>(List.of(""));
            runs.forEach(r -> header.add(r.id().value().toString().substring(0, 8)));
            TextTable t = new TextTable(header);
            row(t, "assets", runs, r -> String.join(",", r.assets()));
            row(t, "window", runs, RunsCommand::window);
            row(t, "status", runs, RunSummary::status);
            row(t, "hours", runs, r -> Long.toString(r.hoursDone()));
            row(t, "return", runs, r -> pct(r.totalReturn()));
            row(t, "Sharpe", runs, r -> ratio(r.sharpe()));
            row(t, "max DD", runs, r -> pct(r.maxDrawdown()));
            row(t, "trades", runs, r -> Long.toString(r.trades()));
            row(t, "seed", runs, r -> Integer.toString(r.seed()));
            row(t, "config", runs, r -> r.configHash().substring(0, 12));
            for (ConfigDiff.Difference d : diffs) {
                t.row(prepend(d.key(), d.values()));
            }
            return t.render() + (diffs.isEmpty() ? "the configurations are identical\n"
                    : diffs.size() + " configuration key(s) differ (rows after 'config')\n");
        }

        private static void row(TextTable t, String label, List<RunSummary> runs, java.util.function.Function<RunSummary, String> cell) {
            t.row(prepend(label, runs.stream().map(cell).toList()));
        }

        private static String[] prepend(String label, List<String> cells) {
            List<String> all = new ArrayList<>();
            all.add(label);
            all.addAll(cells);
            return all.toArray(String[]::new);
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write a backtest's trades, orders, fills, signals, ledger and risk events as CSV or JSON files (stable column names).")
    static final class Export implements Callable<Integer> {
        @Mixin
        DbOptions db;

        @Parameters(index = "0", paramLabel = "ID", description = "Backtest id (or a unique prefix of it).")
        String id;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory the files are written to (created if missing).")
        Path out;

        @Option(names = "--format", defaultValue = "csv", paramLabel = "csv|json", description = "File format (default: ${DEFAULT-VALUE}).")
        String format;

        @Option(names = "--what", split = ",", paramLabel = "KIND",
                description = "What to export, comma-separated: trades, orders, fills, signals, ledger, risk_events (default: all).")
        List<String> what;

        @Override
        public Integer call() throws IOException {
            String f = format.toLowerCase(Locale.ROOT);
            if (!f.equals("csv") && !f.equals("json")) {
                throw new CliException(ExitCodes.USAGE, "--format must be csv or json, was '" + format + "'");
            }
            EnumSet<ExportKind> kinds = kinds(what);
            try (DbOptions.OpenDatabase open = db.open(2)) {
                Wiring.persistence(open.dataSource(), true);
                BacktestQueryRepository q = PostgresAdapter.create(open.dataSource()).backtestQueries();
                BacktestRunId runId = RunIds.resolve(q, "ID", id);
                Files.createDirectories(out);
                for (ExportKind k : kinds) {
                    BacktestQueryRepository.Table t = q.export(runId, k);
                    Path file = out.resolve(k.name().toLowerCase(Locale.ROOT) + "." + f);
                    if (f.equals("csv")) {
                        ExportFiles.csv(t, file);
                    } else {
                        ExportFiles.json(t, file);
                    }
                    System.out.println(file + ": " + t.rows().size() + " rows");
                }
                return ExitCodes.OK;
            }
        }

        static EnumSet<ExportKind> kinds(List<String> what) {
            if (what == null || what.isEmpty()) {
                return EnumSet.allOf(ExportKind.class);
            }
            EnumSet<ExportKind> out = EnumSet.noneOf(ExportKind.class);
            for (String w : what) {
                try {
                    out.add(ExportKind.valueOf(w.strip().toUpperCase(Locale.ROOT).replace('-', '_')));
                } catch (IllegalArgumentException e) {
                    throw new CliException(ExitCodes.USAGE, "--what '" + w + "' is not one of trades, orders, fills, signals, ledger, risk_events");
                }
            }
            return out;
        }
    }
}
