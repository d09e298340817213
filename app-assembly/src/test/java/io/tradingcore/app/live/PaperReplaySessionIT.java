package io.tradingcore.app.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradingcore.app.ExitCodes;
import io.tradingcore.application.live.StopSignal;
import java.sql.SQLException;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A paper replay session on real candles: refused without active models (exit 2, no account left), then with
 * {@code --train-if-missing} it trains once and runs every hour in PAPER mode with its state persisted, and the same
 * command again does nothing twice.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PaperReplaySessionIT extends SessionsFixture {

    PaperReplaySessionIT() {
        super("paper_replay_session", false);
    }

    private String firstRunOut;

    @Test
    @Order(1)
    void withoutActiveModelsItRefusesWithExitCode2AndSaysWhatToDo() throws SQLException {
        Run r = paper(StopSignal.manual(), "--assets", "BTC/USDT", "--market-data", "replay", "--replay-from", REPLAY_FROM,
                "--hours", "2");
        assertThat(r.code()).as(r.all()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("no active models: run a backtest first or pass --train-if-missing");
        // issue 17, item 9: the refused session registered its account before
        try (var c = ds.getConnection(); var st = c.createStatement();
             var rs = st.executeQuery("SELECT count(*) FROM account WHERE account_name LIKE 'paper-%'")) {
            rs.next();
            assertThat(rs.getInt(1)).as("no account left by the refused session").isZero();
        }
    }

    @Test
    @Order(2)
    void replayTrainsOnceThenRunsEveryHourInPaperModeWithItsStatePersisted() throws SQLException {
        Run r = paper(StopSignal.manual(), "--assets", "BTC/USDT", "--market-data", "replay", "--replay-from", REPLAY_FROM,
                "--hours", Integer.toString(HOURS), "--train-if-missing", "--seed", "7");
        firstRunOut = r.out();
        assertThat(r.code()).as(r.all()).isZero();
        assertThat(r.out()).contains("trained on").contains("paper: " + HOURS + " hour(s): " + HOURS + " run, 0 already done");
        short account = accountId(REPLAY_ACCOUNT);
        assertThat(count("SELECT count(*) FROM run_context WHERE account_id = " + account
                + " AND run_mode = 'PAPER' AND status = 'COMPLETED' AND backtest_run_id IS NULL")).isEqualTo(HOURS);
        assertThat(count("SELECT count(DISTINCT hour_ts_utc) FROM run_context WHERE account_id = " + account
                + " AND hour_ts_utc >= '2025-03-01T00:00:00Z' AND hour_ts_utc < '2025-03-01T08:00:00Z'")).isEqualTo(HOURS);
        assertThat(count("SELECT count(*) FROM portfolio_hourly_state s JOIN run_context r ON r.run_id = s.run_id"
                + " WHERE r.account_id = " + account + " AND s.run_mode = 'PAPER'"))
                .isEqualTo(HOURS);
        assertThat(count("SELECT count(*) FROM trade_signal WHERE run_mode = 'PAPER'")).isEqualTo(HOURS);
        assertThat(count("SELECT count(*) FROM cash_ledger WHERE account_id = " + account + " AND entry_type = 'DEPOSIT'"
                + " AND amount = 100000")).isOne();
        assertThat(count("SELECT count(*) FROM model_version WHERE is_active")).isGreaterThanOrEqualTo(10);
        assertThat(count("SELECT count(*) FROM order_fill")).isEqualTo(count("SELECT count(*) FROM executed_trade"));
    }

    @Test
    @Order(3)
    void aSecondRunOverTheSameHoursDoesNothingTwice() throws SQLException {
        int orders = count("SELECT count(*) FROM order_request");
        int ledger = count("SELECT count(*) FROM cash_ledger");
        int versions = count("SELECT count(*) FROM model_version");
        Run r = paper(StopSignal.manual(), "--assets", "BTC/USDT", "--market-data", "replay", "--replay-from", REPLAY_FROM,
                "--hours", Integer.toString(HOURS), "--train-if-missing", "--seed", "7");
        assertThat(r.code()).as(r.all()).isZero();
        assertThat(r.out()).contains("active registry models").doesNotContain("trained on")
                .contains("paper: " + HOURS + " hour(s): 0 run, " + HOURS + " already done");
        assertThat(count("SELECT count(*) FROM run_context WHERE run_mode = 'PAPER'")).isEqualTo(HOURS);
        assertThat(count("SELECT count(*) FROM order_request")).isEqualTo(orders);
        assertThat(count("SELECT count(*) FROM cash_ledger")).isEqualTo(ledger);
        assertThat(count("SELECT count(*) FROM model_version")).isEqualTo(versions);
        assertThat(firstRunOut).isNotNull();
    }
}
