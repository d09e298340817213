--liquibase formatted sql

-- Market data. Both tables are future hypertables: every PK/UNIQUE contains the time column.

--changeset tradingcore:004-market-ohlcv-hourly
-- A candle covers [hour_ts_utc, hour_ts_utc + 1h) and becomes known at its close.
CREATE TABLE market_ohlcv_hourly (
    asset_id SMALLINT NOT NULL,
    hour_ts_utc TIMESTAMPTZ NOT NULL,
    source_venue TEXT NOT NULL,
    open_price NUMERIC(38,18) NOT NULL,
    high_price NUMERIC(38,18) NOT NULL,
    low_price NUMERIC(38,18) NOT NULL,
    close_price NUMERIC(38,18) NOT NULL,
    volume NUMERIC(38,18) NOT NULL,
    ingest_run_id UUID NOT NULL,
    ingested_at_utc TIMESTAMPTZ NOT NULL DEFAULT now(),

    CONSTRAINT pk_market_ohlcv_hourly PRIMARY KEY (asset_id, hour_ts_utc, source_venue),
    CONSTRAINT ck_market_ohlcv_hourly_hour_aligned
        CHECK (date_trunc('hour', hour_ts_utc AT TIME ZONE 'UTC') = (hour_ts_utc AT TIME ZONE 'UTC')),
    CONSTRAINT ck_market_ohlcv_hourly_prices_positive
        CHECK (open_price > 0 AND high_price > 0 AND low_price > 0 AND close_price > 0),
    CONSTRAINT ck_market_ohlcv_hourly_high_ge_low CHECK (high_price >= low_price),
    CONSTRAINT ck_market_ohlcv_hourly_open_in_range CHECK (open_price BETWEEN low_price AND high_price),
    CONSTRAINT ck_market_ohlcv_hourly_close_in_range CHECK (close_price BETWEEN low_price AND high_price),
    CONSTRAINT ck_market_ohlcv_hourly_volume_nonneg CHECK (volume >= 0),
    CONSTRAINT ck_market_ohlcv_hourly_venue_not_blank CHECK (btrim(source_venue) <> ''),
    CONSTRAINT fk_market_ohlcv_hourly_asset
        FOREIGN KEY (asset_id) REFERENCES asset (asset_id) ON UPDATE RESTRICT ON DELETE RESTRICT
);

--changeset tradingcore:004-order-book-snapshot
-- Column for column and constraint name for constraint name as in the contract; the two
-- date_trunc CHECKs are evaluated in UTC (zone-independent). Added: positive prices, non-negative
-- sizes and the asset FK (docs/schema.md, deviations).
CREATE TABLE order_book_snapshot (
    asset_id SMALLINT NOT NULL,
    snapshot_ts_utc TIMESTAMPTZ NOT NULL,
    hour_ts_utc TIMESTAMPTZ NOT NULL,
    best_bid_price NUMERIC(38,18) NOT NULL,
    best_ask_price NUMERIC(38,18) NOT NULL,
    best_bid_size NUMERIC(38,18) NOT NULL,
    best_ask_size NUMERIC(38,18) NOT NULL,

    spread_abs NUMERIC(38,18)
        GENERATED ALWAYS AS (best_ask_price - best_bid_price) STORED,

    spread_bps NUMERIC(12,8)
        GENERATED ALWAYS AS (
            ((best_ask_price - best_bid_price)
             / NULLIF(best_bid_price,0)) * 10000::numeric
        ) STORED,

    source_venue TEXT NOT NULL,
    ingest_run_id UUID NOT NULL,

    CONSTRAINT pk_order_book_snapshot
        PRIMARY KEY (asset_id, snapshot_ts_utc, source_venue),

    CONSTRAINT ck_order_book_snapshot_hour_aligned
        CHECK (date_trunc('hour', hour_ts_utc AT TIME ZONE 'UTC') = (hour_ts_utc AT TIME ZONE 'UTC')),

    CONSTRAINT ck_order_book_snapshot_bucket_match
        CHECK ((hour_ts_utc AT TIME ZONE 'UTC') = date_trunc('hour', snapshot_ts_utc AT TIME ZONE 'UTC')),

    CONSTRAINT ck_order_book_snapshot_ask_ge_bid
        CHECK (best_ask_price >= best_bid_price),

    CONSTRAINT ck_order_book_snapshot_prices_positive
        CHECK (best_bid_price > 0 AND best_ask_price > 0),

    CONSTRAINT ck_order_book_snapshot_sizes_nonneg
        CHECK (best_bid_size >= 0 AND best_ask_size >= 0),

    CONSTRAINT fk_order_book_snapshot_asset
        FOREIGN KEY (asset_id) REFERENCES asset (asset_id) ON UPDATE RESTRICT ON DELETE RESTRICT
);
