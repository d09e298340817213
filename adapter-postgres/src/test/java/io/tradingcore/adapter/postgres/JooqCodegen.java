package io.tradingcore.adapter.postgres;

import io.tradingcore.testdb.TestDatabases;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.Jdbc;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Regenerates the jOOQ classes from a real PostgreSQL migrated by Liquibase, with the same
 * configuration file the jooq-codegen-maven profile uses ({@code src/jooq/codegen.xml}).
 * {@code main} writes into {@code src/main/generated} (run it after a schema change and commit the result);
 * {@link JooqCodegenIT} writes into {@code target/} and compares.
 */
public final class JooqCodegen {

    private JooqCodegen() {
    }

    public static void generate(Path moduleDir, Path targetDir) throws Exception {
        TestDatabases.Db db = TestDatabases.freshDatabase("jooq_codegen");
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(db.url());
        ds.setUser(db.user());
        ds.setPassword(db.password());
        new SchemaMigrator(ds).migrate();
        Configuration cfg;
        try (InputStream in = Files.newInputStream(moduleDir.resolve("src/jooq/codegen.xml"))) {
            cfg = GenerationTool.load(in);
        }
        cfg.setJdbc(new Jdbc().withDriver("org.postgresql.Driver").withUrl(db.url()).withUser(db.user())
                .withPassword(db.password()));
        cfg.getGenerator().getTarget().setDirectory(targetDir.toAbsolutePath().toString());
        GenerationTool.generate(cfg);
    }

    public static void main(String[] args) throws Exception {
        Path module = Path.of(args.length > 0 ? args[0] : ".");
        generate(module, module.resolve("src/main/generated"));
        System.out.println("regenerated jOOQ sources in " + module.resolve("src/main/generated").toAbsolutePath());
        System.exit(0);
    }
}
