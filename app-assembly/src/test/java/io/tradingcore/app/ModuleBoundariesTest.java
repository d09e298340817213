package io.tradingcore.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The hexagon's boundaries over the whole assembled classpath: adapters never depend on each other nor on the
 * application module, nothing below app-assembly depends on it, and the application module (the library a host
 * service embeds) stays free of the CLI, of a logging backend and of raw SQL; the CLI runs no raw SQL either.
 * (core-domain and ports have their own, stricter rules.)
 */
class ModuleBoundariesTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar")) // test-jars (benchmarks, fixtures) are test code
                .importPackages("io.tradingcore");
    }

    @Test
    void postgresAdapterDependsOnNoOtherAdapter() {
        noClasses().that().resideInAPackage("io.tradingcore.adapter.postgres..")
                .should().dependOnClassesThat().resideInAnyPackage("io.tradingcore.adapter.exchange..",
                        "io.tradingcore.adapter.ml..")
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void exchangeAdapterDependsOnNoOtherAdapter() {
        noClasses().that().resideInAPackage("io.tradingcore.adapter.exchange..")
                .should().dependOnClassesThat().resideInAnyPackage("io.tradingcore.adapter.postgres..",
                        "io.tradingcore.adapter.ml..")
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void mlAdapterDependsOnNoOtherAdapter() {
        noClasses().that().resideInAPackage("io.tradingcore.adapter.ml..")
                .should().dependOnClassesThat().resideInAnyPackage("io.tradingcore.adapter.postgres..",
                        "io.tradingcore.adapter.exchange..")
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void onlyTheAssemblyDependsOnTheAssembly() {
        noClasses().that().resideOutsideOfPackage("io.tradingcore.app..")
                .should().dependOnClassesThat().resideInAPackage("io.tradingcore.app..")
                .check(classes);
    }

    @Test
    void adaptersDoNotDependOnTheApplication() {
        noClasses().that().resideInAPackage("io.tradingcore.adapter..")
                .should().dependOnClassesThat().resideInAPackage("io.tradingcore.application..")
                .check(classes);
    }

    @Test
    void applicationStaysFreeOfTheCliAndOfALoggingBackend() {
        noClasses().that().resideInAPackage("io.tradingcore.application..")
                .should().dependOnClassesThat().resideInAnyPackage("picocli..", "ch.qos.logback..", "me.tongfei..",
                        "io.tradingcore.app..")
                .check(classes);
    }

    @Test
    void applicationRunsNoRawSql() {
        noClasses().that().resideInAPackage("io.tradingcore.application..")
                .should().dependOnClassesThat().resideInAPackage("java.sql..")
                .check(classes);
    }

    /** The CLI wires and prints: connection checks and scratch databases are adapter-postgres's (Databases, ScratchDatabase). */
    @Test
    void cliRunsNoRawSql() {
        noClasses().that().resideInAPackage("io.tradingcore.app..")
                .should().dependOnClassesThat().resideInAPackage("java.sql..")
                .check(classes);
    }

    @Test
    void domainAndPortsStayFreeOfVendorLibraries() {
        noClasses().that().resideInAnyPackage("io.tradingcore.domain..", "io.tradingcore.ports..")
                .should().dependOnClassesThat().resideInAnyPackage("org.jooq..", "java.sql..", "javax.sql..",
                        "org.tribuo..", "org.knowm..", "com.zaxxer..", "liquibase..", "picocli..",
                        "io.tradingcore.adapter..", "io.tradingcore.app..",
                        "io.tradingcore.application..")
                .allowEmptyShould(true).check(classes);
    }
}
