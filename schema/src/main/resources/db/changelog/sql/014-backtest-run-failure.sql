--liquibase formatted sql

-- Why a backtest stopped: a FAILED backtest_run carries its error (`runs list/show` print it); a resumed one
-- returns to RUNNING and the reason is cleared (its hours stay; the next failure writes a new reason).
-- The immutability trigger of 011 compares a fixed list of columns, so failure_reason is mutable like status.

--changeset tradingcore:013-backtest-run-failure
ALTER TABLE backtest_run ADD COLUMN failure_reason TEXT;
ALTER TABLE backtest_run ADD CONSTRAINT ck_backtest_run_failure_reason
    CHECK ((status = 'FAILED') = (failure_reason IS NOT NULL AND failure_reason <> ''));
