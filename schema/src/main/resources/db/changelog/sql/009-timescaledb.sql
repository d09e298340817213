--liquibase formatted sql

-- TimescaleDB, only where the extension can be created (available, version >= 2.13 for the
-- by_range form, and either installed already or preloaded, which CREATE EXTENSION requires).
-- On plain PostgreSQL (Debian 15, the embedded server, Cloud SQL) the precondition fails and both
-- are marked MARK_RAN: every guarantee holds without them. The precondition query is
-- io.tradingcore.schema.SchemaInfo.TIMESCALE_USABLE_SQL (kept identical by MigrationIT).
-- MARK_RAN is permanent: a database that gains TimescaleDB later is converted by hand
-- (create_hypertable with migrate_data => true), see docs/schema.md.

--changeset tradingcore:009-timescaledb-extension
--preconditions onFail:MARK_RAN onError:HALT
--precondition-sql-check expectedResult:1 SELECT count(*) FROM pg_available_extensions WHERE name = 'timescaledb' AND (installed_version IS NOT NULL OR current_setting('shared_preload_libraries') ~ 'timescaledb') AND string_to_array(substring(COALESCE(installed_version, default_version) from '^[0-9]+\.[0-9]+'), '.')::int[] >= ARRAY[2, 13]
CREATE EXTENSION IF NOT EXISTS timescaledb;

--changeset tradingcore:009-timescaledb-hypertables
--preconditions onFail:MARK_RAN onError:HALT
--precondition-sql-check expectedResult:1 SELECT count(*) FROM pg_extension WHERE extname = 'timescaledb'
SELECT create_hypertable('market_ohlcv_hourly', by_range('hour_ts_utc', INTERVAL '30 days'), if_not_exists => TRUE);
SELECT create_hypertable('order_book_snapshot', by_range('snapshot_ts_utc', INTERVAL '1 day'), if_not_exists => TRUE);
SELECT create_hypertable('feature_snapshot', by_range('hour_ts_utc', INTERVAL '30 days'), if_not_exists => TRUE);
SELECT create_hypertable('regime_output', by_range('hour_ts_utc', INTERVAL '30 days'), if_not_exists => TRUE);
SELECT create_hypertable('model_prediction', by_range('hour_ts_utc', INTERVAL '30 days'), if_not_exists => TRUE);
SELECT create_hypertable('meta_learner_component', by_range('hour_ts_utc', INTERVAL '30 days'), if_not_exists => TRUE);
SELECT create_hypertable('position_hourly_state', by_range('hour_ts_utc', INTERVAL '30 days'), if_not_exists => TRUE);
SELECT create_hypertable('portfolio_hourly_state', by_range('hour_ts_utc', INTERVAL '30 days'), if_not_exists => TRUE);
SELECT create_hypertable('risk_hourly_state', by_range('hour_ts_utc', INTERVAL '30 days'), if_not_exists => TRUE);
