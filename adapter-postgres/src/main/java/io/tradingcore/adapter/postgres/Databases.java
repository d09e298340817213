package io.tradingcore.adapter.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;

/**
 * Connection pools and the embedded default database. Every pooled connection runs in UTC, whatever
 * the JVM's or the server's default time zone is.
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
     * Starts (or re-opens) the embedded PostgreSQL whose data lives in {@code dataDir}; data survives
     * between runs. The directory is created when missing.
     */
    public static EmbeddedServer embedded(Path dataDir) {
        try {
            Path dir = dataDir.toAbsolutePath();
            Files.createDirectories(dir);
            // initdb refuses to run as root, so the embedded server runs as an unprivileged user that
            // must own its data directory.
            openForServerUser(dir);
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(false)
                    .setServerConfig("timezone", "UTC")
                    .setServerConfig("max_connections", "100")
                    .start();
            String url = pg.getJdbcUrl("postgres", "postgres");
            return new EmbeddedServer(pg, new DbTarget(url, "postgres", "",
                    "embedded PostgreSQL (data in " + dir + ", port " + pg.getPort() + ")"));
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the embedded PostgreSQL in " + dataDir + ": "
                    + SchemaMigrator.rootMessage(e), e);
        }
    }

    private static void openForServerUser(Path dir) throws IOException {
        try {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system: nothing to adjust
        }
    }

    /** A running embedded server; closing it stops PostgreSQL. */
    public record EmbeddedServer(EmbeddedPostgres postgres, DbTarget target) implements AutoCloseable {
        @Override
        public void close() {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new IllegalStateException("embedded PostgreSQL did not stop cleanly: " + e.getMessage(), e);
            }
        }
    }
}
