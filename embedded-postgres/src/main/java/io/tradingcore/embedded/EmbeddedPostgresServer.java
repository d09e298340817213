package io.tradingcore.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;

/**
 * A real PostgreSQL server run from the binaries in Maven artifacts (io.zonky.test), whose data lives in a directory
 * of your choice and survives between runs. The server runs in UTC; closing this stops it.
 *
 * <pre>{@code
 * try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(Path.of("pgdata"))) {
 *     DataSource ds = Databases.pool(new DbTarget(pg.jdbcUrl(), pg.user(), pg.password(), pg.description()), 4);
 *     ...
 * }
 * }</pre>
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final Path dataDir;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDir) {
        this.postgres = postgres;
        this.dataDir = dataDir;
    }

    /** Starts (or re-opens) the server whose data lives in {@code dataDir}; the directory is created when missing. */
    public static EmbeddedPostgresServer start(Path dataDir) {
        Objects.requireNonNull(dataDir, "dataDir");
        Path dir = dataDir.toAbsolutePath();
        try {
            Files.createDirectories(dir);
            // initdb refuses to run as root, so the server runs as an unprivileged user that must own its data directory
            try {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system: nothing to adjust
            }
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(false)
                    .setServerConfig("timezone", "UTC")
                    .setServerConfig("max_connections", "100")
                    .start();
            return new EmbeddedPostgresServer(pg, dir);
        } catch (IOException e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            throw new IllegalStateException("cannot start the embedded PostgreSQL in " + dataDir + ": " + root.getMessage(), e);
        }
    }

    /** JDBC URL of the {@code postgres} database. */
    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    public String user() {
        return "postgres";
    }

    public String password() {
        return "";
    }

    public int port() {
        return postgres.getPort();
    }

    /** For log lines (no password). */
    public String description() {
        return "embedded PostgreSQL (data in " + dataDir + ", port " + port() + ")";
    }

    /** Stops the server. */
    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new IllegalStateException("embedded PostgreSQL did not stop cleanly: " + e.getMessage(), e);
        }
    }
}
