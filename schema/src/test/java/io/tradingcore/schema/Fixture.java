package io.tradingcore.schema;

/**
 * Valid rows for every table, all tied to one BACKTEST run at {@link #HOUR}. Each method returns a
 * fresh {@link Row} that a test changes in exactly the column it means to break.
 */
final class Fixture {

    static final String HOUR = "2026-01-01T06:00:00Z";
    static final String ACCOUNT = "1";
    static final String BTC = "1";
    static final String ETH = "2";
    static final String RUN = "00000000-0000-0000-0000-0000000000a1";
    static final String BACKTEST = "00000000-0000-0000-0000-0000000000b1";
    static final String MV_TREE_H1 = "00000000-0000-0000-0000-0000000000c1";
    static final String MV_DEEP_H1 = "00000000-0000-0000-0000-0000000000c2";
    static final String MV_META_H1 = "00000000-0000-0000-0000-0000000000c3";
    static final String MV_REGIME = "00000000-0000-0000-0000-0000000000c4";
    static final String SIGNAL = "00000000-0000-0000-0000-0000000000d1";
    static final String ORDER = "00000000-0000-0000-0000-0000000000e1";
    static final String FILL = "00000000-0000-0000-0000-0000000000f1";
    static final String TRADE = "00000000-0000-0000-0000-000000000011";
    static final String SHA = "ab".repeat(32);
    static final String MAX_NUMERIC = "99999999999999999999.999999999999999999";
    static final String MIN_NUMERIC = "0.000000000000000001";
    /** The drawdown of {@link #portfolioState()}; the risk row of the same hour must say the same. */
    static final String PORTFOLIO_DRAWDOWN = "0.090909090909090909";

    private Fixture() {
    }

    static Row account() {
        return Row.of("account").with("account_id", ACCOUNT).with("account_name", "backtest-main")
                .with("cash_currency", "USDT");
    }

    static Row asset(String id, String base) {
        return Row.of("asset").with("asset_id", id).with("symbol", base + "/USDT").with("base_asset", base)
                .with("quote_asset", "USDT");
    }

    static Row runContext() {
        return Row.of("run_context").with("run_id", RUN).with("account_id", ACCOUNT).with("run_mode", "BACKTEST")
                .with("hour_ts_utc", HOUR).with("cycle_seq", 0).with("code_version_sha", "c".repeat(40))
                .with("config_hash", "d".repeat(64)).with("data_snapshot_hash", "e".repeat(64))
                .with("random_seed", 42).with("backtest_run_id", BACKTEST);
    }

    static Row modelVersion(String id, String name, String role, String horizon, boolean active) {
        return Row.of("model_version").with("model_version_id", id).with("model_name", name)
                .with("model_role", role).with("horizon", horizon)
                .with("train_from_utc", "2025-01-01T00:00:00Z").with("train_to_utc", "2025-12-01T00:00:00Z")
                .with("hyper_params", "{\"trees\": 50}").with("random_seed", 7)
                .with("metrics", "{\"auc\": 0.55}").with("artifact_sha256", SHA).with("is_active", active);
    }

    private static Row withRunKey(String table) {
        return Row.of(table).with("run_id", RUN).with("run_mode", "BACKTEST").with("hour_ts_utc", HOUR);
    }

    static Row ohlcv() {
        return Row.of("market_ohlcv_hourly").with("asset_id", BTC).with("hour_ts_utc", HOUR)
                .with("source_venue", "binance").with("open_price", "100").with("high_price", "110")
                .with("low_price", "90").with("close_price", "105").with("volume", "12.5")
                .with("ingest_run_id", "00000000-0000-0000-0000-000000000099");
    }

    static Row bookSnapshot() {
        return Row.of("order_book_snapshot").with("asset_id", BTC).with("snapshot_ts_utc", "2026-01-01T06:15:00Z")
                .with("hour_ts_utc", HOUR).with("best_bid_price", "100").with("best_ask_price", "100.1")
                .with("best_bid_size", "1").with("best_ask_size", "2").with("source_venue", "binance")
                .with("ingest_run_id", "00000000-0000-0000-0000-000000000099");
    }

    static Row featureSnapshot() {
        return withRunKey("feature_snapshot").with("asset_id", BTC)
                .with("window_start_ts_utc", "2025-12-31T06:00:00Z").with("window_end_ts_utc", HOUR)
                .with("feature_names", "{ret_1h,vol_24h}").with("feature_values", "{0.01,0.2}")
                .with("feature_hash", SHA);
    }

    static Row regimeOutput() {
        return withRunKey("regime_output").with("asset_id", BTC).with("model_version_id", MV_REGIME)
                .with("regime_label", "TREND_UP").with("confidence", "0.8");
    }

    static Row treePrediction() {
        return withRunKey("model_prediction").with("asset_id", BTC).with("model_role", "BASE_TREE")
                .with("horizon", "H1").with("model_version_id", MV_TREE_H1).with("probability", "0.6");
    }

    static Row metaPrediction() {
        return withRunKey("model_prediction").with("asset_id", BTC).with("model_role", "META")
                .with("horizon", "H1").with("model_version_id", MV_META_H1).with("probability", "0.55")
                .with("expected_return", "0.002");
    }

    static Row metaComponent() {
        return withRunKey("meta_learner_component").with("asset_id", BTC).with("meta_horizon", "H1")
                .with("component_name", "tree_h1").with("component_role", "BASE_TREE")
                .with("component_horizon", "H1").with("component_weight", "0.5").with("component_value", "0.6")
                .with("contribution", "0.3");
    }

    static Row tradeSignal() {
        return withRunKey("trade_signal").with("signal_id", SIGNAL).with("asset_id", BTC).with("action", "ENTER")
                .with("horizon", "H1").with("probability", "0.55").with("expected_return", "0.002")
                .with("target_notional", "1000");
    }

    /** A MARKET BUY of 10 BTC for 1000 USDT notional with 5000 USDT free. */
    static Row orderRequest() {
        return withRunKey("order_request").with("order_id", ORDER).with("client_order_id", "c-1")
                .with("signal_id", SIGNAL).with("account_id", ACCOUNT).with("asset_id", BTC).with("side", "BUY")
                .with("order_type", "MARKET").with("requested_qty", "10").with("requested_notional", "1000")
                .with("pre_order_cash_available", "5000").with("reserved_fee", "1")
                .with("pre_order_position_qty", "0");
    }

    static Row orderFill() {
        return withRunKey("order_fill").with("fill_id", FILL).with("order_id", ORDER).with("exchange_trade_id", "t-1")
                .with("fill_ts_utc", "2026-01-01T06:00:01Z").with("fill_qty", "4").with("fill_price", "100")
                .with("fee", "0.4").with("fee_asset", "USDT").with("liquidity", "TAKER");
    }

    static Row executedTrade() {
        return withRunKey("executed_trade").with("trade_id", TRADE).with("order_id", ORDER).with("fill_id", FILL)
                .with("account_id", ACCOUNT).with("asset_id", BTC).with("side", "BUY").with("quantity", "4")
                .with("price", "100").with("gross_notional", "400").with("fee_quote", "0.4")
                .with("realized_pnl", "0").with("executed_at_utc", "2026-01-01T06:00:01Z");
    }

    static Row deposit(long seq, String amount, String balanceAfter) {
        return Row.of("cash_ledger").with("account_id", ACCOUNT).with("entry_seq", seq).with("entry_type", "DEPOSIT")
                .with("amount", amount).with("balance_after", balanceAfter).with("entry_ts_utc", HOUR);
    }

    static Row positionState() {
        return withRunKey("position_hourly_state").with("asset_id", BTC).with("quantity", "4").with("avg_cost", "100")
                .with("mark_price", "105").with("market_value", "420").with("realized_pnl", "0")
                .with("unrealized_pnl", "20");
    }

    static Row portfolioState() {
        return withRunKey("portfolio_hourly_state").with("cash", "9000").with("positions_value", "1000")
                .with("equity", "10000").with("peak_equity", "11000").with("drawdown_pct", PORTFOLIO_DRAWDOWN)
                .with("realized_pnl", "0").with("unrealized_pnl", "0");
    }

    static Row riskState(String drawdown, String tier, boolean halted) {
        return withRunKey("risk_hourly_state").with("drawdown_pct", drawdown).with("drawdown_tier", tier)
                .with("trading_halted", halted);
    }

    static Row riskEvent() {
        return withRunKey("risk_event").with("risk_event_id", "00000000-0000-0000-0000-000000000021")
                .with("event_type", "DRAWDOWN_TIER_CHANGE").with("from_tier", "NORMAL").with("to_tier", "DD10")
                .with("reason", "drawdown reached 10%").with("details", "{\"drawdown_pct\": \"0.10\"}");
    }

    static Row foldResult() {
        return Row.of("backtest_fold_result").with("fold_result_id", "00000000-0000-0000-0000-000000000031")
                .with("backtest_run_id", BACKTEST).with("fold_index", 0).with("model_role", "BASE_TREE")
                .with("horizon", "H1").with("model_version_id", MV_TREE_H1)
                .with("train_start_ts_utc", "2025-01-01T00:00:00Z").with("train_end_ts_utc", "2025-06-01T00:00:00Z")
                .with("test_start_ts_utc", "2025-06-02T00:00:00Z").with("test_end_ts_utc", "2025-07-01T00:00:00Z")
                .with("purge_hours", 24).with("embargo_hours", 24).with("sample_count", 700)
                .with("accuracy", "0.53").with("metrics", "{}");
    }
}
