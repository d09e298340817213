package io.tradingcore.app;

import io.tradingcore.application.Persistence;
import io.tradingcore.application.Wiring;
import io.tradingcore.application.backtest.BacktestReports;
import io.tradingcore.application.report.ReportWriter;
import io.tradingcore.application.report.SummaryTable;
import io.tradingcore.domain.BacktestRunId;
import java.nio.file.Path;
import java.util.NoSuchElementException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code report}: metrics, charts and a self-contained HTML page of a stored backtest. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write report.html, equity.png and metrics.json of a stored backtest, and print the summary.")
final class ReportCommand implements Callable<Integer> {

    @Mixin
    DbOptions db;

    @Option(names = "--backtest-run-id", required = true, paramLabel = "UUID", description = "The backtest to report on (`runs list` shows the ids).")
    String backtestRunId;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory for report.html, equity.png and metrics.json (created if missing).")
    Path out;

    @Override
    public Integer call() throws Exception {
        CliArgs.outputDirectory("--out", out);
        try (DbOptions.OpenDatabase open = db.open(2)) {
            Persistence p = Wiring.persistence(open.dataSource(), false);
            BacktestRunId id = RunIds.resolve(io.tradingcore.adapter.postgres.PostgresAdapter.create(open.dataSource()).backtestQueries(),
                    "--backtest-run-id", backtestRunId);
            ReportWriter.Written w;
            try {
                w = new BacktestReports(p).write(id, out);
            } catch (NoSuchElementException e) {
                throw new CliException(ExitCodes.USAGE, e.getMessage());
            }
            System.out.println(SummaryTable.render(w.report()));
            System.out.println("report: " + w.html().toAbsolutePath());
            System.out.println("chart:  " + w.equityPng().toAbsolutePath());
            System.out.println("data:   " + w.metricsJson().toAbsolutePath());
            return ExitCodes.OK;
        }
    }
}
