--liquibase formatted sql

-- Reference tables the contract's SMALLINT asset_id / account_id columns point at.

--changeset tradingcore:002-asset
CREATE TABLE asset (
    asset_id SMALLINT NOT NULL,
    symbol TEXT NOT NULL,
    base_asset TEXT NOT NULL,
    quote_asset TEXT NOT NULL,
    created_at_utc TIMESTAMPTZ NOT NULL DEFAULT now(),

    CONSTRAINT pk_asset PRIMARY KEY (asset_id),
    CONSTRAINT uq_asset_symbol UNIQUE (symbol),
    CONSTRAINT ck_asset_id_positive CHECK (asset_id > 0),
    CONSTRAINT ck_asset_symbol_format CHECK (symbol = base_asset || '/' || quote_asset),
    CONSTRAINT ck_asset_codes_format CHECK (base_asset ~ '^[A-Z0-9]{1,20}$' AND quote_asset ~ '^[A-Z0-9]{1,20}$'
                                           AND base_asset <> quote_asset)
);

--changeset tradingcore:002-account
CREATE TABLE account (
    account_id SMALLINT NOT NULL,
    account_name TEXT NOT NULL,
    cash_currency TEXT NOT NULL,
    created_at_utc TIMESTAMPTZ NOT NULL DEFAULT now(),

    CONSTRAINT pk_account PRIMARY KEY (account_id),
    CONSTRAINT uq_account_name UNIQUE (account_name),
    CONSTRAINT ck_account_id_positive CHECK (account_id > 0),
    CONSTRAINT ck_account_cash_currency_format CHECK (cash_currency ~ '^[A-Z0-9]{1,20}$')
);
