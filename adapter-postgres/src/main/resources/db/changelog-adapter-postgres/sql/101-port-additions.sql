--liquibase formatted sql

-- What the ports store beyond the contract's columns. Each table hangs off a contract table by FK.

--changeset tradingcore:101-run-step-hash
-- RunContextRepository.finish stores the step hashes of a cycle; a resumed run that finishes again
-- replaces them, so this table is updatable.
CREATE TABLE run_step_hash (
    run_id UUID NOT NULL,
    step TEXT NOT NULL,
    step_order SMALLINT NOT NULL,
    sha256 CHAR(64) NOT NULL,

    CONSTRAINT pk_run_step_hash PRIMARY KEY (run_id, step),
    CONSTRAINT ck_run_step_hash_sha256 CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    CONSTRAINT ck_run_step_hash_step_not_blank CHECK (btrim(step) <> ''),
    CONSTRAINT fk_run_step_hash_run_context
        FOREIGN KEY (run_id) REFERENCES run_context (run_id) ON UPDATE RESTRICT ON DELETE RESTRICT
);

--changeset tradingcore:101-model-artifact
-- ModelRegistry.register stores the serialized model next to its version.
CREATE TABLE model_artifact (
    model_version_id UUID NOT NULL,
    artifact BYTEA NOT NULL,
    artifact_sha256 CHAR(64) NOT NULL,
    created_at_utc TIMESTAMPTZ NOT NULL DEFAULT now(),

    CONSTRAINT pk_model_artifact PRIMARY KEY (model_version_id),
    CONSTRAINT ck_model_artifact_sha256 CHECK (artifact_sha256 ~ '^[0-9a-f]{64}$'),
    CONSTRAINT fk_model_artifact_model_version
        FOREIGN KEY (model_version_id) REFERENCES model_version (model_version_id) ON UPDATE RESTRICT ON DELETE RESTRICT
);

--changeset tradingcore:101-cash-entry-ref
-- The content-derived id of a cash entry (CashEntry.entryId), for idempotent appends.
CREATE TABLE cash_entry_ref (
    entry_id UUID NOT NULL,
    account_id SMALLINT NOT NULL,
    entry_seq BIGINT NOT NULL,

    CONSTRAINT pk_cash_entry_ref PRIMARY KEY (entry_id),
    CONSTRAINT uq_cash_entry_ref_entry UNIQUE (account_id, entry_seq),
    CONSTRAINT fk_cash_entry_ref_cash_ledger
        FOREIGN KEY (account_id, entry_seq) REFERENCES cash_ledger (account_id, entry_seq) ON UPDATE RESTRICT ON DELETE RESTRICT
);

--changeset tradingcore:101-trade-signal-detail
-- What a TradeSignal carries beyond trade_signal's columns: the model outputs as the exact doubles the
-- decision used, the regime, the round-trip cost and the reason.
CREATE TABLE trade_signal_detail (
    signal_id UUID NOT NULL,
    probability DOUBLE PRECISION NOT NULL,
    expected_return DOUBLE PRECISION NOT NULL,
    regime TEXT NOT NULL,
    round_trip_cost NUMERIC(38,18) NOT NULL,
    reason TEXT NOT NULL,

    CONSTRAINT pk_trade_signal_detail PRIMARY KEY (signal_id),
    CONSTRAINT fk_trade_signal_detail_trade_signal
        FOREIGN KEY (signal_id) REFERENCES trade_signal (signal_id) ON UPDATE RESTRICT ON DELETE RESTRICT
);

--changeset tradingcore:101-port-additions-append-only
CREATE TRIGGER trg_model_artifact_append_only
BEFORE UPDATE OR DELETE ON model_artifact
FOR EACH ROW EXECUTE FUNCTION fn_enforce_append_only('model_artifact');

CREATE TRIGGER trg_model_artifact_append_only_truncate
BEFORE TRUNCATE ON model_artifact
FOR EACH STATEMENT EXECUTE FUNCTION fn_enforce_append_only('model_artifact');

CREATE TRIGGER trg_cash_entry_ref_append_only
BEFORE UPDATE OR DELETE ON cash_entry_ref
FOR EACH ROW EXECUTE FUNCTION fn_enforce_append_only('cash_entry_ref');

CREATE TRIGGER trg_cash_entry_ref_append_only_truncate
BEFORE TRUNCATE ON cash_entry_ref
FOR EACH STATEMENT EXECUTE FUNCTION fn_enforce_append_only('cash_entry_ref');

CREATE TRIGGER trg_trade_signal_detail_append_only
BEFORE UPDATE OR DELETE ON trade_signal_detail
FOR EACH ROW EXECUTE FUNCTION fn_enforce_append_only('trade_signal_detail');

CREATE TRIGGER trg_trade_signal_detail_append_only_truncate
BEFORE TRUNCATE ON trade_signal_detail
FOR EACH STATEMENT EXECUTE FUNCTION fn_enforce_append_only('trade_signal_detail');
