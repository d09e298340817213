package io.tradingcore.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A row to insert, column by column. Values are sent as untyped text (the server parses them
 * into the column's type), so enums, UUIDs, NUMERIC, arrays and timestamps with explicit
 * offsets need no casts and reach the server exactly as written.
 */
final class Row {

    private final String table;
    private final Map<String, Object> values = new LinkedHashMap<>();

    private Row(String table) {
        this.table = table;
    }

    static Row of(String table) {
        return new Row(table);
    }

    String table() {
        return table;
    }

    Row with(String column, Object value) {
        values.put(column, value);
        return this;
    }

    Object get(String column) {
        return values.get(column);
    }

    Row copy() {
        Row r = new Row(table);
        r.values.putAll(values);
        return r;
    }

    void insert(Connection c) throws SQLException {
        insert(c, "");
    }

    /** The idempotent re-send writers use when a cycle is resumed; returns the rows inserted. */
    int insertOnConflictDoNothing(Connection c) throws SQLException {
        return insert(c, " ON CONFLICT DO NOTHING");
    }

    private int insert(Connection c, String suffix) throws SQLException {
        String sql = "INSERT INTO " + table + " (" + String.join(", ", values.keySet()) + ") VALUES ("
                + values.keySet().stream().map(k -> "?").collect(Collectors.joining(", ")) + ")" + suffix;
        try (PreparedStatement st = c.prepareStatement(sql)) {
            int i = 1;
            for (Object v : values.values()) {
                if (v == null) {
                    st.setNull(i++, Types.OTHER);
                } else {
                    st.setObject(i++, v.toString(), Types.OTHER);
                }
            }
            return st.executeUpdate();
        }
    }
}
