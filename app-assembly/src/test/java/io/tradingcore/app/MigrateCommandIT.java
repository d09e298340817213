package io.tradingcore.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradingcore.testdb.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MigrateCommandIT {

    private static Map<String, String> creds(TestDatabases.Db db) {
        return Map.of("TRADING_DB_USER", db.user(), "TRADING_DB_PASSWORD", db.password());
    }

    @Test
    void migratesAnEmptyDatabaseThenIsANoOpTheSecondTime() throws Exception {
        TestDatabases.Db db = TestDatabases.freshDatabase("cli_migrate");
        JarProcess.Result first = JarProcess.run(creds(db), "migrate", "--db-url", db.url());
        assertThat(first.exitCode()).as(first.all()).isZero();
        assertThat(first.out()).contains("applied").contains("TimescaleDB:");
        try (Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM information_schema.tables WHERE table_schema='public' "
                     + "AND table_name IN ('run_context','order_book_snapshot','order_fill','risk_hourly_state')")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(4);
        }
        JarProcess.Result second = JarProcess.run(creds(db), "migrate", "--db-url", db.url());
        assertThat(second.exitCode()).as(second.all()).isZero();
        assertThat(second.out()).contains("nothing applied");
    }

    @Test
    void takesTheUrlFromTradingDbUrl() throws Exception {
        TestDatabases.Db db = TestDatabases.freshDatabase("cli_env");
        JarProcess.Result r = JarProcess.run(Map.of("TRADING_DB_URL", db.url(), "TRADING_DB_USER", db.user(),
                "TRADING_DB_PASSWORD", db.password()), "migrate");
        assertThat(r.exitCode()).as(r.all()).isZero();
        assertThat(r.err()).contains("database: jdbc:postgresql://");
    }

    @Test
    void malformedUrlIsAOneLineUsageError() throws Exception {
        JarProcess.Result r = JarProcess.run(Map.of(), "migrate", "--db-url", "mysql://nope");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err().strip()).startsWith("error:").contains("not a PostgreSQL JDBC URL").doesNotContain("\n")
                .doesNotContain("Exception");
    }

    @Test
    void refusedConnectionExitsWithDatabaseUnreachable() throws Exception {
        JarProcess.Result r = JarProcess.run(Map.of(), "migrate", "--db-url", "jdbc:postgresql://127.0.0.1:1/nothing");
        assertThat(r.exitCode()).as(r.all()).isEqualTo(ExitCodes.DATABASE_UNREACHABLE);
        assertThat(r.err().lines().filter(l -> l.startsWith("error:")).count()).isEqualTo(1);
        assertThat(r.err()).doesNotContain("\tat ");
    }

    @Test
    void wrongPasswordExitsWithDatabaseUnreachable() throws Exception {
        TestDatabases.Db db = TestDatabases.freshDatabase("cli_pw");
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname='cli_pw_user') THEN "
                    + "CREATE ROLE cli_pw_user LOGIN PASSWORD 'right'; END IF; END $$");
        }
        JarProcess.Result r = JarProcess.run(Map.of("TRADING_DB_USER", "cli_pw_user", "TRADING_DB_PASSWORD", "wrong"),
                "migrate", "--db-url", db.url());
        assertThat(r.exitCode()).as(r.all()).isEqualTo(ExitCodes.DATABASE_UNREACHABLE);
        assertThat(r.err()).contains("error:").doesNotContain("wrong");
    }

    @Test
    void failingChangeSetExitsWithMigrationFailedAndNamesIt() throws Exception {
        TestDatabases.Db db = TestDatabases.freshDatabase("cli_fail");
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            // a foreign object in the way of the first changeSet
            st.execute("CREATE TYPE run_mode_enum AS ENUM ('SOMETHING_ELSE')");
        }
        JarProcess.Result r = JarProcess.run(creds(db), "migrate", "--db-url", db.url());
        assertThat(r.exitCode()).as(r.all()).isEqualTo(ExitCodes.MIGRATION_FAILED);
        assertThat(r.err()).contains("error: schema migration failed").doesNotContain("\tat ");
        JarProcess.Result verbose = JarProcess.run(creds(db), "migrate", "--verbose", "--db-url", db.url());
        assertThat(verbose.exitCode()).isEqualTo(ExitCodes.MIGRATION_FAILED);
        assertThat(verbose.err()).contains("\tat ");
    }

    @Test
    void embeddedDefaultKeepsItsDataBetweenRuns() throws Exception {
        Path dir = Files.createTempDirectory("tc-embedded");
        JarProcess.Result first = JarProcess.run(Map.of(), "migrate", "--data-dir", dir.resolve("pgdata").toString());
        assertThat(first.exitCode()).as(first.all()).isZero();
        assertThat(first.err()).contains("embedded PostgreSQL");
        assertThat(first.out()).contains("applied");
        JarProcess.Result second = JarProcess.run(Map.of(), "migrate", "--data-dir", dir.resolve("pgdata").toString());
        assertThat(second.exitCode()).as(second.all()).isZero();
        assertThat(second.out()).contains("nothing applied");
    }
}
