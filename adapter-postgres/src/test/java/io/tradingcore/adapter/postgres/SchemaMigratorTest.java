package io.tradingcore.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** A library must not change its host's JVM: loading and constructing the migrator sets nothing global. */
class SchemaMigratorTest {

    @Test
    void loadingTheMigratorSetsNoSystemPropertyAndNoLogLevel() throws Exception {
        Map<String, String> before = liquibaseProperties();
        Class.forName(SchemaMigrator.class.getName(), true, SchemaMigratorTest.class.getClassLoader());
        new SchemaMigrator(new org.postgresql.ds.PGSimpleDataSource());

        assertThat(liquibaseProperties()).as("liquibase.* system properties").isEqualTo(before);
        assertThat(Logger.getLogger("liquibase").getLevel()).as("java.util.logging level of 'liquibase'").isNull();
    }

    @Test
    void theQuietSettingsArePassedPerCall() {
        assertThat(SchemaMigrator.quietSettings()).containsEntry("liquibase.analytics.enabled", "false")
                .containsEntry("liquibase.showBanner", "false").containsKeys("logService", "ui");
    }

    private static Map<String, String> liquibaseProperties() {
        Map<String, String> m = new TreeMap<>();
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("liquibase."))
                .forEach(k -> m.put(k, System.getProperty(k)));
        return m;
    }
}
