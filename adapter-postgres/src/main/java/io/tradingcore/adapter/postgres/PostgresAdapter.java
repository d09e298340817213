package io.tradingcore.adapter.postgres;

import static io.tradingcore.adapter.postgres.jooq.Tables.ACCOUNT;
import static io.tradingcore.adapter.postgres.jooq.Tables.ASSET;

import io.tradingcore.domain.AccountId;
import io.tradingcore.domain.Asset;
import io.tradingcore.ports.out.AccountStateRepository;
import io.tradingcore.ports.out.BacktestRepository;
import io.tradingcore.ports.out.DecisionRecordRepository;
import io.tradingcore.ports.out.ExecutionRepository;
import io.tradingcore.ports.out.MarketDataRepository;
import io.tradingcore.ports.out.ModelRegistry;
import io.tradingcore.ports.out.RunContextRepository;
import java.util.Collection;
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

    public BacktestRepository backtests() {
        return backtests;
    }

    public ModelRegistry modelRegistry() {
        return models;
    }

    /**
     * Reference data the contract's SMALLINT ids point at: inserts the assets that are missing, in one
     * transaction; an existing id with a different symbol is refused (ConflictingWriteException).
     */
    public void registerAssets(Collection<Asset> assets) {
        db.tx("registering assets", tx -> {
            var rows = assets.stream().map(a -> {
                var r = tx.newRecord(ASSET);
                r.setAssetId(a.id().value());
                r.setSymbol(a.symbol());
                r.setBaseAsset(a.base());
                r.setQuoteAsset(a.quote());
                return r;
            }).toList();
            return Idempotent.insert(tx, ASSET, rows, "asset", r -> "asset " + r.getAssetId() + " (" + r.getSymbol() + ")");
        });
    }

    /** Inserts the account if missing; an existing id with another name or currency is refused. */
    public void registerAccount(AccountId id, String name, String cashCurrency) {
        db.tx("registering account " + id, tx -> {
            var r = tx.newRecord(ACCOUNT);
            r.setAccountId(id.value());
            r.setAccountName(name);
            r.setCashCurrency(cashCurrency);
            return Idempotent.insert(tx, ACCOUNT, java.util.List.of(r), "account", x -> "account " + x.getAccountId());
        });
    }

    /** asset and account registration. */
    public io.tradingcore.ports.out.ReferenceDataRepository referenceData() {
        return new PgReferenceDataRepository(db);
    }

    /** backtest_run: stored backtest definitions (resume and replay). */
    public io.tradingcore.ports.out.BacktestRunRepository backtestRuns() {
        return new PgBacktestRunRepository(db);
    }

    /** Bulk reads for reports (equity curve, executed trades). */
    public io.tradingcore.ports.out.ReportingRepository reporting() {
        return new PgReportingRepository(db);
    }
}
