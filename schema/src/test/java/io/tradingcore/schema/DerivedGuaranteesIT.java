package io.tradingcore.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, item 6: guarantees that rest on stored facts, not on what the writer declares
 * (changeSet 013-derived-guarantees). Each test was accepted by the schema before 013.
 */
class DerivedGuaranteesIT extends SchemaTestSupport {

    private static final String SELL = "00000000-0000-0000-0000-0000000000e9";
    private static final String OTHER_BACKTEST = "00000000-0000-0000-0000-0000000000b2";

    @BeforeEach
    void signal() throws SQLException {
        insert(Fixture.tradeSignal());
    }

    private static Row sell(String qty) {
        return Fixture.orderRequest().with("order_id", SELL).with("client_order_id", "c-sell").with("side", "SELL")
                .with("requested_qty", qty).with("pre_order_position_qty", qty).with("pre_order_cash_available", "0");
    }

    private static Row backtestRun(String id, String account) {
        return Row.of("backtest_run").with("backtest_run_id", id).with("account_id", account)
                .with("asset_symbols", "{BTC/USDT}").with("test_start_ts_utc", "2026-01-01T00:00:00Z")
                .with("test_end_ts_utc", "2026-01-02T00:00:00Z").with("random_seed", 42).with("initial_capital", "10000")
                .with("config_canonical", "{}").with("config_hash", "d".repeat(64)).with("code_version_sha", "c".repeat(40));
    }

    @Test
    void refusesASellOfAPositionTheStoredFillsDoNotHold() throws SQLException {
        // the repro: 1000 BTC sold by an account that never held BTC, declaring a position of 1000
        assertThat(rejected(sell("1000"))).contains("trg_order_request_sell_within_filled_position", "hold 0");
        insert(Fixture.orderRequest(), Fixture.orderFill()); // BUY 10, 4 filled (fee in USDT)
        assertThat(rejected(sell("4.000000000000000001"))).contains("trg_order_request_sell_within_filled_position");
        insert(sell("4"));
        assertThat(queryString("SELECT count(*) FROM order_request WHERE side = 'SELL'")).isEqualTo("1");
    }

    @Test
    void aFeeChargedInTheBaseAssetReducesWhatASellMayClose() throws SQLException {
        insert(Fixture.orderRequest(), Fixture.orderFill().with("fee", "0.004").with("fee_asset", "BTC"));
        assertThat(rejected(sell("4"))).contains("trg_order_request_sell_within_filled_position", "hold 3.996");
        insert(sell("3.996"));
    }

    @Test
    void aResentSellIsLeftToItsKeyEvenAfterThePositionWasSold() throws SQLException {
        insert(Fixture.orderRequest(), Fixture.orderFill(), sell("4"));
        insert(Row.of("order_fill").with("fill_id", "00000000-0000-0000-0000-0000000000f9").with("order_id", SELL)
                .with("exchange_trade_id", "t-9").with("run_id", Fixture.RUN).with("run_mode", "BACKTEST")
                .with("hour_ts_utc", Fixture.HOUR).with("fill_ts_utc", "2026-01-01T06:00:02Z").with("fill_qty", "4")
                .with("fill_price", "100").with("fee", "0.4").with("fee_asset", "USDT").with("liquidity", "TAKER"));
        assertThat(sell("4").insertOnConflictDoNothing(c)).isZero();
        assertThat(rejected(sell("4").with("order_id", "00000000-0000-0000-0000-0000000000ea")
                .with("client_order_id", "c-sell-2"))).contains("hold 0");
    }

    @Test
    void riskAndPortfolioOfOneHourMustAgree() throws SQLException {
        insert(Fixture.portfolioState().with("drawdown_pct", "0.3"));
        assertThat(rejected(Fixture.riskState("0", "NORMAL", false))).contains("trg_risk_portfolio_agree");
        insert(Fixture.riskState("0.3", "HALT20", true));
        assertThat(rejectedSql("UPDATE risk_hourly_state SET drawdown_pct = 0, drawdown_tier = 'NORMAL', trading_halted = false"))
                .contains("trg_risk_portfolio_agree");
    }

    // changeSet 015: before it, this UPDATE of the portfolio row alone was accepted
    @Test
    void aPortfolioRowOfACompletedHourCannotBeUpdatedAloneToDisagreeWithItsRiskRow() throws SQLException {
        insert(Fixture.portfolioState().with("drawdown_pct", "0.3"), Fixture.riskState("0.3", "HALT20", true));
        exec("UPDATE run_context SET status = 'COMPLETED', completed_at_utc = started_at_utc WHERE run_id = '" + Fixture.RUN + "'");
        assertThat(rejectedSql("UPDATE portfolio_hourly_state SET drawdown_pct = 0")).contains("trg_risk_portfolio_agree");
        exec("UPDATE portfolio_hourly_state SET drawdown_pct = 0.3"); // an identical rewrite stays possible
        assertThat(queryString("SELECT drawdown_pct FROM portfolio_hourly_state")).startsWith("0.3");
    }

    @Test
    void aResumedHourMayRewriteItsPortfolioRowBeforeItsRiskRow() throws SQLException {
        insert(Fixture.portfolioState().with("drawdown_pct", "0.3"), Fixture.riskState("0.3", "HALT20", true));
        exec("UPDATE portfolio_hourly_state SET drawdown_pct = 0.12"); // run STARTED: the risk row written next is checked
        exec("UPDATE risk_hourly_state SET drawdown_pct = 0.12, drawdown_tier = 'DD10', trading_halted = false, halt_reason = NULL");
        assertThat(queryString("SELECT drawdown_tier FROM risk_hourly_state")).isEqualTo("DD10");
    }

    @Test
    void aPortfolioRowMustAgreeWithTheRiskRowWrittenBeforeIt() throws SQLException {
        insert(Fixture.riskState("0", "NORMAL", false));
        assertThat(rejected(Fixture.portfolioState().with("drawdown_pct", "0.3"))).contains("trg_risk_portfolio_agree");
    }

    @Test
    void aCompletedRunContextIsFrozen() throws SQLException {
        String where = " WHERE run_id = '" + Fixture.RUN + "'";
        exec("UPDATE run_context SET status = 'COMPLETED', completed_at_utc = started_at_utc" + where);
        assertThat(rejectedSql("UPDATE run_context SET data_snapshot_hash = '" + "f".repeat(64) + "'" + where))
                .contains("trg_run_context_frozen_when_completed");
        assertThat(rejectedSql("UPDATE run_context SET config_hash = '" + "f".repeat(64) + "'" + where))
                .contains("trg_run_context_frozen_when_completed");
        assertThat(rejectedSql("UPDATE run_context SET status = 'STARTED', completed_at_utc = NULL" + where))
                .contains("trg_run_context_frozen_when_completed");
        assertThat(rejectedSql("DELETE FROM run_context" + where)).contains("cannot be deleted");
    }

    @Test
    void aStartedRunContextMayStillFinish() throws SQLException {
        exec("UPDATE run_context SET status = 'FAILED' WHERE run_id = '" + Fixture.RUN + "'");
        exec("UPDATE run_context SET status = 'STARTED' WHERE run_id = '" + Fixture.RUN + "'");
        assertThat(queryString("SELECT status FROM run_context")).isEqualTo("STARTED");
    }

    @Test
    void truncateIsRefusedWhereDeleteIs() throws SQLException {
        insert(backtestRun(Fixture.BACKTEST, Fixture.ACCOUNT));
        assertThat(rejectedSql("TRUNCATE backtest_run")).contains("append-only violation on table backtest_run", "TRUNCATE");
        assertThat(rejectedSql("TRUNCATE run_context CASCADE")).contains("append-only violation on table ", "TRUNCATE");
        assertThat(rejectedSql("TRUNCATE account CASCADE")).contains("append-only violation on table ", "TRUNCATE");
        assertThat(rejectedSql("TRUNCATE asset CASCADE")).contains("append-only violation on table ", "TRUNCATE");
    }

    @Test
    void anAssetWithCandlesCannotBeRenamed() throws SQLException {
        insert(Fixture.ohlcv());
        assertThat(rejectedSql("UPDATE asset SET symbol = 'XBT/USDT', base_asset = 'XBT' WHERE asset_id = " + Fixture.BTC))
                .contains("trg_asset_identity_frozen_when_used");
        exec("UPDATE asset SET symbol = 'SOL/USDT', base_asset = 'SOL' WHERE asset_id = " + Fixture.ETH); // unused yet
        assertThat(queryString("SELECT symbol FROM asset WHERE asset_id = " + Fixture.ETH)).isEqualTo("SOL/USDT");
    }

    @Test
    void aBacktestHourMustBelongToTheBacktestThatOwnsTheAccount() throws SQLException {
        insert(backtestRun(Fixture.BACKTEST, Fixture.ACCOUNT),
                Row.of("account").with("account_id", "2").with("account_name", "backtest-other").with("cash_currency", "USDT"),
                backtestRun(OTHER_BACKTEST, "2"));
        // another backtest writing into account 1 (the victim case)
        assertThat(rejected(Fixture.runContext().with("run_id", "00000000-0000-0000-0000-0000000000a2")
                .with("hour_ts_utc", "2026-01-01T07:00:00Z").with("backtest_run_id", OTHER_BACKTEST)))
                .contains("trg_run_context_backtest_account");
        // a PAPER hour on a backtest's account
        assertThat(rejected(Fixture.runContext().with("run_id", "00000000-0000-0000-0000-0000000000a3")
                .with("run_mode", "PAPER").with("backtest_run_id", null)))
                .contains("trg_run_context_backtest_account", "belongs to backtest");
        // the owner's own next hour is fine
        insert(Fixture.runContext().with("run_id", "00000000-0000-0000-0000-0000000000a4")
                .with("hour_ts_utc", "2026-01-01T07:00:00Z"));
    }

    @Test
    void aBacktestCannotTakeAnAccountThatCarriesOtherHours() throws SQLException {
        assertThat(rejected(backtestRun(OTHER_BACKTEST, Fixture.ACCOUNT))).contains("trg_backtest_run_account_unused");
    }
}
