package io.tradingcore.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SchemaInfoTest {

    @Test
    void masterChangelogIsOnTheClasspathWhereSchemaInfoSays() throws IOException {
        try (InputStream in = SchemaInfo.class.getClassLoader().getResourceAsStream(SchemaInfo.CHANGELOG)) {
            assertThat(in).isNotNull();
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).contains("sql/009-timescaledb.sql");
        }
    }

    @Test
    void listsTheContractsNineHypertablesAndTwelveAppendOnlyTables() {
        assertThat(SchemaInfo.HYPERTABLES).hasSize(9).doesNotHaveDuplicates()
                .contains("order_book_snapshot", "risk_hourly_state");
        assertThat(SchemaInfo.APPEND_ONLY_TABLES).hasSize(12).doesNotHaveDuplicates()
                .doesNotContain("position_hourly_state", "portfolio_hourly_state", "risk_hourly_state");
    }
}
