package io.tradingcore.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradingcore.adapter.postgres.Databases;
import io.tradingcore.testdb.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's "Using it as a library" code runs against the test PostgreSQL and its summary is the backtest's. */
class LibraryExampleIT {

    @Test
    void theReadmeExampleRunsTwoWeeksWalkForwardAndPrintsItsSummary() throws Exception {
        TestDatabases.Db db = TestDatabases.freshDatabase("library_example");
        try (var pool = Databases.pool(new Databases.DbTarget(db.url(), db.user(), db.password(), "test db"), 4)) {
            LibraryExample.Outcome o = LibraryExample.run(pool, Path.of("..", "data", "market"));
            assertThat(o.result().complete()).isTrue();
            assertThat(o.result().hoursRun()).isEqualTo(14 * 24);
            assertThat(o.result().folds()).hasSize(2);
            assertThat(o.summary()).contains("BTC/USDT").contains("Overall").contains("Walk-forward folds")
                    .contains("Time in drawdown tier");
            // running it again resumes: every hour already done, the same summary
            LibraryExample.Outcome again = LibraryExample.run(pool, Path.of("..", "data", "market"));
            assertThat(again.result().id()).isEqualTo(o.result().id());
            assertThat(again.result().hoursRun()).isZero();
            assertThat(again.summary()).isEqualTo(o.summary());
        }
    }

    @Test
    void theReadmeShowsExactlyThisCode() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        String code = Files.readString(Path.of("src", "main", "java", "io", "tradingcore", "examples", "LibraryExample.java"));
        assertThat(readme).contains("```java\n" + code + "```\n");
        assertThat(code.lines().count()).isLessThan(100);
    }
}
