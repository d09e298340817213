package io.tradingcore.adapter.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.changelog.ChangeSet;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.resource.ClassLoaderResourceAccessor;

/**
 * Brings a PostgreSQL database to the current schema with the Liquibase changelogs shipped in the
 * {@code schema} module. Safe to run any number of times: a database that is already current is left
 * untouched and the report lists nothing applied.
 */
public final class SchemaMigrator {

    /** Classpath location of the master changelog (module {@code schema}). */
    public static final String MASTER_CHANGELOG = "db/changelog/db.changelog-master.xml";

    /** Held strongly: java.util.logging forgets the level of a logger nobody references. */
    private static final Logger LIQUIBASE_LOG = Logger.getLogger("liquibase");

    /**
     * Classpath location of this adapter's additions (tables the ports need beyond the contract, see
     * docs/persistence.md); applied after {@link #MASTER_CHANGELOG}.
     */
    public static final String ADAPTER_CHANGELOG = "db/changelog-adapter-postgres/adapter-postgres-changelog.xml";

    static {
        // Liquibase 4.30+ may phone home and prints a banner; a trading core does neither.
        System.setProperty("liquibase.analytics.enabled", "false");
        System.setProperty("liquibase.showBanner", "false");
        System.setProperty("liquibase.showSummary", "off");
        System.setProperty("liquibase.showSummaryOutput", "log");
        System.setProperty("liquibase.command.showSummary", "off");
        System.setProperty("liquibase.command.showSummaryOutput", "log");
        // failures reach the caller as MigrationException; Liquibase's own SEVERE stack traces would break
        // the one-line error contract of the CLI
        LIQUIBASE_LOG.setLevel(Level.OFF);
    }

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
        try (Connection connection = dataSource.getConnection()) {
            Database database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            List<String> pendingIds = new ArrayList<>();
            for (String changelog : List.of(MASTER_CHANGELOG, ADAPTER_CHANGELOG)) {
                Liquibase liquibase = new Liquibase(changelog,
                        new ClassLoaderResourceAccessor(SchemaMigrator.class.getClassLoader()), database);
                for (ChangeSet cs : liquibase.listUnrunChangeSets(new Contexts(), new LabelExpression())) {
                    pendingIds.add(cs.getId());
                }
                quietly(() -> liquibase.update(new Contexts(), new LabelExpression()));
            }
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

    /** Runs Liquibase with its console output sent to its (silenced) log: the caller prints the report. */
    private static void quietly(liquibase.Scope.ScopedRunner<?> work) throws LiquibaseException {
        try {
            liquibase.Scope.child(java.util.Map.of(liquibase.Scope.Attr.ui.name(), new liquibase.ui.LoggerUIService()), work);
        } catch (LiquibaseException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new LiquibaseException(e);
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
