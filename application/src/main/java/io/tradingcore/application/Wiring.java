package io.tradingcore.application;

import io.tradingcore.adapter.postgres.PostgresAdapter;
import io.tradingcore.adapter.postgres.SchemaMigrator;
import javax.sql.DataSource;

/** Plain-constructor wiring of the adapters (no DI container, so a host service can do the same). */
public final class Wiring {

    private Wiring() {
    }

    /** Every persistence port over {@code dataSource}; with {@code migrate} the schema is brought up to date first. */
    public static Persistence persistence(DataSource dataSource, boolean migrate) {
        PostgresAdapter pg = PostgresAdapter.create(dataSource);
        if (migrate) {
            SchemaMigrator.MigrationReport report = pg.migrate();
            if (!report.upToDateAlready()) {
                // through the host's logging, not the console: a library does not print
                org.slf4j.LoggerFactory.getLogger(Wiring.class).info("schema: applied {} changeSet(s)", report.applied().size());
            }
        }
        return new Persistence(pg.runContexts(), pg.marketData(), pg.decisionRecords(), pg.execution(), pg.accountState(),
                pg.foldResults(), pg.backtestRuns(), pg.modelRegistry(), pg.referenceData(), pg.reporting(), pg.unitOfWork());
    }

    /** The start-up reads of a PAPER or LIVE session (account by name, booked orders and fills) over {@code dataSource}. */
    public static io.tradingcore.ports.out.TradingSessionRepository tradingSessions(DataSource dataSource) {
        return PostgresAdapter.create(dataSource).tradingSessions();
    }

    /** Which worker ran which attempt of a queued task, and what is still queued, over {@code dataSource}. */
    public static io.tradingcore.ports.out.WorkerAttemptLog workerLog(DataSource dataSource) {
        return PostgresAdapter.create(dataSource).workerLog();
    }

    /**
     * The model trainer of the ML adapter: labels and the learned entry rule net of the one cost model
     * ({@code trading.signal.costs}); its inner walk-forward uses {@code walkForward.purgeHours} and
     * {@code walkForward.embargoHours}; feature set, recency weighting and OOD gate from {@code model}.
     */
    public static io.tradingcore.ports.out.ModelTrainer modelTrainer(io.tradingcore.application.config.AppConfig config) {
        io.tradingcore.application.config.AppConfig.Model m = config.model();
        return io.tradingcore.adapter.ml.MlModels.trainer(io.tradingcore.adapter.ml.MlModels.DEFAULT_MODEL_NAME,
                config.trading().signal().costs(), config.walkForward().purgeHours(), config.walkForward().embargoHours(),
                m.featureSet(), m.recencyHalfLifeDays().doubleValue(), m.oodQuantile().doubleValue());
    }
}
