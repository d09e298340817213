package io.tradingcore.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What only exists where TimescaleDB is installed (CI's second pass on Debian PostgreSQL 15 with the
 * shared build, see .ci/run): a run's rows land in 30-day chunks, the append-only trigger fires on
 * a chunk with the hypertable's name, and TRUNCATE of a hypertable is refused (TRUNCATE of a chunk by its
 * internal name is not: TimescaleDB copies row triggers to chunks, not statement triggers; docs/schema.md).
 * On plain PostgreSQL (the embedded server, Cloud SQL) the whole class is skipped with a printed reason.
 */
class TimescaleHypertableIT extends SchemaTestSupport {

    private static final String LATER_RUN = "00000000-0000-0000-0000-0000000000a2";
    private static final String LATER_HOUR = "2026-02-15T06:00:00Z";

    private String skipReason;

    @BeforeAll
    void detectTimescaleDb() throws SQLException {
        if (SchemaInfo.hypertables(c).isEmpty()) {
            skipReason = "skipped: the test server (" + queryString("SELECT version()") + ") has no timescaledb"
                    + " extension, so the schema has no hypertables; these tests run in CI's second pass"
                    + " (Debian PostgreSQL 15 with ../shared/timescaledb installed, see .ci/run)";
            System.out.println("[" + getClass().getSimpleName() + "] " + skipReason);
        } else {
            System.out.println("[" + getClass().getSimpleName() + "] running on TimescaleDB "
                    + queryString("SELECT extversion FROM pg_extension WHERE extname = 'timescaledb'"));
        }
    }

    /** Each test is reported as skipped with the reason (not silently absent from the count). */
    @BeforeEach
    void onlyOnTimescaleDb() {
        Assumptions.assumeTrue(skipReason == null, () -> skipReason);
    }

    @Test
    void rowsOfTwoRunsFortyFiveDaysApartLandInTwoThirtyDayChunks() throws SQLException {
        assertThat(chunks("portfolio_hourly_state")).isEmpty();
        insert(Fixture.portfolioState(),
                Fixture.runContext().with("run_id", LATER_RUN).with("hour_ts_utc", LATER_HOUR),
                Fixture.portfolioState().with("run_id", LATER_RUN).with("hour_ts_utc", LATER_HOUR));

        List<String> chunks = chunks("portfolio_hourly_state");
        assertThat(chunks).hasSize(2);
        assertThat(strings("SELECT (range_end - range_start)::text FROM timescaledb_information.chunks"
                + " WHERE hypertable_name = 'portfolio_hourly_state'")).containsOnly("30 days");
        for (String[] runAtHour : new String[][] {{Fixture.RUN, Fixture.HOUR}, {LATER_RUN, LATER_HOUR}}) {
            String chunk = queryString("SELECT chunk_schema || '.' || chunk_name FROM timescaledb_information.chunks"
                    + " WHERE hypertable_name = 'portfolio_hourly_state' AND range_start <= '" + runAtHour[1]
                    + "' AND range_end > '" + runAtHour[1] + "'");
            assertThat(queryString("SELECT string_agg(run_id::text, ',') FROM ONLY " + chunk)).isEqualTo(runAtHour[0]);
        }
        assertThat(queryString("SELECT count(*) FROM portfolio_hourly_state")).isEqualTo("2");
    }

    @Test
    void updateAndDeleteOnAChunkAreRefusedNamingTheHypertable() throws SQLException {
        insert(Fixture.ohlcv(), Fixture.featureSnapshot());
        String chunk = chunks("feature_snapshot").get(0);
        assertThat(chunk).doesNotContain("feature_snapshot");

        assertThat(rejectedSql("UPDATE " + chunk + " SET feature_hash = feature_hash"))
                .contains("append-only violation on table feature_snapshot, operation UPDATE is not allowed");
        assertThat(rejectedSql("DELETE FROM " + chunk))
                .contains("append-only violation on table feature_snapshot, operation DELETE is not allowed");
        assertThat(rejectedSql("DELETE FROM feature_snapshot"))
                .contains("append-only violation on table feature_snapshot, operation DELETE is not allowed");
        assertThat(queryString("SELECT count(*) FROM feature_snapshot")).isEqualTo("1");
    }

    @Test
    void truncateOfAHypertableIsRefusedAndKeepsItsChunks() throws SQLException {
        insert(Fixture.ohlcv(), Fixture.featureSnapshot());
        List<String> before = chunks("market_ohlcv_hourly");

        assertThat(rejectedSql("TRUNCATE market_ohlcv_hourly"))
                .contains("append-only violation on table market_ohlcv_hourly, operation TRUNCATE is not allowed");
        assertThat(rejectedSql("TRUNCATE feature_snapshot CASCADE"))
                .contains("append-only violation on table ", "operation TRUNCATE is not allowed");
        assertThat(queryString("SELECT count(*) FROM market_ohlcv_hourly")).isEqualTo("1");
        assertThat(queryString("SELECT count(*) FROM feature_snapshot")).isEqualTo("1");
        assertThat(chunks("market_ohlcv_hourly")).isEqualTo(before).hasSize(1);
    }

    private List<String> chunks(String hypertable) throws SQLException {
        return strings("SELECT chunk_schema || '.' || chunk_name FROM timescaledb_information.chunks"
                + " WHERE hypertable_name = '" + hypertable + "' ORDER BY range_start");
    }

    private List<String> strings(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement(sql); ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
