package io.tradingcore.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RunContextIT extends SchemaTestSupport {

    private static final String OTHER_RUN = "00000000-0000-0000-0000-0000000000a2";

    private static Row nextHourRun() {
        return Fixture.runContext().with("run_id", OTHER_RUN).with("hour_ts_utc", "2026-01-01T07:00:00Z")
                .with("cycle_seq", 1);
    }

    @Test
    void storesOneRunPerAccountModeAndHour() throws SQLException {
        insert(nextHourRun(), Fixture.runContext().with("run_id", "00000000-0000-0000-0000-0000000000a3")
                .with("run_mode", "PAPER").with("backtest_run_id", null));
        assertThat(queryString("SELECT count(*) FROM run_context")).isEqualTo("3");
    }

    @Test
    void refusesASecondRunForTheSameAccountModeAndHour() throws SQLException {
        assertThat(rejected(Fixture.runContext().with("run_id", OTHER_RUN)))
                .contains("uq_run_context_account_mode_hour");
    }

    @Test
    void refusesAReusedRunId() throws SQLException {
        assertThat(rejected(nextHourRun().with("run_id", Fixture.RUN))).contains("pk_run_context");
    }

    @Test
    void backtestRunsNeedABacktestIdAndPaperOrLiveRunsMustNotHaveOne() throws SQLException {
        assertThat(rejected(nextHourRun().with("backtest_run_id", null))).contains("ck_run_context_backtest_link");
        assertThat(rejected(nextHourRun().with("run_mode", "PAPER"))).contains("ck_run_context_backtest_link");
        assertThat(rejected(nextHourRun().with("run_mode", "LIVE"))).contains("ck_run_context_backtest_link");
        insert(nextHourRun().with("run_mode", "LIVE").with("backtest_run_id", null));
    }

    @Test
    void refusesNegativeCycleSeqUnknownStatusAndCompletionBeforeStart() throws SQLException {
        assertThat(rejected(nextHourRun().with("cycle_seq", -1))).contains("ck_run_context_cycle_seq_pos");
        assertThat(rejected(nextHourRun().with("status", "DONE"))).contains("ck_run_context_status");
        assertThat(rejected(nextHourRun().with("started_at_utc", "2026-01-01T07:00:05Z")
                .with("completed_at_utc", "2026-01-01T07:00:04Z"))).contains("ck_run_context_completed_after_started");
        insert(nextHourRun().with("started_at_utc", "2026-01-01T07:00:05Z")
                .with("completed_at_utc", "2026-01-01T07:00:06Z").with("status", "COMPLETED"));
    }

    @Test
    void refusesAnUnknownAccount() throws SQLException {
        assertThat(rejected(nextHourRun().with("account_id", 9))).contains("fk_run_context_account");
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTC", "Asia/Kolkata", "America/St_Johns"})
    void hourAlignmentIsJudgedInUtcWhateverTheSessionTimeZone(String zone) throws SQLException {
        exec("SET LOCAL TIME ZONE '" + zone + "'");
        insert(nextHourRun());
        assertThat(queryString("SELECT to_char(hour_ts_utc AT TIME ZONE 'UTC', 'HH24:MI') FROM run_context"
                + " WHERE run_id = '" + OTHER_RUN + "'")).isEqualTo("07:00");
        assertThat(rejected(nextHourRun().with("run_id", "00000000-0000-0000-0000-0000000000a4")
                .with("hour_ts_utc", "2026-01-01T08:30:00Z"))).contains("ck_run_context_hour_aligned");
    }

    @Test
    void decisionRowsMustMatchTheirRunsModeAndHour() throws SQLException {
        insert(Fixture.tradeSignal());
        assertThat(rejected(Fixture.tradeSignal().with("signal_id", "00000000-0000-0000-0000-0000000000d2")
                .with("horizon", "H4").with("run_mode", "PAPER"))).contains("fk_trade_signal_run_context");
        assertThat(rejected(Fixture.tradeSignal().with("signal_id", "00000000-0000-0000-0000-0000000000d2")
                .with("horizon", "H4").with("hour_ts_utc", "2026-01-01T07:00:00Z")))
                .contains("fk_trade_signal_run_context");
        assertThat(rejected(Fixture.riskState("0", "NORMAL", false).with("hour_ts_utc", "2026-01-01T07:00:00Z")))
                .contains("fk_risk_hourly_state_run_context");
        assertThat(rejected(Fixture.featureSnapshot().with("run_id", OTHER_RUN)))
                .contains("fk_feature_snapshot_run_context");
    }

    @Test
    void runStatusMayBeCompletedLater() throws SQLException {
        exec("UPDATE run_context SET status = 'COMPLETED', completed_at_utc = started_at_utc WHERE run_id = '"
                + Fixture.RUN + "'");
        assertThat(queryString("SELECT status FROM run_context WHERE run_id = '" + Fixture.RUN + "'"))
                .isEqualTo("COMPLETED");
    }
}
