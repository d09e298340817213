package io.tradingcore.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradingcore.testdb.MigratedDatabases;
import io.tradingcore.testdb.TestDatabases;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MigrationIT {

    private static final List<String> ALL_TABLES = List.of("account", "asset", "backtest_fold_result", "backtest_run", "cash_ledger",
            "executed_trade", "feature_snapshot", "market_ohlcv_hourly", "meta_learner_component", "model_prediction",
            "model_version", "order_book_snapshot", "order_fill", "order_request", "portfolio_hourly_state",
            "position_hourly_state", "regime_output", "risk_event", "risk_hourly_state", "run_context",
            "trade_signal");

    private TestDatabases.Db db;
    private Connection c;

    @BeforeAll
    void migrateOnce() throws SQLException {
        db = MigratedDatabases.freshMigrated("migration_it");
        c = db.connect();
    }

    @AfterAll
    void close() throws SQLException {
        c.close();
    }

    @Test
    void migratesAnEmptyDatabaseToTheWholeSchema() throws SQLException {
        TestDatabases.Db empty = TestDatabases.freshDatabase("migration_empty");
        try (Connection e = empty.connect()) {
            assertThat(strings(e, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")).isEmpty();
            MigratedDatabases.migrate(empty);
            assertThat(strings(e, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
                    + " AND tablename NOT LIKE 'databasechangelog%' ORDER BY tablename")).isEqualTo(ALL_TABLES);
        }
    }

    @Test
    void secondMigrationIsANoOp() throws Exception {
        List<String> before = strings(c, "SELECT id || '/' || exectype || '/' || dateexecuted FROM databasechangelog ORDER BY orderexecuted");
        try (Connection own = db.connect(); Liquibase liquibase = MigratedDatabases.liquibase(own)) {
            assertThat(liquibase.listUnrunChangeSets(new Contexts(), new LabelExpression())).isEmpty();
        }
        MigratedDatabases.migrate(db);
        assertThat(strings(c, "SELECT id || '/' || exectype || '/' || dateexecuted FROM databasechangelog ORDER BY orderexecuted"))
                .isEqualTo(before)
                .hasSizeGreaterThanOrEqualTo(20);
    }

    @Test
    void createsTheEightContractEnumsWithTheirExactLabels() throws SQLException {
        Map<String, String> enums = new TreeMap<>();
        for (String row : strings(c, "SELECT t.typname || '=' || string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder)"
                + " FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname")) {
            enums.put(row.substring(0, row.indexOf('=')), row.substring(row.indexOf('=') + 1));
        }
        assertThat(enums).containsExactlyInAnyOrderEntriesOf(Map.of(
                "run_mode_enum", "BACKTEST,PAPER,LIVE",
                "horizon_enum", "H1,H4,H24",
                "model_role_enum", "BASE_TREE,BASE_DEEP,REGIME,META",
                "signal_action_enum", "ENTER,EXIT,HOLD",
                "order_side_enum", "BUY,SELL",
                "order_type_enum", "LIMIT,MARKET",
                "order_status_enum", "NEW,ACK,PARTIAL,FILLED,CANCELLED,REJECTED",
                "drawdown_tier_enum", "NORMAL,DD10,DD15,HALT20"));
    }

    @Test
    void runContextHasTheContractColumnsAndConstraintNames() throws SQLException {
        assertThat(strings(c, "SELECT column_name || ' ' || data_type || coalesce('(' || character_maximum_length || ')', '')"
                + " || ' ' || is_nullable FROM information_schema.columns WHERE table_name = 'run_context' ORDER BY ordinal_position"))
                .containsExactly("run_id uuid NO", "account_id smallint NO", "run_mode USER-DEFINED NO",
                        "hour_ts_utc timestamp with time zone NO", "cycle_seq bigint NO", "code_version_sha character(40) NO",
                        "config_hash character(64) NO", "data_snapshot_hash character(64) NO", "random_seed integer NO",
                        "backtest_run_id uuid YES", "started_at_utc timestamp with time zone NO",
                        "completed_at_utc timestamp with time zone YES", "status text NO");
        assertThat(constraintNames("run_context")).contains("pk_run_context", "uq_run_context_account_mode_hour",
                "uq_run_context_run_mode_hour", "ck_run_context_hour_aligned", "ck_run_context_cycle_seq_pos",
                "ck_run_context_status", "ck_run_context_completed_after_started", "ck_run_context_backtest_link");
    }

    @Test
    void orderBookSnapshotHasTheContractColumnsAndConstraintNames() throws SQLException {
        assertThat(strings(c, "SELECT column_name || ' ' || data_type || coalesce('(' || numeric_precision || ',' || numeric_scale || ')', '')"
                + " || ' ' || is_nullable || ' ' || is_generated FROM information_schema.columns"
                + " WHERE table_name = 'order_book_snapshot' ORDER BY ordinal_position"))
                .containsExactly("asset_id smallint(16,0) NO NEVER", "snapshot_ts_utc timestamp with time zone NO NEVER",
                        "hour_ts_utc timestamp with time zone NO NEVER", "best_bid_price numeric(38,18) NO NEVER",
                        "best_ask_price numeric(38,18) NO NEVER", "best_bid_size numeric(38,18) NO NEVER",
                        "best_ask_size numeric(38,18) NO NEVER", "spread_abs numeric(38,18) YES ALWAYS",
                        "spread_bps numeric(12,8) YES ALWAYS", "source_venue text NO NEVER", "ingest_run_id uuid NO NEVER");
        assertThat(constraintNames("order_book_snapshot")).contains("pk_order_book_snapshot",
                "ck_order_book_snapshot_hour_aligned", "ck_order_book_snapshot_bucket_match",
                "ck_order_book_snapshot_ask_ge_bid");
    }

    @Test
    void contractNamedObjectsExist() throws SQLException {
        assertThat(constraintNames("order_request")).contains("fk_order_request_signal_identity");
        assertThat(strings(c, "SELECT indexdef FROM pg_indexes WHERE indexname = 'uqix_model_version_one_active_per_name_role'"))
                .singleElement().asString()
                .contains("UNIQUE INDEX", "(model_name, model_role)", "WHERE (is_active = true)");
        List<String> expected = new ArrayList<>();
        for (String t : SchemaInfo.APPEND_ONLY_TABLES) {
            expected.add("trg_" + t + "_append_only on " + t + " -> fn_enforce_append_only");
            expected.add("trg_" + t + "_append_only_truncate on " + t + " -> fn_enforce_append_only");
        }
        for (String t : SchemaInfo.TRUNCATE_REFUSED_TABLES) {
            expected.add("trg_" + t + "_append_only_truncate on " + t + " -> fn_enforce_append_only");
        }
        assertThat(strings(c, "SELECT tg.tgname || ' on ' || cl.relname || ' -> ' || p.proname FROM pg_trigger tg"
                + " JOIN pg_class cl ON cl.oid = tg.tgrelid JOIN pg_proc p ON p.oid = tg.tgfoid"
                + " WHERE p.proname = 'fn_enforce_append_only'"))
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void everyUniqueKeyOfAFutureHypertableContainsItsTimeColumn() throws SQLException {
        for (String table : SchemaInfo.HYPERTABLES) {
            String timeColumn = table.equals("order_book_snapshot") ? "snapshot_ts_utc" : "hour_ts_utc";
            List<String> uniqueIndexes = strings(c, "SELECT i.indexrelid::regclass || ':' || bool_or(a.attname = '" + timeColumn + "')"
                    + " FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)"
                    + " WHERE i.indrelid = '" + table + "'::regclass AND i.indisunique GROUP BY i.indexrelid");
            assertThat(uniqueIndexes).as(table).isNotEmpty().allSatisfy(s -> assertThat(s).endsWith(":true"));
        }
    }

    @Test
    void everyTimestampIsTimestamptzAndEveryDecimalIsNumeric38x18() throws SQLException {
        assertThat(strings(c, "SELECT table_name || '.' || column_name FROM information_schema.columns"
                + " WHERE table_schema = 'public' AND table_name NOT LIKE 'databasechangelog%'"
                + " AND data_type LIKE 'timestamp%' AND data_type <> 'timestamp with time zone'")).isEmpty();
        assertThat(strings(c, "SELECT table_name || '.' || column_name FROM information_schema.columns"
                + " WHERE table_schema = 'public' AND data_type = 'numeric'"
                + " AND (numeric_precision, numeric_scale) IS DISTINCT FROM (38, 18)"))
                .containsExactly("order_book_snapshot.spread_bps");
        // NULL is allowed only where a value is optional by meaning, never for money or quantities
        assertThat(strings(c, "SELECT table_name || '.' || column_name FROM information_schema.columns"
                + " WHERE table_schema = 'public' AND data_type = 'numeric' AND is_nullable = 'YES'"
                + " AND is_generated = 'NEVER' ORDER BY 1"))
                .containsExactly("backtest_fold_result.accuracy", "backtest_fold_result.brier_score",
                        "backtest_fold_result.log_loss", "backtest_fold_result.roc_auc",
                        "model_prediction.expected_return", "order_request.limit_price");
    }

    @Test
    void timescaleChangeSetsFollowTheServerCapability() throws SQLException {
        boolean usable = SchemaInfo.timescaleAvailable(c);
        List<String> exectypes = strings(c, "SELECT id || '=' || exectype FROM databasechangelog"
                + " WHERE id LIKE '009-timescaledb-%' ORDER BY orderexecuted");
        if (usable) {
            assertThat(exectypes).containsExactly("009-timescaledb-extension=EXECUTED", "009-timescaledb-hypertables=EXECUTED");
            assertThat(SchemaInfo.hypertables(c)).containsExactlyInAnyOrderElementsOf(SchemaInfo.HYPERTABLES);
        } else {
            assertThat(exectypes).containsExactly("009-timescaledb-extension=MARK_RAN", "009-timescaledb-hypertables=MARK_RAN");
            assertThat(SchemaInfo.hypertables(c)).isEmpty();
        }
    }

    @Test
    void changelogPreconditionIsTheQueryOfSchemaInfo() throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("db/changelog/sql/009-timescaledb.sql")) {
            assertThat(in).isNotNull();
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .contains("--precondition-sql-check expectedResult:1 " + SchemaInfo.TIMESCALE_USABLE_SQL + "\n");
        }
    }

    private List<String> constraintNames(String table) throws SQLException {
        return strings(c, "SELECT conname FROM pg_constraint WHERE conrelid = '" + table + "'::regclass");
    }

    static List<String> strings(Connection conn, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement st = conn.prepareStatement(sql); ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
