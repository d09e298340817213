package io.tradingcore.app.reliability;

import io.tradingcore.testdb.TestDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Query results as comparable text rows ({@code a|b|c}), so two databases' contents can be diffed by assertions. */
final class SqlRows {

    private SqlRows() {
    }

    static List<String> rows(TestDatabases.Db db, String sql) throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                StringBuilder b = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    if (i > 1) {
                        b.append('|');
                    }
                    b.append(rs.getString(i));
                }
                out.add(b.toString());
            }
            return out;
        }
    }

    static long count(TestDatabases.Db db, String sql) throws SQLException {
        return Long.parseLong(rows(db, sql).get(0));
    }

    /** A new database on the same server holding a copy of {@code template} (which nobody may be connected to). */
    static TestDatabases.Db copyOf(TestDatabases.Db template, String name) throws SQLException {
        TestDatabases.Server s = template.server();
        String source = template.url().substring(template.url().lastIndexOf('/') + 1);
        try (Connection c = java.sql.DriverManager.getConnection(s.urlFor(s.adminDb()), s.user(), s.password());
             Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name + " TEMPLATE " + source);
        }
        return new TestDatabases.Db(s.urlFor(name), template.user(), template.password(), s);
    }
}
