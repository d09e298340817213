package io.tradingcore.app;

import io.tradingcore.application.config.ConfigLoader;

import com.zaxxer.hikari.HikariDataSource;
import io.tradingcore.adapter.postgres.Databases;
import io.tradingcore.adapter.postgres.ScratchDatabase;
import io.tradingcore.application.Persistence;
import io.tradingcore.application.Wiring;
import io.tradingcore.application.backtest.BacktestReplay;
import io.tradingcore.domain.BacktestRunId;
import io.tradingcore.domain.RunId;
import io.tradingcore.ports.out.StoreUnavailableException;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code replay}: recompute a backtest from what is stored and compare every step hash. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Recompute a stored backtest in a scratch database and compare every hour's step hashes.",
            "The scratch database is on the same server; inputs, configuration and seed are the recorded ones.",
            "Exit 0 and 'identical' when all match, otherwise exit 5 naming the first differing hour and step."})
final class ReplayCommand implements Callable<Integer> {

    @Mixin
    DbOptions db;

    @Option(names = "--backtest-run-id", required = true, paramLabel = "UUID", description = "The backtest to replay (`runs list` shows the ids).")
    String backtestRunId;

    @Option(names = "--run-id", paramLabel = "UUID", description = "Compare only this hour's run.")
    String runId;

    @Option(names = "--keep-scratch", description = "Keep the scratch database for inspection.")
    boolean keepScratch;

    @Override
    public Integer call() {
        Optional<RunId> only = runId == null ? Optional.empty() : Optional.of(new RunId(CliArgs.uuid("--run-id", runId)));
        try (DbOptions.OpenDatabase open = db.open(4)) {
            Persistence stored = Wiring.persistence(open.dataSource(), false);
            BacktestRunId id = RunIds.resolve(io.tradingcore.adapter.postgres.PostgresAdapter.create(open.dataSource()).backtestQueries(),
                    "--backtest-run-id", backtestRunId);
            String scratchName = "trading_replay_" + id.value().toString().replace("-", "").substring(0, 16) + "_"
                    + ProcessHandle.current().pid() + "_" + Long.toHexString(System.nanoTime() & 0xffffffL);
            BacktestReplay.Outcome outcome;
            try (ScratchDatabase scratchDb = scratch(open, scratchName);
                 HikariDataSource scratchDs = Databases.pool(scratchDb.target(), 4)) {
                if (keepScratch) {
                    scratchDb.keep();
                }
                Persistence scratch = Wiring.persistence(scratchDs, true);
                try (ConsoleProgress progress = new ConsoleProgress()) {
                    var def = stored.backtests().find(id).orElseThrow(() ->
                            new NoSuchElementException("no backtest with id " + id.value()));
                    var trainer = Wiring.modelTrainer(io.tradingcore.application.config.ConfigLoader
                            .fromCanonical(def.configCanonicalJson()).config());
                    outcome = new BacktestReplay(stored, scratch, trainer).replay(id, only, progress);
                }
            } catch (NoSuchElementException e) {
                throw new CliException(ExitCodes.USAGE, e.getMessage());
            } finally {
                if (keepScratch) {
                    System.out.println("scratch database kept: " + scratchName + " (the next replay drops it)");
                }
            }
            if (outcome.identical()) {
                System.out.println("identical: " + outcome.hoursCompared() + " hour(s) recomputed with equal step hashes");
                return ExitCodes.OK;
            }
            System.out.println("different after " + outcome.hoursCompared() + " identical hour(s): "
                    + outcome.firstDifference().orElseThrow());
            return ExitCodes.REPLAY_DIFFERS;
        }
    }

    /**
     * One scratch database per replaying process (two replays of one backtest at once each have their own), held
     * under an advisory lock for as long as the replay runs; scratch databases whose replay is gone (killed, so it
     * never dropped its own) are dropped first (issue 17, item 12).
     */
    private static ScratchDatabase scratch(DbOptions.OpenDatabase open, String name) {
        try {
            return ScratchDatabase.create(open.dataSource(), open.target(), name);
        } catch (IllegalStateException | StoreUnavailableException e) {
            throw new CliException(ExitCodes.FAILED, "replay needs a scratch database on the same server: " + e.getMessage(), e);
        }
    }
}
