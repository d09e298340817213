package io.tradingcore.testdb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Chooses the real PostgreSQL server that integration tests run against, once per JVM:
 * <ol>
 *   <li>{@code TRADING_TEST_DB_URL} (environment) or {@code -Dtrading.test.db.url}: a server given by URL,
 *       with {@code TRADING_TEST_DB_USER}/{@code TRADING_TEST_DB_PASSWORD} (default {@code postgres}/empty);
 *       the role must be allowed to create databases;</li>
 *   <li>otherwise Testcontainers, when a Docker engine answers;</li>
 *   <li>otherwise an embedded real PostgreSQL started from Maven artifacts (io.zonky.test).</li>
 * </ol>
 * Each caller gets a fresh, empty database on that server, so test classes never see each other's rows.
 * There is no fallback to H2 or a mock, and no silent skip: if no server can be had, this throws.
 */
public final class TestDatabases {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static Server server;

    private TestDatabases() {
    }

    /** A server connection description: the admin JDBC URL template plus credentials. */
    public record Server(String kind, String host, int port, String adminDb, String user, String password,
                         AutoCloseable handle) {
        public String urlFor(String database) {
            return "jdbc:postgresql://" + host + ":" + port + "/" + database;
        }
    }

    /** A fresh database for one test class. */
    public record Db(String url, String user, String password, Server server) {
        public Connection connect() throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }
    }

    public static synchronized Server server() {
        if (server == null) {
            server = startServer();
            System.err.println("[test-db] integration tests use " + server.kind() + " at "
                    + server.host() + ":" + server.port());
        }
        return server;
    }

    /** Creates a new, empty database named after {@code prefix} and returns how to reach it. */
    public static Db freshDatabase(String prefix) {
        Server s = server();
        String name = (prefix.replaceAll("[^A-Za-z0-9]", "_") + "_" + ProcessHandle.current().pid() + "_"
                + COUNTER.incrementAndGet()).toLowerCase(Locale.ROOT);
        if (name.length() > 60) {
            name = name.substring(name.length() - 60);
            if (!Character.isLetter(name.charAt(0))) {
                name = "t" + name.substring(1);
            }
        }
        try (Connection c = DriverManager.getConnection(s.urlFor(s.adminDb()), s.user(), s.password());
             Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name + " on " + s.kind() + ": "
                    + e.getMessage(), e);
        }
        return new Db(s.urlFor(name), s.user(), s.password(), s);
    }

    private static Server startServer() {
        String url = firstNonBlank(System.getProperty("trading.test.db.url"), System.getenv("TRADING_TEST_DB_URL"));
        if (url != null) {
            return givenServer(url);
        }
        if (dockerAvailable()) {
            return ContainerServer.start();
        }
        return embeddedServer();
    }

    private static Server givenServer(String url) {
        // jdbc:postgresql://host:port/db?params
        String rest = url.replaceFirst("^jdbc:postgresql://", "");
        String hostPort = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
        String db = rest.contains("/") ? rest.substring(rest.indexOf('/') + 1) : "postgres";
        if (db.contains("?")) {
            db = db.substring(0, db.indexOf('?'));
        }
        String host = hostPort.contains(":") ? hostPort.substring(0, hostPort.indexOf(':')) : hostPort;
        int port = hostPort.contains(":") ? Integer.parseInt(hostPort.substring(hostPort.indexOf(':') + 1)) : 5432;
        String user = firstNonBlank(System.getProperty("trading.test.db.user"), System.getenv("TRADING_TEST_DB_USER"));
        String password = firstNonBlank(System.getProperty("trading.test.db.password"),
                System.getenv("TRADING_TEST_DB_PASSWORD"));
        Server s = new Server("the PostgreSQL server given by TRADING_TEST_DB_URL", host, port,
                db.isBlank() ? "postgres" : db, user == null ? "postgres" : user, password == null ? "" : password,
                () -> { });
        try (Connection c = DriverManager.getConnection(s.urlFor(s.adminDb()), s.user(), s.password())) {
            return s;
        } catch (SQLException e) {
            throw new IllegalStateException("TRADING_TEST_DB_URL=" + url + " is not reachable: " + e.getMessage(), e);
        }
    }

    private static boolean dockerAvailable() {
        try {
            Class<?> f = Class.forName("org.testcontainers.DockerClientFactory");
            Object instance = f.getMethod("instance").invoke(null);
            return (Boolean) f.getMethod("isDockerAvailable").invoke(instance);
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return false;
        }
    }

    private static Server embeddedServer() {
        try {
            io.zonky.test.db.postgres.embedded.EmbeddedPostgres pg =
                    io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                            .setServerConfig("timezone", "UTC")
                            .setServerConfig("fsync", "off")
                            .setServerConfig("synchronous_commit", "off")
                            .setServerConfig("full_page_writes", "off")
                            .setServerConfig("max_connections", "200")
                            // passwords are checked for every role but the superuser, so that tests of
                            // wrong credentials mean something on the embedded server too
                            .setDataDirectoryCustomizer(dir -> writeHba(dir.toPath()))
                            .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    pg.close();
                } catch (IOException ignored) {
                    // the JVM is going away
                }
            }));
            return new Server("an embedded PostgreSQL (io.zonky.test)", "localhost", pg.getPort(), "postgres",
                    "postgres", "", pg);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL for integration tests", e);
        }
    }

    private static void writeHba(java.nio.file.Path dataDir) {
        try {
            java.nio.file.Files.writeString(dataDir.resolve("pg_hba.conf"), String.join("\n",
                    "local all all trust",
                    "host all postgres 127.0.0.1/32 trust",
                    "host all postgres ::1/128 trust",
                    "host all all 127.0.0.1/32 scram-sha-256",
                    "host all all ::1/128 scram-sha-256", ""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String firstNonBlank(String a, String b) {
        if (a != null && !a.isBlank()) {
            return a;
        }
        return b != null && !b.isBlank() ? b : null;
    }

    /** Isolated so that the Testcontainers classes are only touched when Docker is there. */
    private static final class ContainerServer {
        static Server start() {
            var c = new org.testcontainers.postgresql.PostgreSQLContainer("postgres:15-alpine");
            c.start();
            Runtime.getRuntime().addShutdownHook(new Thread(c::stop));
            return new Server("a Testcontainers PostgreSQL 15", c.getHost(), c.getMappedPort(5432),
                    c.getDatabaseName(), c.getUsername(), c.getPassword(), c::stop);
        }
    }
}
