package io.tradingcore.adapter.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Map;
import javax.sql.DataSource;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.changelog.ChangeSet;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.logging.core.NoOpLogService;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;

/**
 * Brings a PostgreSQL database to the current schema with the Liquibase changelogs shipped in the
 * {@code schema} module. Safe to run any number of times: a database that is already current is left
 * untouched and the report lists nothing applied.
 *
 * <p>No global side effects: the Liquibase settings (no analytics, no banner, no summary, no log or console
 * output) are passed to each call as Liquibase {@link Scope} values, never as system properties or
 * java.util.logging levels, so a host service's own Liquibase use is untouched. Failures reach the caller as
 * {@link MigrationException} with a one-line message.
 */
public final class SchemaMigrator {

    /**
     * Classpath location of the one changelog with everything the adapters need: {@link #MASTER_CHANGELOG} then
     * {@link #ADAPTER_CHANGELOG}. What {@link #migrate} runs; an embedding service may run it with its own Liquibase.
     */
    public static final String CHANGELOG = "db/trading-core-changelog.xml";

    /** Classpath location of the DDL contract's master changelog (module {@code schema}); part of {@link #CHANGELOG}. */
    public static final String MASTER_CHANGELOG = "db/changelog/db.changelog-master.xml";

    /**
     * Classpath location of this adapter's additions (tables the ports need beyond the contract, see
     * docs/persistence.md); part of {@link #CHANGELOG}, after {@link #MASTER_CHANGELOG}.
     */
    public static final String ADAPTER_CHANGELOG = "db/changelog-adapter-postgres/adapter-postgres-changelog.xml";

    private final DataSource dataSource;

    public SchemaMigrator(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /** What a migration did. */
    public record MigrationReport(List<String> applied, List<String> skippedByPrecondition,
                                  boolean timescaleEnabled, String serverVersion) {
        public MigrationReport {
            applied = List.copyOf(applied);
            skippedByPrecondition = List.copyOf(skippedByPrecondition);
        }

        public boolean upToDateAlready() {
            return applied.isEmpty() && skippedByPrecondition.isEmpty();
        }
    }

    /**
     * Applies every changeSet not yet recorded in the database.
     *
     * @throws MigrationException naming the failing changeSet and the database's reason; the failing
     *     changeSet's own transaction is rolled back, earlier ones stay applied (Liquibase semantics)
     */
    public MigrationReport migrate() {
        try {
            return Scope.child(quietSettings(), this::migrateInScope);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new MigrationException("schema migration failed: " + rootMessage(e), e);
        }
    }

    /**
     * The settings of one migration, as Liquibase scope values (which outrank system properties): Liquibase 4.30+
     * may phone home and prints a banner and a summary, a trading core does neither; its log and console output go
     * nowhere, because failures reach the caller as {@link MigrationException} and Liquibase's own SEVERE stack
     * traces would break the one-line error contract of the CLI.
     */
    static Map<String, Object> quietSettings() {
        return Map.of(
                "liquibase.analytics.enabled", "false",
                "liquibase.showBanner", "false",
                "liquibase.showSummary", "off",
                "liquibase.showSummaryOutput", "log",
                "liquibase.command.showSummary", "off",
                "liquibase.command.showSummaryOutput", "log",
                Scope.Attr.logService.name(), new NoOpLogService(),
                Scope.Attr.ui.name(), new LoggerUIService());
    }

    private MigrationReport migrateInScope() {
        try (Connection connection = dataSource.getConnection()) {
            Database database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            List<String> pendingIds = new ArrayList<>();
            Liquibase liquibase = new Liquibase(CHANGELOG,
                    new ClassLoaderResourceAccessor(SchemaMigrator.class.getClassLoader()), database);
            for (ChangeSet cs : liquibase.listUnrunChangeSets(new Contexts(), new LabelExpression())) {
                pendingIds.add(cs.getId());
            }
            liquibase.update(new Contexts(), new LabelExpression());
            List<String> applied = new ArrayList<>();
            List<String> skipped = new ArrayList<>();
            readOutcome(connection, pendingIds, applied, skipped);
            return new MigrationReport(applied, skipped, timescaleEnabled(connection),
                    connection.getMetaData().getDatabaseProductVersion());
        } catch (LiquibaseException e) {
            throw new MigrationException("schema migration failed: " + rootMessage(e), e);
        } catch (SQLException e) {
            throw new MigrationException("cannot reach the database: " + rootMessage(e), e);
        }
    }

    private static void readOutcome(Connection connection, List<String> pendingIds, List<String> applied,
                                    List<String> skipped) throws SQLException {
        if (pendingIds.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT id, exectype FROM databasechangelog WHERE id = ANY (?) ORDER BY orderexecuted")) {
            ps.setArray(1, connection.createArrayOf("text", pendingIds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if ("MARK_RAN".equals(rs.getString(2))) {
                        skipped.add(rs.getString(1));
                    } else {
                        applied.add(rs.getString(1));
                    }
                }
            }
        }
    }

    static boolean timescaleEnabled(Connection connection) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT count(*) FROM pg_extension WHERE extname = 'timescaledb'");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() && rs.getInt(1) > 0;
        }
    }

    public static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        String m = c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
        return m.replaceAll("\\s+", " ").trim();
    }

    /** A migration that could not be completed; the message is one line naming the reason. */
    public static final class MigrationException extends RuntimeException {
        public MigrationException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
