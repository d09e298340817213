--liquibase formatted sql

-- The definition of a walk-forward backtest, so that `replay` can recompute it from what is stored:
-- its account (run_context allows one BACKTEST cycle per account and hour, so every backtest trades
-- its own account), assets, test window, seed, canonical configuration and the code that ran it.
-- Only status and completed_at_utc change after insert (trg_backtest_run_immutable).

--changeset tradingcore:011-backtest-run
CREATE TABLE backtest_run (
    backtest_run_id UUID NOT NULL,
    account_id SMALLINT NOT NULL,
    asset_symbols TEXT[] NOT NULL,
    test_start_ts_utc TIMESTAMPTZ NOT NULL,
    test_end_ts_utc TIMESTAMPTZ NOT NULL,
    random_seed INTEGER NOT NULL,
    initial_capital NUMERIC(38,18) NOT NULL,
    config_canonical JSONB NOT NULL,
    config_hash CHAR(64) NOT NULL,
    code_version_sha CHAR(40) NOT NULL,
    status TEXT NOT NULL DEFAULT 'RUNNING',
    created_at_utc TIMESTAMPTZ NOT NULL DEFAULT now(),
    completed_at_utc TIMESTAMPTZ,

    CONSTRAINT pk_backtest_run PRIMARY KEY (backtest_run_id),
    CONSTRAINT uq_backtest_run_account UNIQUE (account_id),
    CONSTRAINT fk_backtest_run_account FOREIGN KEY (account_id) REFERENCES account (account_id)
        ON UPDATE RESTRICT ON DELETE RESTRICT,
    CONSTRAINT ck_backtest_run_window CHECK (test_start_ts_utc < test_end_ts_utc),
    CONSTRAINT ck_backtest_run_hour_aligned CHECK (
        date_trunc('hour', test_start_ts_utc AT TIME ZONE 'UTC') = (test_start_ts_utc AT TIME ZONE 'UTC')
        AND date_trunc('hour', test_end_ts_utc AT TIME ZONE 'UTC') = (test_end_ts_utc AT TIME ZONE 'UTC')),
    CONSTRAINT ck_backtest_run_assets_nonempty CHECK (cardinality(asset_symbols) > 0),
    CONSTRAINT ck_backtest_run_capital_positive CHECK (initial_capital > 0),
    CONSTRAINT ck_backtest_run_config_hash_hex CHECK (config_hash ~ '^[0-9a-f]{64}$'),
    CONSTRAINT ck_backtest_run_code_version_hex CHECK (code_version_sha ~ '^[0-9a-f]{40}$'),
    CONSTRAINT ck_backtest_run_status CHECK (status IN ('RUNNING', 'COMPLETED', 'FAILED')),
    CONSTRAINT ck_backtest_run_completed_after_created
        CHECK (completed_at_utc IS NULL OR completed_at_utc >= created_at_utc)
);

--changeset tradingcore:011-backtest-run-immutable splitStatements:false
CREATE OR REPLACE FUNCTION fn_backtest_run_immutable()
RETURNS TRIGGER
LANGUAGE plpgsql
AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'append-only violation on table backtest_run, operation DELETE is not allowed';
    END IF;
    IF (NEW.backtest_run_id, NEW.account_id, NEW.asset_symbols, NEW.test_start_ts_utc, NEW.test_end_ts_utc,
        NEW.random_seed, NEW.initial_capital, NEW.config_canonical, NEW.config_hash, NEW.code_version_sha,
        NEW.created_at_utc)
       IS DISTINCT FROM
       (OLD.backtest_run_id, OLD.account_id, OLD.asset_symbols, OLD.test_start_ts_utc, OLD.test_end_ts_utc,
        OLD.random_seed, OLD.initial_capital, OLD.config_canonical, OLD.config_hash, OLD.code_version_sha,
        OLD.created_at_utc) THEN
        RAISE EXCEPTION 'backtest_run % is immutable except status and completed_at_utc', OLD.backtest_run_id;
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER trg_backtest_run_immutable
BEFORE UPDATE OR DELETE ON backtest_run
FOR EACH ROW EXECUTE FUNCTION fn_backtest_run_immutable();
