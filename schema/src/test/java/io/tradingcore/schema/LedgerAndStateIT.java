package io.tradingcore.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LedgerAndStateIT extends SchemaTestSupport {

    private void tradeChain() throws SQLException {
        insert(Fixture.tradeSignal(), Fixture.orderRequest(), Fixture.orderFill(), Fixture.executedTrade());
    }

    private static Row entry(long seq, String type, String amount, String balanceAfter) {
        return Fixture.deposit(seq, amount, balanceAfter).with("entry_type", type);
    }

    @Test
    void storesAChainWhoseLastBalanceIsTheSumOfAllEntries() throws SQLException {
        tradeChain();
        insert(Fixture.deposit(1, "1000", "1000"),
                entry(2, "BUY", "-400", "600").with("trade_id", Fixture.TRADE).with("run_id", Fixture.RUN)
                        .with("run_mode", "BACKTEST").with("hour_ts_utc", Fixture.HOUR),
                entry(3, "FEE", "-0.4", "599.6").with("trade_id", Fixture.TRADE),
                entry(4, "WITHDRAWAL", "-599.6", "0"));
        assertThat(queryString("SELECT (SELECT sum(amount) FROM cash_ledger) = (SELECT balance_after FROM cash_ledger"
                + " ORDER BY entry_seq DESC LIMIT 1)")).isEqualTo("t");
    }

    @Test
    void refusesABalanceThatDoesNotFollowFromThePreviousOne() throws SQLException {
        insert(Fixture.deposit(1, "1000", "1000"));
        assertThat(rejected(Fixture.deposit(2, "10", "1010.000000000000000001")))
                .contains("trg_cash_ledger_chain", "expected 1000.000000000000000000 + 10.000000000000000000");
        assertThat(rejected(Fixture.deposit(2, "-10", "990").with("entry_type", "WITHDRAWAL").with("amount", "-10.5")))
                .contains("trg_cash_ledger_chain", "= 989.500000000000000000");
    }

    @Test
    void refusesTheFirstEntryWithAnOpeningBalanceFromNowhere() throws SQLException {
        assertThat(rejected(Fixture.deposit(1, "10", "20"))).contains("trg_cash_ledger_chain", "expected 0 + 10");
    }

    @Test
    void refusesGapsAndDuplicatesInTheSequence() throws SQLException {
        insert(Fixture.deposit(1, "1000", "1000"));
        assertThat(rejected(Fixture.deposit(3, "10", "1010"))).contains("trg_cash_ledger_chain", "expected 2");
        assertThat(rejected(Fixture.deposit(0, "10", "1010"))).contains("trg_cash_ledger_chain", "expected 2");
        // a sequence number already taken is refused by the key (a re-sent entry, see below)
        assertThat(rejected(Fixture.deposit(1, "10", "1010"))).contains("pk_cash_ledger");
    }

    @Test
    void aReSentEntryIsSkippedOrRefusedByTheKey() throws SQLException {
        insert(Fixture.deposit(1, "1000", "1000"), Fixture.deposit(2, "10", "1010"));
        assertThat(Fixture.deposit(1, "1000", "1000").insertOnConflictDoNothing(c)).isZero();
        assertThat(rejected(Fixture.deposit(1, "1000", "1000"))).contains("pk_cash_ledger");
        assertThat(queryString("SELECT count(*) FROM cash_ledger")).isEqualTo("2");
    }

    @Test
    void refusesANegativeBalance() throws SQLException {
        insert(Fixture.deposit(1, "100", "100"));
        assertThat(rejected(entry(2, "WITHDRAWAL", "-100.000000000000000001", "-0.000000000000000001")))
                .contains("ck_cash_ledger_balance_nonneg");
    }

    @Test
    void ledgerRowChecks() throws SQLException {
        // the chain trigger runs before the row checks, so each row below continues the chain correctly
        assertThat(rejected(entry(1, "DEPOSIT", "-1", "-1"))).contains("ck_cash_ledger_amount_sign");
        assertThat(rejected(entry(1, "BUY", "1", "1").with("trade_id", Fixture.TRADE))).contains("ck_cash_ledger_amount_sign");
        assertThat(rejected(entry(1, "INTEREST", "1", "1"))).contains("ck_cash_ledger_amount_sign");
        // amount_sign admits no unknown type either; dropped in this transaction only to prove entry_type
        exec("ALTER TABLE cash_ledger DROP CONSTRAINT ck_cash_ledger_amount_sign");
        assertThat(rejected(entry(1, "INTEREST", "1", "1"))).contains("ck_cash_ledger_entry_type");
        assertThat(rejected(entry(1, "SELL", "1", "1"))).contains("ck_cash_ledger_trade_link");
        assertThat(rejected(Fixture.deposit(1, "1", "1").with("run_id", Fixture.RUN)))
                .contains("ck_cash_ledger_run_key_complete");
    }

    @Test
    void numericExtremesRoundTripInTheLedger() throws SQLException {
        insert(Fixture.deposit(1, Fixture.MAX_NUMERIC, Fixture.MAX_NUMERIC));
        insert(entry(2, "WITHDRAWAL", "-" + Fixture.MAX_NUMERIC, "0"));
        insert(Fixture.deposit(3, Fixture.MIN_NUMERIC, Fixture.MIN_NUMERIC));
        assertThat(queryString("SELECT string_agg(balance_after::text, ' ' ORDER BY entry_seq) FROM cash_ledger"))
                .isEqualTo(Fixture.MAX_NUMERIC + " 0.000000000000000000 " + Fixture.MIN_NUMERIC);
        // a balance one unit above the maximum cannot be stored
        assertThat(rejected(Fixture.deposit(4, Fixture.MAX_NUMERIC, "100000000000000000000")))
                .contains("numeric field overflow");
    }

    @Test
    void storesAndUpdatesHourlyStates() throws SQLException {
        insert(Fixture.positionState(), Fixture.portfolioState(), Fixture.riskState(Fixture.PORTFOLIO_DRAWDOWN, "NORMAL", false));
        exec("UPDATE position_hourly_state SET quantity = 0, market_value = 0, unrealized_pnl = 0, realized_pnl = 20");
        exec("UPDATE portfolio_hourly_state SET cash = 10000, positions_value = 0, drawdown_pct = 0.12");
        exec("UPDATE risk_hourly_state SET drawdown_pct = 0.12, drawdown_tier = 'DD10'");
        assertThat(queryString("SELECT drawdown_tier FROM risk_hourly_state")).isEqualTo("DD10");
    }

    @Test
    void refusesAShortPosition() throws SQLException {
        assertThat(rejected(Fixture.positionState().with("quantity", "-0.000000000000000001").with("market_value", "0")
                .with("unrealized_pnl", "0")))
                .contains("ck_position_hourly_state_long_only");
        assertThat(rejected(Fixture.positionState().with("quantity", "0"))).contains("ck_position_hourly_state_flat_is_empty");
        assertThat(rejected(Fixture.positionState().with("mark_price", "0")))
                .contains("ck_position_hourly_state_mark_price_positive");
    }

    @Test
    void portfolioChecks() throws SQLException {
        assertThat(rejected(Fixture.portfolioState().with("cash", "-1").with("equity", "999")))
                .contains("ck_portfolio_hourly_state_cash_nonneg");
        assertThat(rejected(Fixture.portfolioState().with("equity", "10000.000000000000000001").with("peak_equity", "20000")))
                .contains("ck_portfolio_hourly_state_equity_sum");
        assertThat(rejected(Fixture.portfolioState().with("peak_equity", "9999.999999999999999999")))
                .contains("ck_portfolio_hourly_state_peak_ge_equity");
        assertThat(rejected(Fixture.portfolioState().with("drawdown_pct", "1.000000000000000001")))
                .contains("ck_portfolio_hourly_state_drawdown_range");
    }

    @ParameterizedTest(name = "drawdown {0} as {1}, halted {2}")
    @CsvSource({"0.20,HALT20,true", "0.35,HALT20,true", "1,HALT20,true", "0.199999999999999999,DD15,false",
            "0.15,DD15,false", "0.10,DD10,false", "0.099999999999999999,NORMAL,false", "0.05,HALT20,true",
            "0.05,NORMAL,true"})
    void storesDrawdownTiersConsistentWithTheDrawdown(String drawdown, String tier, boolean halted) throws SQLException {
        insert(Fixture.riskState(drawdown, tier, halted));
    }

    @ParameterizedTest(name = "drawdown {0} as {1}, halted {2}")
    @CsvSource({"0.20,DD15,true", "0.20,HALT20,false", "0.25,NORMAL,false", "0.20,DD15,false"})
    void refusesADrawdownOfTwentyPercentUnlessHaltedAtHalt20(String drawdown, String tier, boolean halted)
            throws SQLException {
        assertThat(rejected(Fixture.riskState(drawdown, tier, halted))).contains("ck_risk_hourly_state_dd20_halt");
    }

    @Test
    void refusesUpdatingARiskStateIntoABreachOfTheHaltRule() throws SQLException {
        insert(Fixture.riskState("0.16", "DD15", false));
        assertThat(rejectedSql("UPDATE risk_hourly_state SET drawdown_pct = 0.21")).contains("ck_risk_hourly_state_dd20_halt");
        exec("UPDATE risk_hourly_state SET drawdown_pct = 0.21, drawdown_tier = 'HALT20', trading_halted = TRUE");
    }

    @ParameterizedTest(name = "drawdown {0} as {1}")
    @CsvSource({"0.10,NORMAL", "0.05,DD10", "0.15,DD10", "0.14,DD15", "0.19,NORMAL"})
    void refusesATierThatDoesNotMatchTheDrawdown(String drawdown, String tier) throws SQLException {
        assertThat(rejected(Fixture.riskState(drawdown, tier, false))).contains("ck_risk_hourly_state_tier_matches_drawdown");
    }

    @Test
    void halt20AlwaysMeansHalted() throws SQLException {
        assertThat(rejected(Fixture.riskState("0.05", "HALT20", false))).contains("ck_risk_hourly_state_halt20_halted");
    }

    @Test
    void storesRiskEventsAndChecksThem() throws SQLException {
        insert(Fixture.riskEvent());
        assertThat(rejected(Fixture.riskEvent().with("risk_event_id", "00000000-0000-0000-0000-000000000022")
                .with("to_tier", null))).contains("ck_risk_event_tiers_paired");
        assertThat(rejected(Fixture.riskEvent().with("risk_event_id", "00000000-0000-0000-0000-000000000022")
                .with("event_type", "tier change"))).contains("ck_risk_event_type_format");
        assertThat(rejected(Fixture.riskEvent().with("risk_event_id", "00000000-0000-0000-0000-000000000022")
                .with("details", "[]"))).contains("ck_risk_event_details_object");
    }

    @Test
    void storesFoldResultsAndChecksWindowsAndPurge() throws SQLException {
        insert(Fixture.foldResult(), Fixture.foldResult().with("fold_result_id", "00000000-0000-0000-0000-000000000032")
                .with("model_role", "REGIME").with("horizon", null).with("model_version_id", Fixture.MV_REGIME));
        Row other = Fixture.foldResult().with("fold_result_id", "00000000-0000-0000-0000-000000000033");
        assertThat(rejected(other.copy())).contains("uq_backtest_fold_result_run_fold_model");
        assertThat(rejected(other.copy().with("model_role", "REGIME").with("horizon", null)))
                .contains("uq_backtest_fold_result_run_fold_model");
        other.with("fold_index", 1);
        assertThat(rejected(other.copy().with("purge_hours", 25))).contains("ck_backtest_fold_result_purged_gap");
        assertThat(rejected(other.copy().with("test_end_ts_utc", "2025-06-02T00:00:00Z")))
                .contains("ck_backtest_fold_result_test_window");
        assertThat(rejected(other.copy().with("fold_index", -1))).contains("ck_backtest_fold_result_fold_index_nonneg");
        assertThat(rejected(other.copy().with("accuracy", "1.1"))).contains("ck_backtest_fold_result_metric_ranges");
        assertThat(rejected(other.copy().with("horizon", null))).contains("ck_backtest_fold_result_horizon_by_role");
        insert(other);
    }
}
