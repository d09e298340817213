--liquibase formatted sql

-- Signals, orders, fills and executed trades: plain tables (not hypertables), each carrying the
-- run key (run_id, run_mode, hour_ts_utc) with an FK to run_context.

--changeset tradingcore:006-trade-signal
CREATE TABLE trade_signal (
    signal_id UUID NOT NULL,
    run_id UUID NOT NULL,
    run_mode run_mode_enum NOT NULL,
    hour_ts_utc TIMESTAMPTZ NOT NULL,
    asset_id SMALLINT NOT NULL,
    action signal_action_enum NOT NULL,
    horizon horizon_enum NOT NULL,
    probability NUMERIC(38,18) NOT NULL,
    expected_return NUMERIC(38,18) NOT NULL,
    target_notional NUMERIC(38,18) NOT NULL,
    created_at_utc TIMESTAMPTZ NOT NULL DEFAULT now(),

    CONSTRAINT pk_trade_signal PRIMARY KEY (signal_id),
    CONSTRAINT uq_trade_signal_run_asset_horizon UNIQUE (run_id, asset_id, horizon),
    CONSTRAINT ck_trade_signal_probability_range CHECK (probability >= 0 AND probability <= 1),
    CONSTRAINT ck_trade_signal_target_notional_nonneg CHECK (target_notional >= 0),
    CONSTRAINT fk_trade_signal_run_context
        FOREIGN KEY (run_id, run_mode, hour_ts_utc) REFERENCES run_context (run_id, run_mode, hour_ts_utc)
        ON UPDATE RESTRICT ON DELETE RESTRICT,
    CONSTRAINT fk_trade_signal_asset
        FOREIGN KEY (asset_id) REFERENCES asset (asset_id) ON UPDATE RESTRICT ON DELETE RESTRICT
);

--changeset tradingcore:006-order-request
-- No leverage (ck_order_request_no_leverage), read for a long-only spot account:
--   BUY : requested_notional + reserved_fee <= pre_order_cash_available
--   SELL: requested_qty <= pre_order_position_qty (a sell can never exceed the holding)
CREATE TABLE order_request (
    order_id UUID NOT NULL,
    client_order_id TEXT NOT NULL,
    run_id UUID NOT NULL,
    run_mode run_mode_enum NOT NULL,
    hour_ts_utc TIMESTAMPTZ NOT NULL,
    signal_id UUID NOT NULL,
    account_id SMALLINT NOT NULL,
    asset_id SMALLINT NOT NULL,
    side order_side_enum NOT NULL,
    order_type order_type_enum NOT NULL,
    status order_status_enum NOT NULL DEFAULT 'NEW',
    requested_qty NUMERIC(38,18) NOT NULL,
    limit_price NUMERIC(38,18),
    requested_notional NUMERIC(38,18) NOT NULL,
    pre_order_cash_available NUMERIC(38,18) NOT NULL,
    reserved_fee NUMERIC(38,18) NOT NULL DEFAULT 0,
    pre_order_position_qty NUMERIC(38,18) NOT NULL,
    venue_order_id TEXT,
    status_reason TEXT,
    created_at_utc TIMESTAMPTZ NOT NULL DEFAULT now(),
    status_updated_at_utc TIMESTAMPTZ NOT NULL DEFAULT now(),

    CONSTRAINT pk_order_request PRIMARY KEY (order_id),
    CONSTRAINT uq_order_request_client_order_id UNIQUE (client_order_id),
    -- target of fk_executed_trade_order: a trade books the side, account and asset of its order
    CONSTRAINT uq_order_request_identity UNIQUE (order_id, side, account_id, asset_id),
    CONSTRAINT ck_order_request_client_order_id_format CHECK (client_order_id ~ '^[A-Za-z0-9._:-]{1,64}$'),
    CONSTRAINT ck_order_request_qty_positive CHECK (requested_qty > 0),
    CONSTRAINT ck_order_request_limit_price CHECK (
        (order_type = 'LIMIT' AND limit_price IS NOT NULL AND limit_price > 0)
        OR (order_type = 'MARKET' AND limit_price IS NULL)
    ),
    CONSTRAINT ck_order_request_notional_positive CHECK (requested_notional > 0),
    CONSTRAINT ck_order_request_cash_nonneg CHECK (pre_order_cash_available >= 0),
    CONSTRAINT ck_order_request_reserved_fee_nonneg CHECK (reserved_fee >= 0),
    CONSTRAINT ck_order_request_position_nonneg CHECK (pre_order_position_qty >= 0),
    CONSTRAINT ck_order_request_no_leverage CHECK (
        (side = 'BUY' AND requested_notional + reserved_fee <= pre_order_cash_available)
        OR (side = 'SELL' AND requested_qty <= pre_order_position_qty)
    ),
    -- a LIMIT BUY may cost up to qty * limit: its notional must cover that, or no_leverage is moot
    CONSTRAINT ck_order_request_limit_buy_notional CHECK (
        side <> 'BUY' OR order_type <> 'LIMIT' OR requested_notional >= requested_qty * limit_price
    ),
    CONSTRAINT fk_order_request_signal_identity
        FOREIGN KEY (signal_id)
        REFERENCES trade_signal (signal_id)
        ON UPDATE RESTRICT
        ON DELETE RESTRICT,
    CONSTRAINT fk_order_request_run_context
        FOREIGN KEY (run_id, run_mode, hour_ts_utc) REFERENCES run_context (run_id, run_mode, hour_ts_utc)
        ON UPDATE RESTRICT ON DELETE RESTRICT,
    CONSTRAINT fk_order_request_account
        FOREIGN KEY (account_id) REFERENCES account (account_id) ON UPDATE RESTRICT ON DELETE RESTRICT,
    CONSTRAINT fk_order_request_asset
        FOREIGN KEY (asset_id) REFERENCES asset (asset_id) ON UPDATE RESTRICT ON DELETE RESTRICT
);

CREATE INDEX ix_order_request_signal ON order_request (signal_id);
CREATE INDEX ix_order_request_run ON order_request (run_id);

--changeset tradingcore:006-order-request-lifecycle splitStatements:false
-- Only status (along a legal transition), venue_order_id (once, from NULL), status_reason and
-- status_updated_at_utc may change; terminal orders are frozen; orders are never deleted.
CREATE FUNCTION fn_order_request_lifecycle()
RETURNS TRIGGER
LANGUAGE plpgsql
AS $$
DECLARE
    mutable CONSTANT TEXT[] := ARRAY['status', 'venue_order_id', 'status_reason', 'status_updated_at_utc'];
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'order_request % cannot be deleted (trg_order_request_lifecycle)', OLD.order_id
            USING ERRCODE = 'integrity_constraint_violation', CONSTRAINT = 'trg_order_request_lifecycle';
    END IF;
    IF (to_jsonb(NEW) - mutable) IS DISTINCT FROM (to_jsonb(OLD) - mutable) THEN
        RAISE EXCEPTION 'order_request %: only status, venue_order_id, status_reason and status_updated_at_utc may change (trg_order_request_lifecycle)', OLD.order_id
            USING ERRCODE = 'integrity_constraint_violation', CONSTRAINT = 'trg_order_request_lifecycle';
    END IF;
    IF OLD.venue_order_id IS NOT NULL AND NEW.venue_order_id IS DISTINCT FROM OLD.venue_order_id THEN
        RAISE EXCEPTION 'order_request %: venue_order_id is already set (trg_order_request_lifecycle)', OLD.order_id
            USING ERRCODE = 'integrity_constraint_violation', CONSTRAINT = 'trg_order_request_lifecycle';
    END IF;
    IF OLD.status IN ('FILLED', 'CANCELLED', 'REJECTED') THEN
        RAISE EXCEPTION 'illegal order status transition % -> % for order_request %: % is terminal (trg_order_request_lifecycle)',
            OLD.status, NEW.status, OLD.order_id, OLD.status
            USING ERRCODE = 'integrity_constraint_violation', CONSTRAINT = 'trg_order_request_lifecycle';
    END IF;
    IF NEW.status <> OLD.status AND NOT (
           (OLD.status = 'NEW' AND NEW.status IN ('ACK', 'REJECTED', 'CANCELLED'))
        OR (OLD.status = 'ACK' AND NEW.status IN ('PARTIAL', 'FILLED', 'CANCELLED'))
        OR (OLD.status = 'PARTIAL' AND NEW.status IN ('FILLED', 'CANCELLED'))) THEN
        RAISE EXCEPTION 'illegal order status transition % -> % for order_request % (trg_order_request_lifecycle)',
            OLD.status, NEW.status, OLD.order_id
            USING ERRCODE = 'integrity_constraint_violation', CONSTRAINT = 'trg_order_request_lifecycle';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER trg_order_request_lifecycle
BEFORE UPDATE OR DELETE ON order_request
FOR EACH ROW EXECUTE FUNCTION fn_order_request_lifecycle();

--changeset tradingcore:006-order-fill
CREATE TABLE order_fill (
    fill_id UUID NOT NULL,
    order_id UUID NOT NULL,
    exchange_trade_id TEXT NOT NULL,
    run_id UUID NOT NULL,
    run_mode run_mode_enum NOT NULL,
    hour_ts_utc TIMESTAMPTZ NOT NULL,
    fill_ts_utc TIMESTAMPTZ NOT NULL,
    fill_qty NUMERIC(38,18) NOT NULL,
    fill_price NUMERIC(38,18) NOT NULL,
    fee NUMERIC(38,18) NOT NULL,
    fee_asset TEXT NOT NULL,
    liquidity TEXT NOT NULL,
    created_at_utc TIMESTAMPTZ NOT NULL DEFAULT now(),

    CONSTRAINT pk_order_fill PRIMARY KEY (fill_id),
    CONSTRAINT uq_order_fill_order_trade UNIQUE (order_id, exchange_trade_id),
    -- target of fk_executed_trade_fill: a trade books exactly its fill's order, quantity and price
    CONSTRAINT uq_order_fill_identity UNIQUE (fill_id, order_id, fill_qty, fill_price),
    CONSTRAINT ck_order_fill_qty_positive CHECK (fill_qty > 0),
    CONSTRAINT ck_order_fill_price_positive CHECK (fill_price > 0),
    CONSTRAINT ck_order_fill_fee_nonneg CHECK (fee >= 0),
    CONSTRAINT ck_order_fill_fee_asset_format CHECK (fee_asset ~ '^[A-Z0-9]{1,20}$'),
    CONSTRAINT ck_order_fill_trade_id_not_blank CHECK (btrim(exchange_trade_id) <> ''),
    CONSTRAINT ck_order_fill_liquidity CHECK (liquidity IN ('MAKER', 'TAKER')),
    CONSTRAINT fk_order_fill_order
        FOREIGN KEY (order_id) REFERENCES order_request (order_id) ON UPDATE RESTRICT ON DELETE RESTRICT,
    CONSTRAINT fk_order_fill_run_context
        FOREIGN KEY (run_id, run_mode, hour_ts_utc) REFERENCES run_context (run_id, run_mode, hour_ts_utc)
        ON UPDATE RESTRICT ON DELETE RESTRICT
);

--changeset tradingcore:006-order-fill-within-requested-qty splitStatements:false
-- Locks the order row so that concurrent fills of one order are summed one after the other.
CREATE FUNCTION fn_order_fill_within_requested_qty()
RETURNS TRIGGER
LANGUAGE plpgsql
AS $$
DECLARE
    v_requested NUMERIC(38,18);
    v_status order_status_enum;
    v_filled NUMERIC;
BEGIN
    SELECT requested_qty, status INTO v_requested, v_status
    FROM order_request WHERE order_id = NEW.order_id
    FOR NO KEY UPDATE;
    IF NOT FOUND THEN
        RETURN NEW; -- fk_order_fill_order reports the missing order
    END IF;
    IF v_status = 'REJECTED' THEN
        RAISE EXCEPTION 'order_fill % refused: order_request % was REJECTED (trg_order_fill_within_requested_qty)',
            NEW.exchange_trade_id, NEW.order_id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'trg_order_fill_within_requested_qty';
    END IF;
    SELECT COALESCE(sum(fill_qty), 0) INTO v_filled FROM order_fill WHERE order_id = NEW.order_id;
    IF v_filled + NEW.fill_qty > v_requested THEN
        RAISE EXCEPTION 'order_fill % refused: fills of order_request % would total % > requested_qty % (trg_order_fill_within_requested_qty)',
            NEW.exchange_trade_id, NEW.order_id, v_filled + NEW.fill_qty, v_requested
            USING ERRCODE = 'check_violation', CONSTRAINT = 'trg_order_fill_within_requested_qty';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER trg_order_fill_within_requested_qty
BEFORE INSERT ON order_fill
FOR EACH ROW EXECUTE FUNCTION fn_order_fill_within_requested_qty();

--changeset tradingcore:006-executed-trade
-- One booked trade per fill, in the account's cash currency (fee_quote, realized_pnl).
CREATE TABLE executed_trade (
    trade_id UUID NOT NULL,
    run_id UUID NOT NULL,
    run_mode run_mode_enum NOT NULL,
    hour_ts_utc TIMESTAMPTZ NOT NULL,
    order_id UUID NOT NULL,
    fill_id UUID NOT NULL,
    account_id SMALLINT NOT NULL,
    asset_id SMALLINT NOT NULL,
    side order_side_enum NOT NULL,
    quantity NUMERIC(38,18) NOT NULL,
    price NUMERIC(38,18) NOT NULL,
    gross_notional NUMERIC(38,18) NOT NULL,
    fee_quote NUMERIC(38,18) NOT NULL,
    realized_pnl NUMERIC(38,18) NOT NULL,
    executed_at_utc TIMESTAMPTZ NOT NULL,
    created_at_utc TIMESTAMPTZ NOT NULL DEFAULT now(),

    CONSTRAINT pk_executed_trade PRIMARY KEY (trade_id),
    CONSTRAINT uq_executed_trade_fill UNIQUE (fill_id),
    CONSTRAINT ck_executed_trade_qty_positive CHECK (quantity > 0),
    CONSTRAINT ck_executed_trade_price_positive CHECK (price > 0),
    CONSTRAINT ck_executed_trade_gross_notional_nonneg CHECK (gross_notional >= 0),
    CONSTRAINT ck_executed_trade_fee_nonneg CHECK (fee_quote >= 0),
    CONSTRAINT fk_executed_trade_fill
        FOREIGN KEY (fill_id, order_id, quantity, price) REFERENCES order_fill (fill_id, order_id, fill_qty, fill_price)
        ON UPDATE RESTRICT ON DELETE RESTRICT,
    CONSTRAINT fk_executed_trade_order
        FOREIGN KEY (order_id, side, account_id, asset_id) REFERENCES order_request (order_id, side, account_id, asset_id)
        ON UPDATE RESTRICT ON DELETE RESTRICT,
    CONSTRAINT fk_executed_trade_run_context
        FOREIGN KEY (run_id, run_mode, hour_ts_utc) REFERENCES run_context (run_id, run_mode, hour_ts_utc)
        ON UPDATE RESTRICT ON DELETE RESTRICT
);
