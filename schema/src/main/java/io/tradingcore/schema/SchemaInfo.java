package io.tradingcore.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Facts about the trading core schema that code embedding it needs: where the Liquibase changelog
 * lives on the classpath, which tables are append-only or (under TimescaleDB) hypertables, and
 * whether the connected server can run the TimescaleDB changeSets. JDBC only, no Liquibase types.
 */
public final class SchemaInfo {

    /** Classpath path of the master changelog; run exactly this to create or upgrade the schema. */
    public static final String CHANGELOG = "db/changelog/db.changelog-master.xml";

    /** The 9 tables that become hypertables where TimescaleDB is usable (contract order). */
    public static final List<String> HYPERTABLES = List.of(
            "market_ohlcv_hourly", "order_book_snapshot", "feature_snapshot", "regime_output",
            "model_prediction", "meta_learner_component", "position_hourly_state",
            "portfolio_hourly_state", "risk_hourly_state");

    /** The 12 tables whose rows can be inserted but never updated, deleted or truncated. */
    public static final List<String> APPEND_ONLY_TABLES = List.of(
            "market_ohlcv_hourly", "order_book_snapshot", "feature_snapshot", "regime_output",
            "model_prediction", "meta_learner_component", "trade_signal", "order_fill",
            "executed_trade", "cash_ledger", "risk_event", "backtest_fold_result");

    /**
     * Tables whose rows may change or are protected by their own triggers but are never deleted, so
     * TRUNCATE is refused on them too (changeSet 013, {@code trg_<table>_append_only_truncate}).
     */
    public static final List<String> TRUNCATE_REFUSED_TABLES = List.of(
            "backtest_run", "run_context", "order_request", "account", "asset");

    /**
     * The precondition of changeSet {@code 009-timescaledb-extension}: 1 when TimescaleDB 2.13+ is
     * available and either installed or preloaded (CREATE EXTENSION needs it in
     * shared_preload_libraries), else 0. The changelog must contain this exact text.
     */
    public static final String TIMESCALE_USABLE_SQL = "SELECT count(*) FROM pg_available_extensions"
            + " WHERE name = 'timescaledb'"
            + " AND (installed_version IS NOT NULL OR current_setting('shared_preload_libraries') ~ 'timescaledb')"
            + " AND string_to_array(substring(COALESCE(installed_version, default_version)"
            + " from '^[0-9]+\\.[0-9]+'), '.')::int[] >= ARRAY[2, 13]";

    private SchemaInfo() {
    }

    /**
     * Whether the server behind {@code connection} can run the TimescaleDB changeSets (the same
     * test the changelog's precondition makes). Only reads catalog views.
     *
     * @throws SQLException if the query fails (e.g. the connection is closed)
     */
    public static boolean timescaleAvailable(Connection connection) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement(TIMESCALE_USABLE_SQL);
             ResultSet rs = st.executeQuery()) {
            return rs.next() && rs.getLong(1) == 1L;
        }
    }

    /**
     * The hypertables that exist in the connected database, sorted by name; empty on plain
     * PostgreSQL (no timescaledb extension installed).
     *
     * @throws SQLException if a catalog query fails
     */
    public static List<String> hypertables(Connection connection) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement st = connection.prepareStatement(
                "SELECT count(*) FROM pg_extension WHERE extname = 'timescaledb'");
             ResultSet rs = st.executeQuery()) {
            if (!rs.next() || rs.getLong(1) == 0L) {
                return List.of();
            }
        }
        try (PreparedStatement st = connection.prepareStatement(
                "SELECT hypertable_name FROM timescaledb_information.hypertables"
                        + " WHERE hypertable_schema = current_schema() ORDER BY hypertable_name");
             ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return List.copyOf(names);
    }
}
