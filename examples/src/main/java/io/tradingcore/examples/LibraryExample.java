package io.tradingcore.examples;

import io.tradingcore.adapter.ml.MlLogging;
import io.tradingcore.adapter.postgres.Databases;
import io.tradingcore.application.Persistence;
import io.tradingcore.application.Wiring;
import io.tradingcore.application.backtest.BacktestReports;
import io.tradingcore.application.backtest.WalkForwardBacktest;
import io.tradingcore.application.config.ConfigLoader;
import io.tradingcore.application.ingest.CandleCsvReader;
import io.tradingcore.application.report.ReportBuilder;
import io.tradingcore.application.report.SummaryTable;
import io.tradingcore.domain.Asset;
import io.tradingcore.domain.HourTs;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/** A walk-forward backtest of two weeks of BTC/USDT through the library API: no CLI, no logging backend. */
public final class LibraryExample {

    /** What the example returns: the backtest's outcome and its summary table as text. */
    public record Outcome(WalkForwardBacktest.Result result, String summary) {
    }

    public static Outcome run(DataSource dataSource, Path marketData) throws Exception {
        MlLogging.quietTribuo();                                      // Tribuo logs ~100 INFO lines per training
        Persistence p = Wiring.persistence(dataSource, true);         // every port over one database, schema migrated
        ConfigLoader.Loaded config = ConfigLoader.parse("""
                trading:
                  signal:
                    decisionHorizon: H1
                walkForward:
                  trainHours: 2520
                  testHours: 168
                """, "example");                                     // merged over the defaults, validated

        // market data: the bundled real hourly candles, stored through the ingest port (idempotent)
        Asset btc = p.reference().registerAsset("BTC/USDT");
        CandleCsvReader.Parsed csv = CandleCsvReader.read(marketData.resolve("BTC_USDT_1h.csv.gz"), btc.id());
        p.marketData().ingestCandles(config.config().trading().venue(), UUID.nameUUIDFromBytes(csv.file().toString().getBytes()),
                csv.candles());

        // two weekly folds: each trains its models on the 105 days before it, registers and activates them, then runs
        // every hour of the fold through the hourly cycle against the simulated exchange; every row is persisted
        WalkForwardBacktest backtest = new WalkForwardBacktest(p, Wiring.modelTrainer(config.config()));
        WalkForwardBacktest.Request request = new WalkForwardBacktest.Request(List.of(btc),
                HourTs.of(Instant.parse("2025-02-01T00:00:00Z")), HourTs.of(Instant.parse("2025-02-15T00:00:00Z")),
                config, 7, "0".repeat(40));                          // seed, and the 40-hex commit of your code
        WalkForwardBacktest.Result result = backtest.run(request, WalkForwardBacktest.Progress.NONE);

        // the report model (metrics, folds, drawdown tiers) read back from the database
        String summary = SummaryTable.render(ReportBuilder.build(new BacktestReports(p).input(result.id())));
        return new Outcome(result, summary);
    }

    /** {@code java ... LibraryExample jdbc:postgresql://localhost:5432/db user password data/market} */
    public static void main(String[] args) throws Exception {
        Databases.DbTarget target = new Databases.DbTarget(args[0], args[1], args[2], "example database");
        try (var pool = Databases.pool(target, 4)) {
            Outcome o = run(pool, Path.of(args.length > 3 ? args[3] : "data/market"));
            System.out.println("backtest " + o.result().id().value() + ": " + o.result().hoursRun() + " hours, "
                    + o.result().ordersPlaced() + " orders");
            System.out.println(o.summary());
        }
    }
}
