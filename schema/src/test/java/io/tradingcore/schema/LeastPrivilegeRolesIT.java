package io.tradingcore.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradingcore.testdb.MigratedDatabases;
import io.tradingcore.testdb.TestDatabases;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 17, item 6: the schema's guarantees bind everyone but a superuser (session_replication_role = replica
 * switches triggers off, TRUNCATE and DISABLE TRIGGER go around them). db/roles/least-privilege.sql sets up a
 * migration role that migrates a fresh database without being a superuser, and a runtime role that can run
 * the system but can neither switch the guarantees off nor go around them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LeastPrivilegeRolesIT {
    private static final String SCRIPT = "db/roles/least-privilege.sql";

    private TestDatabases.Db admin;
    private String migrationRole;
    private String runtimeRole;

    @BeforeAll
    void createRolesAndMigrateAsTheMigrationRole() throws Exception {
        admin = TestDatabases.freshDatabase("roles");
        String database = admin.url().substring(admin.url().lastIndexOf('/') + 1);
        migrationRole = database + "_migrator";
        runtimeRole = database + "_runtime";
        String[] parts = script(database).split("-- @after-migration");
        try (Connection c = admin.connect(); Statement st = c.createStatement()) {
            st.execute(parts[0]);
        }
        MigratedDatabases.migrate(new TestDatabases.Db(admin.url(), migrationRole, "m-secret", admin.server()));
        try (Connection c = DriverManager.getConnection(admin.url(), migrationRole, "m-secret"); Statement st = c.createStatement()) {
            st.execute(parts[1]);
        }
        try (Connection c = admin.connect(); Statement st = c.createStatement()) {
            st.execute("INSERT INTO account (account_id, account_name, cash_currency) VALUES (1, 'roles', 'USDT')");
            st.execute("INSERT INTO asset (asset_id, symbol, base_asset, quote_asset) VALUES (1, 'BTC/USDT', 'BTC', 'USDT')");
        }
    }

    private String script(String database) throws IOException {
        try (InputStream in = Objects.requireNonNull(getClass().getClassLoader().getResourceAsStream(SCRIPT), SCRIPT)) {
            String s = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (Map.Entry<String, String> e : Map.of("database", database, "migration_role", migrationRole,
                    "migration_password", "m-secret", "runtime_role", runtimeRole, "runtime_password", "r-secret").entrySet()) {
                s = s.replace("${" + e.getKey() + "}", e.getValue());
            }
            return s;
        }
    }

    private Connection runtime() throws SQLException {
        return DriverManager.getConnection(admin.url(), runtimeRole, "r-secret");
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    @Test
    void neitherRoleIsASuperuserNorMayReplicate() throws SQLException {
        try (Connection c = admin.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT bool_or(rolsuper OR rolreplication OR rolbypassrls OR rolcreaterole), count(*)"
                     + " FROM pg_roles WHERE rolname IN ('" + migrationRole + "', '" + runtimeRole + "')")) {
            rs.next();
            assertThat(rs.getBoolean(1)).isFalse();
            assertThat(rs.getInt(2)).isEqualTo(2);
        }
    }

    @Test
    void theRuntimeRoleRunsTheSystem() throws SQLException {
        try (Connection c = runtime()) {
            exec(c, "INSERT INTO market_ohlcv_hourly (asset_id, hour_ts_utc, source_venue, open_price, high_price, low_price,"
                    + " close_price, volume, ingest_run_id) VALUES (1, '2026-01-01T00:00:00Z', 'binance', 1, 1, 1, 1, 0,"
                    + " '00000000-0000-0000-0000-000000000099') ON CONFLICT DO NOTHING");
            exec(c, "INSERT INTO run_context (run_id, account_id, run_mode, hour_ts_utc, cycle_seq, code_version_sha, config_hash,"
                    + " data_snapshot_hash, random_seed) VALUES ('00000000-0000-0000-0000-0000000000a9', 1, 'PAPER',"
                    + " '2026-01-01T01:00:00Z', 0, '" + "c".repeat(40) + "', '" + "d".repeat(64) + "', '" + "e".repeat(64)
                    + "', 1) ON CONFLICT DO NOTHING");
            exec(c, "SELECT pg_advisory_lock(42), pg_advisory_unlock(42)");
            exec(c, "BEGIN; SELECT 1 FROM account WHERE account_id = 1 FOR NO KEY UPDATE; CREATE TEMPORARY TABLE stage"
                    + " (LIKE market_ohlcv_hourly) ON COMMIT DROP; COMMIT");
            exec(c, "UPDATE run_context SET status = 'FAILED' WHERE run_id = '00000000-0000-0000-0000-0000000000a9'");
        }
    }

    @Test
    void theRuntimeRoleCannotSwitchTheGuaranteesOffOrGoAroundThem() throws SQLException {
        try (Connection c = runtime()) {
            assertThatThrownBy(() -> exec(c, "SET session_replication_role = replica"))
                    .hasMessageContaining("session_replication_role");
            assertThatThrownBy(() -> exec(c, "ALTER TABLE order_fill DISABLE TRIGGER USER")).hasMessageContaining("owner");
            assertThatThrownBy(() -> exec(c, "DROP TRIGGER trg_order_fill_append_only ON order_fill")).hasMessageContaining("owner");
            assertThatThrownBy(() -> exec(c, "TRUNCATE backtest_run")).hasMessageContaining("permission denied");
            assertThatThrownBy(() -> exec(c, "DELETE FROM account")).hasMessageContaining("permission denied");
            assertThatThrownBy(() -> exec(c, "UPDATE account SET account_name = 'x'")).hasMessageContaining("permission denied");
            assertThatThrownBy(() -> exec(c, "CREATE TABLE sneaky (x int)")).hasMessageContaining("permission denied");
            assertThatThrownBy(() -> exec(c, "CREATE OR REPLACE FUNCTION fn_enforce_append_only() RETURNS trigger"
                    + " LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END'")).hasMessageContaining("permission denied");
        }
    }
}
