--liquibase formatted sql

-- Guarantees that no longer rest on what the writer declares (issue 17, item 6 and item 3):
--  * a SELL may close at most the position the account's stored fills add up to
--    (pre_order_position_qty is what the writer says; the fills are what happened);
--  * the risk row and the portfolio row of one hour agree on the drawdown;
--  * a COMPLETED run_context is frozen (its provenance is what replay trusts), run_context rows are
--    never deleted, and TRUNCATE is refused on every table whose rows may not be deleted;
--  * an asset's symbol cannot change once candles or orders refer to it;
--  * a BACKTEST hour belongs to the backtest that owns its account, and an account that a backtest
--    owns carries no other run's hours.
-- None of this binds a superuser that sets session_replication_role = replica (docs/schema.md,
-- "Roles and the superuser bypass").

--changeset tradingcore:013-order-request-account-asset-index
CREATE INDEX ix_order_request_account_asset ON order_request (account_id, asset_id);

--changeset tradingcore:013-order-request-sell-within-filled-position splitStatements:false
-- The holding of (account, asset) = BUY fills - SELL fills - fees charged in the asset's base currency.
CREATE FUNCTION fn_order_request_sell_within_filled_position()
RETURNS TRIGGER
LANGUAGE plpgsql
AS $$
DECLARE
    v_base TEXT;
    v_held NUMERIC;
BEGIN
    IF NEW.side <> 'SELL' THEN
        RETURN NEW;
    END IF;
    IF EXISTS (SELECT 1 FROM order_request o
               WHERE o.order_id = NEW.order_id OR o.client_order_id = NEW.client_order_id) THEN
        RETURN NEW; -- a re-sent order: pk_order_request / uq_order_request_client_order_id (or ON CONFLICT) decides
    END IF;
    SELECT base_asset INTO v_base FROM asset WHERE asset_id = NEW.asset_id;
    IF NOT FOUND THEN
        RETURN NEW; -- fk_order_request_asset reports the missing asset
    END IF;
    -- serialise with fills of this account being booked concurrently (fn_cash_ledger_chain locks it too)
    PERFORM 1 FROM account WHERE account_id = NEW.account_id FOR NO KEY UPDATE;
    SELECT COALESCE(sum(CASE WHEN o.side = 'BUY' THEN f.fill_qty ELSE -f.fill_qty END), 0)
           - COALESCE(sum(CASE WHEN f.fee_asset = v_base THEN f.fee ELSE 0 END), 0)
      INTO v_held
      FROM order_request o JOIN order_fill f ON f.order_id = o.order_id
     WHERE o.account_id = NEW.account_id AND o.asset_id = NEW.asset_id;
    IF NEW.requested_qty > v_held THEN
        RAISE EXCEPTION 'order_request % refused: SELL of % % but the stored fills of account % hold % (trg_order_request_sell_within_filled_position)',
            NEW.client_order_id, NEW.requested_qty, v_base, NEW.account_id, v_held
            USING ERRCODE = 'check_violation', CONSTRAINT = 'trg_order_request_sell_within_filled_position';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER trg_order_request_sell_within_filled_position
BEFORE INSERT ON order_request
FOR EACH ROW EXECUTE FUNCTION fn_order_request_sell_within_filled_position();

--changeset tradingcore:013-risk-portfolio-agree splitStatements:false
-- Both rows are upserted in one transaction, portfolio first: whichever is inserted second is checked
-- against the first, and every write of the risk row is checked against the portfolio row. An UPDATE
-- of the portfolio row alone is not checked (the risk row that follows it in the same transaction
-- is), so that a resumed hour can rewrite both. Plain row triggers: TimescaleDB hypertables do not
-- take (deferred) constraint triggers.
CREATE FUNCTION fn_risk_portfolio_agree()
RETURNS TRIGGER
LANGUAGE plpgsql
AS $$
DECLARE
    v_other NUMERIC;
BEGIN
    IF TG_ARGV[0] = 'risk_hourly_state' THEN
        SELECT drawdown_pct INTO v_other FROM portfolio_hourly_state
         WHERE run_id = NEW.run_id AND hour_ts_utc = NEW.hour_ts_utc;
    ELSE
        IF EXISTS (SELECT 1 FROM portfolio_hourly_state p WHERE p.run_id = NEW.run_id AND p.hour_ts_utc = NEW.hour_ts_utc) THEN
            RETURN NEW; -- the insert half of an upsert that will update: the risk row written next is checked
        END IF;
        SELECT drawdown_pct INTO v_other FROM risk_hourly_state
         WHERE run_id = NEW.run_id AND hour_ts_utc = NEW.hour_ts_utc;
    END IF;
    IF FOUND AND v_other <> NEW.drawdown_pct THEN
        RAISE EXCEPTION '% of run % hour % refused: drawdown_pct % disagrees with % of the same hour in the other of portfolio_hourly_state / risk_hourly_state (trg_risk_portfolio_agree)',
            TG_ARGV[0], NEW.run_id, NEW.hour_ts_utc, NEW.drawdown_pct, v_other
            USING ERRCODE = 'check_violation', CONSTRAINT = 'trg_risk_portfolio_agree';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER trg_risk_hourly_state_agrees_with_portfolio
BEFORE INSERT OR UPDATE ON risk_hourly_state
FOR EACH ROW EXECUTE FUNCTION fn_risk_portfolio_agree('risk_hourly_state');

CREATE TRIGGER trg_portfolio_hourly_state_agrees_with_risk
BEFORE INSERT ON portfolio_hourly_state
FOR EACH ROW EXECUTE FUNCTION fn_risk_portfolio_agree('portfolio_hourly_state');

--changeset tradingcore:013-run-context-frozen-when-completed splitStatements:false
CREATE FUNCTION fn_run_context_frozen_when_completed()
RETURNS TRIGGER
LANGUAGE plpgsql
AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'run_context % cannot be deleted (trg_run_context_frozen_when_completed)', OLD.run_id
            USING ERRCODE = 'integrity_constraint_violation', CONSTRAINT = 'trg_run_context_frozen_when_completed';
    END IF;
    IF OLD.status = 'COMPLETED' AND to_jsonb(NEW) IS DISTINCT FROM to_jsonb(OLD) THEN
        RAISE EXCEPTION 'run_context % is COMPLETED: its status and provenance are frozen (trg_run_context_frozen_when_completed)', OLD.run_id
            USING ERRCODE = 'integrity_constraint_violation', CONSTRAINT = 'trg_run_context_frozen_when_completed';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER trg_run_context_frozen_when_completed
BEFORE UPDATE OR DELETE ON run_context
FOR EACH ROW EXECUTE FUNCTION fn_run_context_frozen_when_completed();

--changeset tradingcore:013-truncate-refused
CREATE TRIGGER trg_backtest_run_append_only_truncate
BEFORE TRUNCATE ON backtest_run
FOR EACH STATEMENT EXECUTE FUNCTION fn_enforce_append_only('backtest_run');

CREATE TRIGGER trg_run_context_append_only_truncate
BEFORE TRUNCATE ON run_context
FOR EACH STATEMENT EXECUTE FUNCTION fn_enforce_append_only('run_context');

CREATE TRIGGER trg_order_request_append_only_truncate
BEFORE TRUNCATE ON order_request
FOR EACH STATEMENT EXECUTE FUNCTION fn_enforce_append_only('order_request');

CREATE TRIGGER trg_account_append_only_truncate
BEFORE TRUNCATE ON account
FOR EACH STATEMENT EXECUTE FUNCTION fn_enforce_append_only('account');

CREATE TRIGGER trg_asset_append_only_truncate
BEFORE TRUNCATE ON asset
FOR EACH STATEMENT EXECUTE FUNCTION fn_enforce_append_only('asset');

--changeset tradingcore:013-asset-identity-frozen-when-used splitStatements:false
CREATE FUNCTION fn_asset_identity_frozen_when_used()
RETURNS TRIGGER
LANGUAGE plpgsql
AS $$
BEGIN
    IF (NEW.asset_id, NEW.symbol, NEW.base_asset, NEW.quote_asset)
           IS DISTINCT FROM (OLD.asset_id, OLD.symbol, OLD.base_asset, OLD.quote_asset)
       AND (EXISTS (SELECT 1 FROM market_ohlcv_hourly m WHERE m.asset_id = OLD.asset_id)
            OR EXISTS (SELECT 1 FROM order_request o WHERE o.asset_id = OLD.asset_id)
            OR EXISTS (SELECT 1 FROM trade_signal s WHERE s.asset_id = OLD.asset_id)) THEN
        RAISE EXCEPTION 'asset % (%) cannot be renamed: candles, signals or orders refer to it (trg_asset_identity_frozen_when_used)',
            OLD.asset_id, OLD.symbol
            USING ERRCODE = 'integrity_constraint_violation', CONSTRAINT = 'trg_asset_identity_frozen_when_used';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER trg_asset_identity_frozen_when_used
BEFORE UPDATE ON asset
FOR EACH ROW EXECUTE FUNCTION fn_asset_identity_frozen_when_used();

--changeset tradingcore:013-backtest-owns-its-account splitStatements:false
-- backtest_run.account_id is unique: the account belongs to that backtest alone. A run_context row on
-- it must be a BACKTEST hour of that very backtest, and a backtest cannot take an account that already
-- carries hours of any other run. A BACKTEST hour whose backtest_run row is not stored (yet) is only
-- held to the first rule through its account.
CREATE FUNCTION fn_run_context_backtest_account()
RETURNS TRIGGER
LANGUAGE plpgsql
AS $$
DECLARE
    v_account SMALLINT;
    v_backtest UUID;
BEGIN
    IF NEW.backtest_run_id IS NOT NULL THEN
        SELECT account_id INTO v_account FROM backtest_run WHERE backtest_run_id = NEW.backtest_run_id;
        IF FOUND AND v_account <> NEW.account_id THEN
            RAISE EXCEPTION 'run_context % refused: backtest % trades account %, not account % (trg_run_context_backtest_account)',
                NEW.run_id, NEW.backtest_run_id, v_account, NEW.account_id
                USING ERRCODE = 'check_violation', CONSTRAINT = 'trg_run_context_backtest_account';
        END IF;
    END IF;
    SELECT backtest_run_id INTO v_backtest FROM backtest_run WHERE account_id = NEW.account_id;
    IF FOUND AND v_backtest IS DISTINCT FROM NEW.backtest_run_id THEN
        RAISE EXCEPTION 'run_context % refused: account % belongs to backtest %, not to % (trg_run_context_backtest_account)',
            NEW.run_id, NEW.account_id, v_backtest, COALESCE(NEW.backtest_run_id::text, NEW.run_mode::text || ' run')
            USING ERRCODE = 'check_violation', CONSTRAINT = 'trg_run_context_backtest_account';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER trg_run_context_backtest_account
BEFORE INSERT OR UPDATE ON run_context
FOR EACH ROW EXECUTE FUNCTION fn_run_context_backtest_account();

CREATE FUNCTION fn_backtest_run_account_unused()
RETURNS TRIGGER
LANGUAGE plpgsql
AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM run_context r WHERE r.account_id = NEW.account_id
               AND r.backtest_run_id IS DISTINCT FROM NEW.backtest_run_id) THEN
        RAISE EXCEPTION 'backtest_run % refused: account % already carries hours of another run (trg_backtest_run_account_unused)',
            NEW.backtest_run_id, NEW.account_id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'trg_backtest_run_account_unused';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER trg_backtest_run_account_unused
BEFORE INSERT ON backtest_run
FOR EACH ROW EXECUTE FUNCTION fn_backtest_run_account_unused();
