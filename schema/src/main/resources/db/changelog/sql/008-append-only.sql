--liquibase formatted sql

-- Append-only enforcement with the contract's function and trigger names. Deviations (docs/schema.md):
-- the table name is passed as a trigger argument because under TimescaleDB TG_TABLE_NAME is the
-- chunk's name; a BEFORE TRUNCATE statement trigger per table closes the TRUNCATE hole (TRUNCATE
-- never fires row triggers). portfolio_hourly_state, risk_hourly_state and position_hourly_state
-- stay updatable.

--changeset tradingcore:008-fn-enforce-append-only splitStatements:false
CREATE OR REPLACE FUNCTION fn_enforce_append_only()
RETURNS TRIGGER
LANGUAGE plpgsql
AS $$
BEGIN
    RAISE EXCEPTION
    'append-only violation on table %, operation % is not allowed',
    COALESCE(TG_ARGV[0], TG_TABLE_NAME), TG_OP;
END;
$$;

--changeset tradingcore:008-append-only-triggers
CREATE TRIGGER trg_market_ohlcv_hourly_append_only
BEFORE UPDATE OR DELETE ON market_ohlcv_hourly
FOR EACH ROW EXECUTE FUNCTION fn_enforce_append_only('market_ohlcv_hourly');

CREATE TRIGGER trg_market_ohlcv_hourly_append_only_truncate
BEFORE TRUNCATE ON market_ohlcv_hourly
FOR EACH STATEMENT EXECUTE FUNCTION fn_enforce_append_only('market_ohlcv_hourly');

CREATE TRIGGER trg_order_book_snapshot_append_only
BEFORE UPDATE OR DELETE ON order_book_snapshot
FOR EACH ROW EXECUTE FUNCTION fn_enforce_append_only('order_book_snapshot');

CREATE TRIGGER trg_order_book_snapshot_append_only_truncate
BEFORE TRUNCATE ON order_book_snapshot
FOR EACH STATEMENT EXECUTE FUNCTION fn_enforce_append_only('order_book_snapshot');

CREATE TRIGGER trg_feature_snapshot_append_only
BEFORE UPDATE OR DELETE ON feature_snapshot
FOR EACH ROW EXECUTE FUNCTION fn_enforce_append_only('feature_snapshot');

CREATE TRIGGER trg_feature_snapshot_append_only_truncate
BEFORE TRUNCATE ON feature_snapshot
FOR EACH STATEMENT EXECUTE FUNCTION fn_enforce_append_only('feature_snapshot');

CREATE TRIGGER trg_regime_output_append_only
BEFORE UPDATE OR DELETE ON regime_output
FOR EACH ROW EXECUTE FUNCTION fn_enforce_append_only('regime_output');

CREATE TRIGGER trg_regime_output_append_only_truncate
BEFORE TRUNCATE ON regime_output
FOR EACH STATEMENT EXECUTE FUNCTION fn_enforce_append_only('regime_output');

CREATE TRIGGER trg_model_prediction_append_only
BEFORE UPDATE OR DELETE ON model_prediction
FOR EACH ROW EXECUTE FUNCTION fn_enforce_append_only('model_prediction');

CREATE TRIGGER trg_model_prediction_append_only_truncate
BEFORE TRUNCATE ON model_prediction
FOR EACH STATEMENT EXECUTE FUNCTION fn_enforce_append_only('model_prediction');

CREATE TRIGGER trg_meta_learner_component_append_only
BEFORE UPDATE OR DELETE ON meta_learner_component
FOR EACH ROW EXECUTE FUNCTION fn_enforce_append_only('meta_learner_component');

CREATE TRIGGER trg_meta_learner_component_append_only_truncate
BEFORE TRUNCATE ON meta_learner_component
FOR EACH STATEMENT EXECUTE FUNCTION fn_enforce_append_only('meta_learner_component');

CREATE TRIGGER trg_trade_signal_append_only
BEFORE UPDATE OR DELETE ON trade_signal
FOR EACH ROW EXECUTE FUNCTION fn_enforce_append_only('trade_signal');

CREATE TRIGGER trg_trade_signal_append_only_truncate
BEFORE TRUNCATE ON trade_signal
FOR EACH STATEMENT EXECUTE FUNCTION fn_enforce_append_only('trade_signal');

CREATE TRIGGER trg_order_fill_append_only
BEFORE UPDATE OR DELETE ON order_fill
FOR EACH ROW EXECUTE FUNCTION fn_enforce_append_only('order_fill');

CREATE TRIGGER trg_order_fill_append_only_truncate
BEFORE TRUNCATE ON order_fill
FOR EACH STATEMENT EXECUTE FUNCTION fn_enforce_append_only('order_fill');

CREATE TRIGGER trg_executed_trade_append_only
BEFORE UPDATE OR DELETE ON executed_trade
FOR EACH ROW EXECUTE FUNCTION fn_enforce_append_only('executed_trade');

CREATE TRIGGER trg_executed_trade_append_only_truncate
BEFORE TRUNCATE ON executed_trade
FOR EACH STATEMENT EXECUTE FUNCTION fn_enforce_append_only('executed_trade');

CREATE TRIGGER trg_cash_ledger_append_only
BEFORE UPDATE OR DELETE ON cash_ledger
FOR EACH ROW EXECUTE FUNCTION fn_enforce_append_only('cash_ledger');

CREATE TRIGGER trg_cash_ledger_append_only_truncate
BEFORE TRUNCATE ON cash_ledger
FOR EACH STATEMENT EXECUTE FUNCTION fn_enforce_append_only('cash_ledger');

CREATE TRIGGER trg_risk_event_append_only
BEFORE UPDATE OR DELETE ON risk_event
FOR EACH ROW EXECUTE FUNCTION fn_enforce_append_only('risk_event');

CREATE TRIGGER trg_risk_event_append_only_truncate
BEFORE TRUNCATE ON risk_event
FOR EACH STATEMENT EXECUTE FUNCTION fn_enforce_append_only('risk_event');

CREATE TRIGGER trg_backtest_fold_result_append_only
BEFORE UPDATE OR DELETE ON backtest_fold_result
FOR EACH ROW EXECUTE FUNCTION fn_enforce_append_only('backtest_fold_result');

CREATE TRIGGER trg_backtest_fold_result_append_only_truncate
BEFORE TRUNCATE ON backtest_fold_result
FOR EACH STATEMENT EXECUTE FUNCTION fn_enforce_append_only('backtest_fold_result');
