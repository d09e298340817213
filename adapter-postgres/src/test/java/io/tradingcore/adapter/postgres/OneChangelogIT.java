package io.tradingcore.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.tradingcore.testdb.TestDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.junit.jupiter.api.Test;

/**
 * The one changelog ({@link SchemaMigrator#CHANGELOG}) holds everything the adapter needs, and its changeSets are
 * the very ones (id, author, file name) Liquibase recorded when the schema's master changelog and the adapter's
 * changelog ran one after the other, as SchemaMigrator did before: such a database is current, nothing re-runs.
 */
class OneChangelogIT {

    @Test
    void aDatabaseMigratedPartByPartIsCurrentForTheOneChangelog() throws Exception {
        try (HikariDataSource ds = PgTestSupport.pool(TestDatabases.freshDatabase("one_changelog_parts"))) {
            for (String part : List.of(SchemaMigrator.MASTER_CHANGELOG, SchemaMigrator.ADAPTER_CHANGELOG)) {
                update(ds, part);
            }
            List<String> before = changeSets(ds);
            assertThat(before).hasSizeGreaterThan(40);
            SchemaMigrator.MigrationReport r = new SchemaMigrator(ds).migrate();
            assertThat(r.applied()).isEmpty();
            assertThat(r.upToDateAlready()).isTrue();
            assertThat(changeSets(ds)).isEqualTo(before);
        }
    }

    @Test
    void anEmbeddersOwnLiquibaseOnTheOneChangelogInstallsWhatTheAdapterNeeds() throws Exception {
        List<String> viaMigrator;
        try (HikariDataSource ds = PgTestSupport.pool(TestDatabases.freshDatabase("one_changelog_migrator"))) {
            new SchemaMigrator(ds).migrate();
            viaMigrator = changeSets(ds);
        }
        try (HikariDataSource ds = PgTestSupport.pool(TestDatabases.freshDatabase("one_changelog_own"))) {
            update(ds, SchemaMigrator.CHANGELOG);
            assertThat(changeSets(ds)).isEqualTo(viaMigrator).anyMatch(c -> c.contains("changelog-adapter-postgres"));
            // the adapter works on it: an account and an asset go in, and the migrator finds nothing to do
            PostgresAdapter pg = PostgresAdapter.create(ds);
            assertThat(pg.migrate().upToDateAlready()).isTrue();
            pg.referenceData().ensureAsset(PgTestSupport.BTC);
            assertThat(pg.referenceData().assets()).contains(PgTestSupport.BTC);
        }
    }

    /** Liquibase as an embedding service would run it: its own instance, the changelog from the classpath. */
    private static void update(HikariDataSource ds, String changelog) throws Exception {
        Scope.child(SchemaMigrator.quietSettings(), () -> {
            try (Connection c = ds.getConnection()) {
                Database db = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
                new Liquibase(changelog, new ClassLoaderResourceAccessor(), db).update(new Contexts(), new LabelExpression());
            }
        });
    }

    /** id, author and file name of every applied changeSet, in the order they ran. */
    private static List<String> changeSets(HikariDataSource ds) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT id, author, filename FROM databasechangelog ORDER BY orderexecuted")) {
            while (rs.next()) {
                out.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3));
            }
        }
        return out;
    }
}
