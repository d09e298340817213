--liquibase formatted sql

-- run_context: column for column and constraint name for constraint name as in the contract.
-- Deviations (docs/schema.md): the hour-alignment CHECK is evaluated in UTC whatever the session
-- TimeZone is, and fk_run_context_account is added.

--changeset tradingcore:003-run-context
CREATE TABLE run_context (
    run_id UUID NOT NULL,
    account_id SMALLINT NOT NULL,
    run_mode run_mode_enum NOT NULL,
    hour_ts_utc TIMESTAMPTZ NOT NULL,
    cycle_seq BIGINT NOT NULL,
    code_version_sha CHAR(40) NOT NULL,
    config_hash CHAR(64) NOT NULL,
    data_snapshot_hash CHAR(64) NOT NULL,
    random_seed INTEGER NOT NULL,
    backtest_run_id UUID,
    started_at_utc TIMESTAMPTZ NOT NULL DEFAULT now(),
    completed_at_utc TIMESTAMPTZ,
    status TEXT NOT NULL DEFAULT 'STARTED',

    CONSTRAINT pk_run_context PRIMARY KEY (run_id),

    CONSTRAINT uq_run_context_account_mode_hour
        UNIQUE (account_id, run_mode, hour_ts_utc),

    CONSTRAINT uq_run_context_run_mode_hour
        UNIQUE (run_id, run_mode, hour_ts_utc),

    CONSTRAINT ck_run_context_hour_aligned
        CHECK (date_trunc('hour', hour_ts_utc AT TIME ZONE 'UTC') = (hour_ts_utc AT TIME ZONE 'UTC')),

    CONSTRAINT ck_run_context_cycle_seq_pos CHECK (cycle_seq >= 0),

    CONSTRAINT ck_run_context_status
        CHECK (status IN ('STARTED', 'COMPLETED', 'FAILED', 'SKIPPED')),

    CONSTRAINT ck_run_context_completed_after_started
        CHECK (completed_at_utc IS NULL OR completed_at_utc >= started_at_utc),

    CONSTRAINT ck_run_context_backtest_link CHECK (
        (run_mode = 'BACKTEST' AND backtest_run_id IS NOT NULL)
        OR
        (run_mode IN ('PAPER','LIVE') AND backtest_run_id IS NULL)
    ),

    CONSTRAINT fk_run_context_account
        FOREIGN KEY (account_id) REFERENCES account (account_id)
        ON UPDATE RESTRICT ON DELETE RESTRICT
);

CREATE INDEX ix_run_context_backtest_run ON run_context (backtest_run_id, hour_ts_utc)
    WHERE backtest_run_id IS NOT NULL;
