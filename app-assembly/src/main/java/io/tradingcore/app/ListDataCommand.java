package io.tradingcore.app;

import io.tradingcore.application.Wiring;

import io.tradingcore.adapter.postgres.PostgresAdapter;
import io.tradingcore.ports.out.MarketDataCoverageRepository;
import io.tradingcore.ports.out.MarketDataCoverageRepository.Coverage;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code list-data}: what market data is stored, per asset and venue. */
@Command(name = "list-data", mixinStandardHelpOptions = true,
        description = "List the stored hourly candles per asset and venue: first and last hour, rows, gaps and missing hours.")
final class ListDataCommand implements Callable<Integer> {

    @Mixin
    DbOptions db;

    @Option(names = "--gaps", description = "Also list every gap (from..to, missing hours) of each asset.")
    boolean listGaps;

    @Override
    public Integer call() {
        try (DbOptions.OpenDatabase open = db.open(2)) {
            Wiring.persistence(open.dataSource(), true);
            MarketDataCoverageRepository coverage = PostgresAdapter.create(open.dataSource()).marketDataCoverage();
            List<Coverage> rows = coverage.coverage();
            if (rows.isEmpty()) {
                System.out.println("no market data stored; use `ingest --csv FILE` or `download-data --assets ... --from ...`");
                return ExitCodes.OK;
            }
            System.out.print(table(rows));
            if (listGaps) {
                for (Coverage c : rows) {
                    for (MarketDataCoverageRepository.Gap g : coverage.gaps(c.asset(), c.venue(), c.first(), c.last())) {
                        System.out.println(c.symbol() + " " + c.venue() + " gap " + DownloadDataCommand.gap(g) + " (" + g.missingHours() + " h)");
                    }
                }
            }
            return ExitCodes.OK;
        }
    }

    static String table(List<Coverage> rows) {
        TextTable t = new TextTable(List.of("asset", "venue", "first hour", "last hour", "rows", "gaps", "missing hours"));
        for (Coverage c : rows) {
            t.row(c.symbol(), c.venue(), c.first().toString(), c.last().toString(), Long.toString(c.rows()), Long.toString(c.gaps()),
                    Long.toString(c.missingHours()));
        }
        return t.render();
    }
}
