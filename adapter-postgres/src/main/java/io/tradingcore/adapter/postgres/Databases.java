package io.tradingcore.adapter.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.tradingcore.ports.out.StoreUnavailableException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Connection pools. Every pooled connection runs in UTC, whatever the JVM's or the server's default time zone is.
 * (An embedded server for the CLI default and tests: the optional module {@code embedded-postgres}.)
 */
public final class Databases {

    private Databases() {
    }

    /** Where to reach a database: a JDBC URL plus optional credentials (they may also be in the URL). */
    public record DbTarget(String jdbcUrl, String user, String password, String description) {
        public DbTarget {
            Objects.requireNonNull(jdbcUrl, "jdbcUrl");
            if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
                throw new IllegalArgumentException("not a PostgreSQL JDBC URL (expected jdbc:postgresql://host:port/db): "
                        + jdbcUrl);
            }
        }

        @Override
        public String toString() {
            return description; // never print a password
        }
    }

    /** A HikariCP pool with sane defaults for one trading process; caller closes it. */
    public static HikariDataSource pool(DbTarget target, int maxPoolSize) {
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl(target.jdbcUrl());
        if (target.user() != null) {
            cfg.setUsername(target.user());
        }
        if (target.password() != null) {
            cfg.setPassword(target.password());
        }
        cfg.setMaximumPoolSize(maxPoolSize);
        cfg.setMinimumIdle(1);
        cfg.setPoolName("trading-core");
        cfg.setConnectionTimeout(10_000);
        cfg.setInitializationFailTimeout(-1);
        cfg.setConnectionInitSql("SET TIME ZONE 'UTC'");
        cfg.addDataSourceProperty("reWriteBatchedInserts", "true");
        cfg.addDataSourceProperty("connectTimeout", "10");
        cfg.addDataSourceProperty("ApplicationName", "trading-core");
        return new HikariDataSource(cfg);
    }

    /**
     * Opens one connection of {@code ds} to check that the database answers.
     *
     * @throws StoreUnavailableException if it does not; its message is the root cause's (e.g. "Connection refused")
     */
    public static void checkReachable(DataSource ds) {
        try (Connection c = ds.getConnection()) {
            c.isValid(5);
        } catch (SQLException e) {
            throw new StoreUnavailableException(SchemaMigrator.rootMessage(e), e);
        }
    }
}
