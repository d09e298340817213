package io.tradingcore.app;

import io.tradingcore.adapter.postgres.SchemaMigrator;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code migrate}: brings an empty or older database to the current schema. */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = "Apply the schema's Liquibase changelogs; a current database is left as it is (exit 0).")
final class MigrateCommand implements Callable<Integer> {

    @Mixin
    DbOptions db;

    @Override
    public Integer call() {
        try (DbOptions.OpenDatabase open = db.open(2)) {
            SchemaMigrator.MigrationReport report = new SchemaMigrator(open.dataSource()).migrate();
            System.out.println("server: PostgreSQL " + report.serverVersion());
            if (report.upToDateAlready()) {
                System.out.println("schema is up to date: nothing applied");
            } else {
                System.out.println("applied " + report.applied().size() + " changeSet(s):");
                report.applied().forEach(id -> System.out.println("  + " + id));
                report.skippedByPrecondition().forEach(id -> System.out.println("  - " + id + " (skipped: precondition not met)"));
            }
            System.out.println(report.timescaleEnabled()
                    ? "TimescaleDB: enabled, hypertables in place"
                    : "TimescaleDB: not available on this server; plain PostgreSQL tables (every guarantee still enforced)");
            return ExitCodes.OK;
        }
    }
}
