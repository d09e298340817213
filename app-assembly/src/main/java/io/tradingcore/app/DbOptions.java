package io.tradingcore.app;

import com.zaxxer.hikari.HikariDataSource;
import io.tradingcore.adapter.postgres.Databases;
import io.tradingcore.adapter.postgres.Databases.DbTarget;
import io.tradingcore.embedded.EmbeddedPostgresServer;
import io.tradingcore.ports.out.StoreUnavailableException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Database selection shared by every command: --db-url, else TRADING_DB_URL, else the embedded default. */
public final class DbOptions {

    @Option(names = "--db-url", paramLabel = "JDBC_URL",
            description = "PostgreSQL JDBC URL (user/password may be URL parameters or TRADING_DB_USER/"
                    + "TRADING_DB_PASSWORD). Default: $TRADING_DB_URL, else an embedded PostgreSQL.")
    String dbUrl;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Data directory of the embedded PostgreSQL (default: $TRADING_DATA_DIR, else ~/.trading-core/pgdata).")
    Path dataDir;

    @Option(names = {"-v", "--verbose"}, description = "Print stack traces of failures.")
    boolean verbose;

    /** An open database: pool plus, for the embedded default, the server to stop afterwards. */
    public record OpenDatabase(HikariDataSource dataSource, EmbeddedPostgresServer embedded, DbTarget target)
            implements AutoCloseable {
        @Override
        public void close() {
            dataSource.close();
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    DbTarget explicitTarget() {
        String url = dbUrl != null ? dbUrl : System.getenv("TRADING_DB_URL");
        if (url == null || url.isBlank()) {
            return null;
        }
        return new DbTarget(url.trim(), System.getenv("TRADING_DB_USER"), System.getenv("TRADING_DB_PASSWORD"),
                redact(url.trim()));
    }

    Path embeddedDataDir() {
        if (dataDir != null) {
            return dataDir;
        }
        String env = System.getenv("TRADING_DATA_DIR");
        if (env != null && !env.isBlank()) {
            return Path.of(env, "pgdata");
        }
        return Path.of(System.getProperty("user.home"), ".trading-core", "pgdata");
    }

    /** Opens the selected database, checks that it answers, and says on stderr which one it is. */
    public OpenDatabase open(int poolSize) {
        DbTarget target = explicitTarget();
        EmbeddedPostgresServer embedded = null;
        if (target == null) {
            embedded = EmbeddedPostgresServer.start(embeddedDataDir());
            target = new DbTarget(embedded.jdbcUrl(), embedded.user(), embedded.password(), embedded.description());
        }
        System.err.println("database: " + target.description());
        HikariDataSource ds = Databases.pool(target, poolSize);
        try {
            Databases.checkReachable(ds);
        } catch (StoreUnavailableException e) {
            ds.close();
            if (embedded != null) {
                embedded.close();
            }
            throw new CliException(ExitCodes.DATABASE_UNREACHABLE,
                    "cannot connect to " + target.description() + ": " + e.getMessage(), e);
        }
        return new OpenDatabase(ds, embedded, target);
    }

    static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&]*", "$1***");
    }
}
