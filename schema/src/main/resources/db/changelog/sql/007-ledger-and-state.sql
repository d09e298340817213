--liquibase formatted sql

-- Cash ledger, hourly state (future hypertables, updatable), risk events and backtest fold results.

--changeset tradingcore:007-cash-ledger
-- Per-account chain: entry_seq 1, 2, 3, ... and balance_after = previous balance_after + amount
-- (trg_cash_ledger_chain), so the latest balance_after always equals the sum of all amounts.
-- Deposits and withdrawals may happen outside an hourly cycle: the run key is all-or-nothing.
CREATE TABLE cash_ledger (
    account_id SMALLINT NOT NULL,
    entry_seq BIGINT NOT NULL,
    entry_type TEXT NOT NULL,
    amount NUMERIC(38,18) NOT NULL,
    balance_after NUMERIC(38,18) NOT NULL,
    run_id UUID,
    run_mode run_mode_enum,
    hour_ts_utc TIMESTAMPTZ,
    trade_id UUID,
    entry_ts_utc TIMESTAMPTZ NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    created_at_utc TIMESTAMPTZ NOT NULL DEFAULT now(),

    CONSTRAINT pk_cash_ledger PRIMARY KEY (account_id, entry_seq),
    CONSTRAINT ck_cash_ledger_seq_positive CHECK (entry_seq >= 1),
    CONSTRAINT ck_cash_ledger_entry_type CHECK (entry_type IN ('DEPOSIT', 'WITHDRAWAL', 'BUY', 'SELL', 'FEE')),
    CONSTRAINT ck_cash_ledger_amount_sign CHECK (
        (entry_type IN ('DEPOSIT', 'SELL') AND amount > 0)
        OR (entry_type IN ('WITHDRAWAL', 'BUY', 'FEE') AND amount < 0)
    ),
    CONSTRAINT ck_cash_ledger_balance_nonneg CHECK (balance_after >= 0),
    CONSTRAINT ck_cash_ledger_run_key_complete CHECK (
        (run_id IS NULL AND run_mode IS NULL AND hour_ts_utc IS NULL)
        OR (run_id IS NOT NULL AND run_mode IS NOT NULL AND hour_ts_utc IS NOT NULL)
    ),
    CONSTRAINT ck_cash_ledger_trade_link CHECK ((entry_type IN ('BUY', 'SELL', 'FEE')) = (trade_id IS NOT NULL)),
    CONSTRAINT fk_cash_ledger_account
        FOREIGN KEY (account_id) REFERENCES account (account_id) ON UPDATE RESTRICT ON DELETE RESTRICT,
    CONSTRAINT fk_cash_ledger_run_context
        FOREIGN KEY (run_id, run_mode, hour_ts_utc) REFERENCES run_context (run_id, run_mode, hour_ts_utc)
        ON UPDATE RESTRICT ON DELETE RESTRICT,
    CONSTRAINT fk_cash_ledger_trade
        FOREIGN KEY (trade_id) REFERENCES executed_trade (trade_id) ON UPDATE RESTRICT ON DELETE RESTRICT
);

CREATE INDEX ix_cash_ledger_trade ON cash_ledger (trade_id) WHERE trade_id IS NOT NULL;

--changeset tradingcore:007-cash-ledger-chain splitStatements:false
-- Locks the account row so that concurrent appends to one account's chain are serialised.
CREATE FUNCTION fn_cash_ledger_chain()
RETURNS TRIGGER
LANGUAGE plpgsql
AS $$
DECLARE
    v_prev_seq BIGINT;
    v_prev_balance NUMERIC(38,18);
BEGIN
    PERFORM 1 FROM account WHERE account_id = NEW.account_id FOR NO KEY UPDATE;
    IF NOT FOUND THEN
        RETURN NEW; -- fk_cash_ledger_account reports the missing account
    END IF;
    SELECT entry_seq, balance_after INTO v_prev_seq, v_prev_balance
    FROM cash_ledger WHERE account_id = NEW.account_id
    ORDER BY entry_seq DESC LIMIT 1;
    IF NEW.entry_seq <> COALESCE(v_prev_seq, 0) + 1 THEN
        RAISE EXCEPTION 'cash_ledger entry_seq % for account % breaks the chain: expected % (trg_cash_ledger_chain)',
            NEW.entry_seq, NEW.account_id, COALESCE(v_prev_seq, 0) + 1
            USING ERRCODE = 'check_violation', CONSTRAINT = 'trg_cash_ledger_chain';
    END IF;
    IF NEW.balance_after <> COALESCE(v_prev_balance, 0) + NEW.amount THEN
        RAISE EXCEPTION 'cash_ledger balance_after % for account % entry % breaks the chain: expected % + % = % (trg_cash_ledger_chain)',
            NEW.balance_after, NEW.account_id, NEW.entry_seq, COALESCE(v_prev_balance, 0), NEW.amount,
            COALESCE(v_prev_balance, 0) + NEW.amount
            USING ERRCODE = 'check_violation', CONSTRAINT = 'trg_cash_ledger_chain';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER trg_cash_ledger_chain
BEFORE INSERT ON cash_ledger
FOR EACH ROW EXECUTE FUNCTION fn_cash_ledger_chain();

--changeset tradingcore:007-position-hourly-state
-- Long-only spot: quantity >= 0. Updatable (not append-only) by contract.
CREATE TABLE position_hourly_state (
    run_id UUID NOT NULL,
    run_mode run_mode_enum NOT NULL,
    hour_ts_utc TIMESTAMPTZ NOT NULL,
    asset_id SMALLINT NOT NULL,
    quantity NUMERIC(38,18) NOT NULL,
    avg_cost NUMERIC(38,18) NOT NULL,
    mark_price NUMERIC(38,18) NOT NULL,
    market_value NUMERIC(38,18) NOT NULL,
    realized_pnl NUMERIC(38,18) NOT NULL,
    unrealized_pnl NUMERIC(38,18) NOT NULL,
    updated_at_utc TIMESTAMPTZ NOT NULL DEFAULT now(),

    CONSTRAINT pk_position_hourly_state PRIMARY KEY (run_id, asset_id, hour_ts_utc),
    CONSTRAINT ck_position_hourly_state_long_only CHECK (quantity >= 0),
    CONSTRAINT ck_position_hourly_state_avg_cost_nonneg CHECK (avg_cost >= 0),
    CONSTRAINT ck_position_hourly_state_mark_price_positive CHECK (mark_price > 0),
    CONSTRAINT ck_position_hourly_state_market_value_nonneg CHECK (market_value >= 0),
    CONSTRAINT ck_position_hourly_state_flat_is_empty
        CHECK (quantity > 0 OR (market_value = 0 AND unrealized_pnl = 0)),
    CONSTRAINT fk_position_hourly_state_run_context
        FOREIGN KEY (run_id, run_mode, hour_ts_utc) REFERENCES run_context (run_id, run_mode, hour_ts_utc)
        ON UPDATE RESTRICT ON DELETE RESTRICT,
    CONSTRAINT fk_position_hourly_state_asset
        FOREIGN KEY (asset_id) REFERENCES asset (asset_id) ON UPDATE RESTRICT ON DELETE RESTRICT
);

--changeset tradingcore:007-portfolio-hourly-state
CREATE TABLE portfolio_hourly_state (
    run_id UUID NOT NULL,
    run_mode run_mode_enum NOT NULL,
    hour_ts_utc TIMESTAMPTZ NOT NULL,
    cash NUMERIC(38,18) NOT NULL,
    positions_value NUMERIC(38,18) NOT NULL,
    equity NUMERIC(38,18) NOT NULL,
    peak_equity NUMERIC(38,18) NOT NULL,
    drawdown_pct NUMERIC(38,18) NOT NULL,
    realized_pnl NUMERIC(38,18) NOT NULL,
    unrealized_pnl NUMERIC(38,18) NOT NULL,
    updated_at_utc TIMESTAMPTZ NOT NULL DEFAULT now(),

    CONSTRAINT pk_portfolio_hourly_state PRIMARY KEY (run_id, hour_ts_utc),
    CONSTRAINT ck_portfolio_hourly_state_cash_nonneg CHECK (cash >= 0),
    CONSTRAINT ck_portfolio_hourly_state_positions_value_nonneg CHECK (positions_value >= 0),
    CONSTRAINT ck_portfolio_hourly_state_equity_sum CHECK (equity = cash + positions_value),
    CONSTRAINT ck_portfolio_hourly_state_peak_ge_equity CHECK (peak_equity >= equity),
    CONSTRAINT ck_portfolio_hourly_state_drawdown_range CHECK (drawdown_pct >= 0 AND drawdown_pct <= 1),
    CONSTRAINT fk_portfolio_hourly_state_run_context
        FOREIGN KEY (run_id, run_mode, hour_ts_utc) REFERENCES run_context (run_id, run_mode, hour_ts_utc)
        ON UPDATE RESTRICT ON DELETE RESTRICT
);

--changeset tradingcore:007-risk-hourly-state
-- Tiers: NORMAL [0, 0.10), DD10 [0.10, 0.15), DD15 [0.15, 0.20); HALT20 at >= 0.20 and, once
-- halted, at any drawdown until the halt is lifted (a new row in a later hour).
CREATE TABLE risk_hourly_state (
    run_id UUID NOT NULL,
    run_mode run_mode_enum NOT NULL,
    hour_ts_utc TIMESTAMPTZ NOT NULL,
    drawdown_pct NUMERIC(38,18) NOT NULL,
    drawdown_tier drawdown_tier_enum NOT NULL,
    trading_halted BOOLEAN NOT NULL,
    halt_reason TEXT,
    updated_at_utc TIMESTAMPTZ NOT NULL DEFAULT now(),

    CONSTRAINT pk_risk_hourly_state PRIMARY KEY (run_id, hour_ts_utc),
    CONSTRAINT ck_risk_hourly_state_drawdown_range CHECK (drawdown_pct >= 0 AND drawdown_pct <= 1),
    CONSTRAINT ck_risk_hourly_state_dd20_halt
        CHECK (drawdown_pct < 0.20 OR (drawdown_tier = 'HALT20' AND trading_halted)),
    CONSTRAINT ck_risk_hourly_state_halt20_halted CHECK (drawdown_tier <> 'HALT20' OR trading_halted),
    CONSTRAINT ck_risk_hourly_state_tier_matches_drawdown CHECK (
        (drawdown_tier = 'NORMAL' AND drawdown_pct < 0.10)
        OR (drawdown_tier = 'DD10' AND drawdown_pct >= 0.10 AND drawdown_pct < 0.15)
        OR (drawdown_tier = 'DD15' AND drawdown_pct >= 0.15 AND drawdown_pct < 0.20)
        OR drawdown_tier = 'HALT20'
    ),
    CONSTRAINT fk_risk_hourly_state_run_context
        FOREIGN KEY (run_id, run_mode, hour_ts_utc) REFERENCES run_context (run_id, run_mode, hour_ts_utc)
        ON UPDATE RESTRICT ON DELETE RESTRICT
);

--changeset tradingcore:007-risk-event
CREATE TABLE risk_event (
    risk_event_id UUID NOT NULL,
    run_id UUID NOT NULL,
    run_mode run_mode_enum NOT NULL,
    hour_ts_utc TIMESTAMPTZ NOT NULL,
    event_type TEXT NOT NULL,
    from_tier drawdown_tier_enum,
    to_tier drawdown_tier_enum,
    asset_id SMALLINT,
    signal_id UUID,
    order_id UUID,
    reason TEXT NOT NULL,
    details JSONB NOT NULL DEFAULT '{}'::jsonb,
    created_at_utc TIMESTAMPTZ NOT NULL DEFAULT now(),

    CONSTRAINT pk_risk_event PRIMARY KEY (risk_event_id),
    CONSTRAINT ck_risk_event_type_format CHECK (event_type ~ '^[A-Z][A-Z0-9_]{0,63}$'),
    CONSTRAINT ck_risk_event_tiers_paired CHECK ((from_tier IS NULL) = (to_tier IS NULL)),
    CONSTRAINT ck_risk_event_reason_not_blank CHECK (btrim(reason) <> ''),
    CONSTRAINT ck_risk_event_details_object CHECK (jsonb_typeof(details) = 'object'),
    CONSTRAINT fk_risk_event_run_context
        FOREIGN KEY (run_id, run_mode, hour_ts_utc) REFERENCES run_context (run_id, run_mode, hour_ts_utc)
        ON UPDATE RESTRICT ON DELETE RESTRICT,
    CONSTRAINT fk_risk_event_asset
        FOREIGN KEY (asset_id) REFERENCES asset (asset_id) ON UPDATE RESTRICT ON DELETE RESTRICT,
    CONSTRAINT fk_risk_event_signal
        FOREIGN KEY (signal_id) REFERENCES trade_signal (signal_id) ON UPDATE RESTRICT ON DELETE RESTRICT,
    CONSTRAINT fk_risk_event_order
        FOREIGN KEY (order_id) REFERENCES order_request (order_id) ON UPDATE RESTRICT ON DELETE RESTRICT
);

CREATE INDEX ix_risk_event_run ON risk_event (run_id);

--changeset tradingcore:007-backtest-fold-result
-- Walk-forward results per (backtest run, fold, model role, horizon). Purge: a gap of purge_hours
-- between the end of training and the start of the test window; embargo: hours after the test
-- window excluded from later training folds (recorded, used by the splitter).
CREATE TABLE backtest_fold_result (
    fold_result_id UUID NOT NULL,
    backtest_run_id UUID NOT NULL,
    fold_index INTEGER NOT NULL,
    model_role model_role_enum NOT NULL,
    horizon horizon_enum,
    model_version_id UUID,
    train_start_ts_utc TIMESTAMPTZ NOT NULL,
    train_end_ts_utc TIMESTAMPTZ NOT NULL,
    test_start_ts_utc TIMESTAMPTZ NOT NULL,
    test_end_ts_utc TIMESTAMPTZ NOT NULL,
    purge_hours INTEGER NOT NULL,
    embargo_hours INTEGER NOT NULL,
    sample_count INTEGER NOT NULL,
    accuracy NUMERIC(38,18),
    roc_auc NUMERIC(38,18),
    log_loss NUMERIC(38,18),
    brier_score NUMERIC(38,18),
    metrics JSONB NOT NULL DEFAULT '{}'::jsonb,
    created_at_utc TIMESTAMPTZ NOT NULL DEFAULT now(),

    CONSTRAINT pk_backtest_fold_result PRIMARY KEY (fold_result_id),
    CONSTRAINT uq_backtest_fold_result_run_fold_model
        UNIQUE NULLS NOT DISTINCT (backtest_run_id, fold_index, model_role, horizon),
    CONSTRAINT ck_backtest_fold_result_fold_index_nonneg CHECK (fold_index >= 0),
    CONSTRAINT ck_backtest_fold_result_horizon_by_role CHECK (model_role = 'REGIME' OR horizon IS NOT NULL),
    CONSTRAINT ck_backtest_fold_result_train_window CHECK (train_start_ts_utc < train_end_ts_utc),
    CONSTRAINT ck_backtest_fold_result_test_window CHECK (test_start_ts_utc < test_end_ts_utc),
    CONSTRAINT ck_backtest_fold_result_purge_embargo_nonneg CHECK (purge_hours >= 0 AND embargo_hours >= 0),
    CONSTRAINT ck_backtest_fold_result_purged_gap
        CHECK (train_end_ts_utc + purge_hours * INTERVAL '1 hour' <= test_start_ts_utc),
    CONSTRAINT ck_backtest_fold_result_sample_count_nonneg CHECK (sample_count >= 0),
    CONSTRAINT ck_backtest_fold_result_metric_ranges CHECK (
        (accuracy IS NULL OR accuracy BETWEEN 0 AND 1)
        AND (roc_auc IS NULL OR roc_auc BETWEEN 0 AND 1)
        AND (brier_score IS NULL OR brier_score BETWEEN 0 AND 1)
        AND (log_loss IS NULL OR log_loss >= 0)
    ),
    CONSTRAINT ck_backtest_fold_result_metrics_object CHECK (jsonb_typeof(metrics) = 'object'),
    CONSTRAINT fk_backtest_fold_result_model_version
        FOREIGN KEY (model_version_id) REFERENCES model_version (model_version_id)
        ON UPDATE RESTRICT ON DELETE RESTRICT
);
