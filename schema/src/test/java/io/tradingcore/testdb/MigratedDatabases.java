package io.tradingcore.testdb;

import io.tradingcore.schema.SchemaInfo;
import java.sql.Connection;
import java.sql.SQLException;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.resource.ClassLoaderResourceAccessor;

/**
 * Fresh test databases brought to the current schema by running {@link SchemaInfo#CHANGELOG} with
 * Liquibase, exactly as the {@code migrate} command does. Shared with other modules' ITs via the
 * schema test-jar (they need liquibase-core on their test classpath).
 */
public final class MigratedDatabases {

    static {
        // no phone-home, no banner in test logs
        System.setProperty("liquibase.analytics.enabled", "false");
        System.setProperty("liquibase.showBanner", "false");
    }

    private MigratedDatabases() {
    }

    /** A new empty database on the selected test server, migrated to the current schema. */
    public static TestDatabases.Db freshMigrated(String prefix) {
        TestDatabases.Db db = TestDatabases.freshDatabase(prefix);
        migrate(db);
        return db;
    }

    /** Runs the master changelog against {@code db}; a no-op when it is already current. */
    public static void migrate(TestDatabases.Db db) {
        try (Connection c = db.connect()) {
            try (Liquibase liquibase = liquibase(c)) {
                liquibase.update(new Contexts(), new LabelExpression());
            }
        } catch (SQLException | LiquibaseException e) {
            throw new IllegalStateException("migrating " + db.url() + " failed: " + e.getMessage(), e);
        } catch (Exception e) {
            throw new IllegalStateException("closing Liquibase for " + db.url() + " failed: " + e.getMessage(), e);
        }
    }

    /** A Liquibase instance on {@code c} for the master changelog; the caller closes it (not c). */
    public static Liquibase liquibase(Connection c) throws LiquibaseException {
        Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
        return new Liquibase(SchemaInfo.CHANGELOG, new ClassLoaderResourceAccessor(), database);
    }
}
