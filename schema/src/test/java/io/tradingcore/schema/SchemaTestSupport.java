package io.tradingcore.schema;

import static org.assertj.core.api.Assertions.fail;

import io.tradingcore.testdb.MigratedDatabases;
import io.tradingcore.testdb.TestDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * One freshly migrated database per test class, seeded (committed) with an account, two assets,
 * one BACKTEST run_context and four model versions; every test runs in a transaction that is
 * rolled back afterwards, so tests never see each other's rows.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SchemaTestSupport {

    /** A JDBC action that is expected to fail. */
    @FunctionalInterface
    interface SqlAction {
        void run() throws SQLException;
    }

    protected Connection c;

    @BeforeAll
    void migrateAndSeed() throws SQLException {
        TestDatabases.Db db = MigratedDatabases.freshMigrated(getClass().getSimpleName());
        c = db.connect();
        insert(Fixture.account(), Fixture.asset(Fixture.BTC, "BTC"), Fixture.asset(Fixture.ETH, "ETH"),
                Fixture.runContext(),
                Fixture.modelVersion(Fixture.MV_TREE_H1, "tree_h1", "BASE_TREE", "H1", true),
                Fixture.modelVersion(Fixture.MV_DEEP_H1, "deep_h1", "BASE_DEEP", "H1", true),
                Fixture.modelVersion(Fixture.MV_META_H1, "meta_h1", "META", "H1", true),
                Fixture.modelVersion(Fixture.MV_REGIME, "regime", "REGIME", null, true));
        c.setAutoCommit(false);
    }

    @AfterEach
    void rollback() throws SQLException {
        c.rollback();
    }

    @AfterAll
    void close() throws SQLException {
        c.close();
    }

    protected void insert(Row... rows) throws SQLException {
        for (Row r : rows) {
            r.insert(c);
        }
    }

    protected void exec(String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    protected String queryString(String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            if (!rs.next()) {
                fail("no row for: " + sql);
            }
            return rs.getString(1);
        }
    }

    /** The database's error message for inserting {@code row}; fails the test if it was accepted. */
    protected String rejected(Row row) throws SQLException {
        return rejection(() -> row.insert(c));
    }

    protected String rejectedSql(String sql) throws SQLException {
        return rejection(() -> exec(sql));
    }

    /**
     * Runs {@code action} inside a savepoint and returns the error message the database answered
     * with; the transaction stays usable afterwards.
     */
    protected String rejection(SqlAction action) throws SQLException {
        Savepoint sp = c.setSavepoint();
        try {
            action.run();
        } catch (SQLException e) {
            c.rollback(sp);
            return e.getMessage();
        }
        c.rollback(sp);
        return fail("the database accepted what it should have rejected");
    }
}
