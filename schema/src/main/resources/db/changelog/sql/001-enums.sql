--liquibase formatted sql

-- The 8 enums of the contract, spelled exactly as the contract spells them.

--changeset tradingcore:001-enums
CREATE TYPE run_mode_enum AS ENUM ('BACKTEST', 'PAPER', 'LIVE');
CREATE TYPE horizon_enum AS ENUM ('H1', 'H4', 'H24');
CREATE TYPE model_role_enum AS ENUM ('BASE_TREE', 'BASE_DEEP', 'REGIME', 'META');
CREATE TYPE signal_action_enum AS ENUM ('ENTER', 'EXIT', 'HOLD');
CREATE TYPE order_side_enum AS ENUM ('BUY', 'SELL');
CREATE TYPE order_type_enum AS ENUM ('LIMIT', 'MARKET');
CREATE TYPE order_status_enum AS ENUM ('NEW', 'ACK', 'PARTIAL', 'FILLED', 'CANCELLED', 'REJECTED');
CREATE TYPE drawdown_tier_enum AS ENUM ('NORMAL', 'DD10', 'DD15', 'HALT20');
--rollback DROP TYPE drawdown_tier_enum, order_status_enum, order_type_enum, order_side_enum, signal_action_enum, model_role_enum, horizon_enum, run_mode_enum;
