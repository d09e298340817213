package io.tradingcore.adapter.postgres;

import io.tradingcore.ports.out.AccountStateRepository;
import io.tradingcore.ports.out.BacktestQueryRepository;
import io.tradingcore.ports.out.BacktestRepository;
import io.tradingcore.ports.out.BacktestRunRepository;
import io.tradingcore.ports.out.DecisionRecordRepository;
import io.tradingcore.ports.out.ExecutionRepository;
import io.tradingcore.ports.out.MarketDataCoverageRepository;
import io.tradingcore.ports.out.MarketDataRepository;
import io.tradingcore.ports.out.ModelRegistry;
import io.tradingcore.ports.out.ReferenceDataRepository;
import io.tradingcore.ports.out.ReportingRepository;
import io.tradingcore.ports.out.RunContextRepository;
import io.tradingcore.ports.out.UnitOfWork;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The PostgreSQL adapter: every persistence port of {@code io.tradingcore.ports.out} over one
 * {@link DataSource} (use {@link Databases#pool}, which runs every connection in UTC). Each port method
 * is one transaction; database errors surface as the ports' exceptions. Thread-safe.
 */
public final class PostgresAdapter {
    private final DataSource dataSource;
    private final Db db;
    private final RunContextRepository runs;
    private final MarketDataRepository marketData;
    private final DecisionRecordRepository decisions;
    private final ExecutionRepository execution;
    private final AccountStateRepository accountState;
    private final BacktestRepository backtests;
    private final ModelRegistry models;
    private final ReferenceDataRepository referenceData;
    private final BacktestRunRepository backtestRuns;
    private final ReportingRepository reporting;
    private final MarketDataCoverageRepository coverage;
    private final BacktestQueryRepository backtestQueries;

    private PostgresAdapter(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.db = new Db(dataSource);
        this.runs = new PgRunContextRepository(db);
        this.marketData = new PgMarketDataRepository(db);
        this.decisions = new PgDecisionRecordRepository(db);
        this.execution = new PgExecutionRepository(db);
        this.accountState = new PgAccountStateRepository(db);
        this.backtests = new PgBacktestRepository(db);
        this.models = new PgModelRegistry(db);
        this.referenceData = new PgReferenceDataRepository(db);
        this.backtestRuns = new PgBacktestRunRepository(db);
        this.reporting = new PgReportingRepository(db);
        this.coverage = new PgMarketDataCoverageRepository(db);
        this.backtestQueries = new PgBacktestQueryRepository(db);
    }

    /** An adapter over {@code dataSource}; the schema must be current ({@link #migrate()}). */
    public static PostgresAdapter create(DataSource dataSource) {
        return new PostgresAdapter(dataSource);
    }

    /** Brings the database to the current schema (Liquibase; idempotent). */
    public SchemaMigrator.MigrationReport migrate() {
        return new SchemaMigrator(dataSource).migrate();
    }

    public RunContextRepository runContexts() {
        return runs;
    }

    public MarketDataRepository marketData() {
        return marketData;
    }

    public DecisionRecordRepository decisionRecords() {
        return decisions;
    }

    public ExecutionRepository execution() {
        return execution;
    }

    public AccountStateRepository accountState() {
        return accountState;
    }

    /** The per-fold backtest results (backtest_fold_result); the backtest runs themselves are {@link #backtestRuns()}. */
    public BacktestRepository foldResults() {
        return backtests;
    }

    public ModelRegistry modelRegistry() {
        return models;
    }

    /** asset and account: the reference rows the contract's SMALLINT ids point at. */
    public ReferenceDataRepository referenceData() {
        return referenceData;
    }

    /** backtest_run: stored backtest definitions (resume and replay). */
    public BacktestRunRepository backtestRuns() {
        return backtestRuns;
    }

    /**
     * One transaction around many port calls of this thread (all of this adapter's repositories join
     * it). Backtests commit a batch of hours at once with it; the ownership lock of each run is still
     * taken and released per hour.
     */
    public UnitOfWork unitOfWork() {
        return new UnitOfWork() {
            @Override
            public <T> T run(java.util.function.Supplier<T> body) {
                return db.unitOfWork("a unit of work", body);
            }

            @Override
            public <T> T runOverlapped(java.util.function.Supplier<T> body) {
                return db.unitOfWorkOverlapped("a unit of work", body);
            }

            @Override
            public void awaitCommitted() {
                db.settle();
            }
        };
    }

    /** Bulk reads for reports (equity curve, executed trades). */
    public ReportingRepository reporting() {
        return reporting;
    }

    /** Start-up reads of a PAPER or LIVE session (account by name; booked orders and fills for reconciliation). */
    public io.tradingcore.ports.out.TradingSessionRepository tradingSessions() {
        return new PgTradingSessionRepository(db);
    }

    /** What market data is stored: per asset and venue first/last hour, rows, gaps (`list-data`, `download-data`). */
    public MarketDataCoverageRepository marketDataCoverage() {
        return coverage;
    }

    /** Stored backtests with their headline figures, and exports of their rows (`runs`). */
    public BacktestQueryRepository backtestQueries() {
        return backtestQueries;
    }

    /** Which worker ran which attempt of a queued task, and what is still queued (`worker tasks`). */
    public io.tradingcore.ports.out.WorkerAttemptLog workerLog() {
        return new PgWorkerLog(dataSource);
    }
}
