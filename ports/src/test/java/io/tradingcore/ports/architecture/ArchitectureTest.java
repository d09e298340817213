package io.tradingcore.ports.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Module boundaries and determinism rules, enforced by the build. */
class ArchitectureTest {
    private static final String DOMAIN = "io.tradingcore.domain..";
    private static final String PORTS = "io.tradingcore.ports..";
    private static JavaClasses production;

    @BeforeAll
    static void importClasses() {
        // the two modules' class directories (fast; scanning every jar on the test classpath is not)
        Path module = Paths.get(System.getProperty("user.dir"));
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPaths(module.resolve("target/classes"), module.getParent().resolve("core-domain/target/classes"));
        assertThat(java.util.stream.StreamSupport.stream(production.spliterator(), false)
                .filter(c -> c.getPackageName().startsWith("io.tradingcore.domain")).count())
                .as("core-domain classes imported").isGreaterThan(30);
        assertThat(java.util.stream.StreamSupport.stream(production.spliterator(), false)
                .anyMatch(c -> c.getName().equals("io.tradingcore.ports.service.HourlyCycleService")))
                .as("ports classes imported").isTrue();
    }

    @Test
    void coreDomainDependsOnlyOnTheJdkAndItself() {
        classes().that().resideInAPackage(DOMAIN)
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", DOMAIN, "")
                .check(production);
    }

    @Test
    void domainAndPortsNeverTouchPersistenceMlExchangeLibrariesOrAdapters() {
        noClasses().that().resideInAnyPackage(DOMAIN, PORTS)
                .should().dependOnClassesThat().resideInAnyPackage("org.jooq..", "java.sql..", "javax.sql..", "org.tribuo..",
                        "org.knowm..", "io.tradingcore.adapter..", "com.zaxxer..", "org.postgresql..", "org.liquibase..")
                .check(production);
    }

    @Test
    void portsDependOnlyOnTheJdkTheDomainAndThemselves() {
        classes().that().resideInAPackage(PORTS)
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", DOMAIN, PORTS, "")
                .check(production);
    }

    @Test
    void domainAndCycleNeverReadTheWallClockOrDrawUnseededRandomness() {
        noClasses().that().resideInAnyPackage(DOMAIN, PORTS)
                .should().callMethod(Instant.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(System.class, "nanoTime")
                .orShould().callMethod(UUID.class, "randomUUID")
                .orShould().callMethod(Math.class, "random")
                .orShould().callConstructor(Random.class)
                .orShould().callConstructor(SecureRandom.class)
                .orShould().callMethod(LocalDateTime.class, "now")
                .orShould().callMethod(LocalDate.class, "now")
                .orShould().callMethod(OffsetDateTime.class, "now")
                .orShould().callMethod(ZonedDateTime.class, "now")
                .orShould().callMethod(Clock.class, "systemUTC")
                .orShould().callMethod(Clock.class, "systemDefaultZone")
                .check(production);
    }

    @Test
    void domainDoesNotDependOnThePorts() {
        noClasses().that().resideInAPackage(DOMAIN).should().dependOnClassesThat().resideInAPackage(PORTS).check(production);
    }

    /** Adapter modules are siblings: none may declare a dependency on another (checked on their poms). */
    @Test
    void noAdapterModuleDependsOnAnotherAdapter() throws IOException {
        Path root = Paths.get(System.getProperty("user.dir")).getParent();
        List<Path> adapterPoms;
        try (Stream<Path> s = Files.list(root)) {
            adapterPoms = s.filter(d -> d.getFileName().toString().startsWith("adapter-")).map(d -> d.resolve("pom.xml"))
                    .filter(Files::exists).sorted().toList();
        }
        assertThat(adapterPoms).as("adapter module poms found under " + root).isNotEmpty();
        Pattern dep = Pattern.compile("<dependency>.*?<artifactId>\\s*(adapter-[a-z-]+)\\s*</artifactId>.*?</dependency>", Pattern.DOTALL);
        for (Path pom : adapterPoms) {
            String xml = Files.readString(pom).replaceAll("(?s)<!--.*?-->", "");
            Matcher m = dep.matcher(xml);
            while (m.find()) {
                assertThat(m.group(1)).as(pom + " depends on another adapter").isEqualTo(pom.getParent().getFileName().toString());
            }
        }
    }
}
