--liquibase formatted sql

-- Model registry and the model side of one hourly cycle. feature_snapshot, regime_output,
-- model_prediction and meta_learner_component are future hypertables (time column in every key);
-- each carries the run key (run_id, run_mode, hour_ts_utc) with an FK to run_context (a plain table).

--changeset tradingcore:005-model-version
-- Not append-only: activation toggles is_active. Everything else about a version is frozen by
-- trg_model_version_immutable so that a prediction always points at the exact model that made it.
CREATE TABLE model_version (
    model_version_id UUID NOT NULL,
    model_name TEXT NOT NULL,
    model_role model_role_enum NOT NULL,
    horizon horizon_enum,
    train_from_utc TIMESTAMPTZ NOT NULL,
    train_to_utc TIMESTAMPTZ NOT NULL,
    hyper_params JSONB NOT NULL DEFAULT '{}'::jsonb,
    random_seed BIGINT NOT NULL,
    metrics JSONB NOT NULL DEFAULT '{}'::jsonb,
    artifact_sha256 CHAR(64) NOT NULL,
    is_active BOOLEAN NOT NULL DEFAULT FALSE,
    created_at_utc TIMESTAMPTZ NOT NULL DEFAULT now(),

    CONSTRAINT pk_model_version PRIMARY KEY (model_version_id),
    -- targets of the composite FKs that tie a prediction to a model of the same role (and horizon)
    CONSTRAINT uq_model_version_id_role UNIQUE (model_version_id, model_role),
    CONSTRAINT uq_model_version_id_role_horizon UNIQUE (model_version_id, model_role, horizon),
    CONSTRAINT ck_model_version_name_not_blank CHECK (btrim(model_name) <> ''),
    CONSTRAINT ck_model_version_horizon_by_role CHECK (model_role = 'REGIME' OR horizon IS NOT NULL),
    CONSTRAINT ck_model_version_train_window CHECK (train_from_utc < train_to_utc),
    CONSTRAINT ck_model_version_artifact_sha256 CHECK (artifact_sha256 ~ '^[0-9a-f]{64}$'),
    CONSTRAINT ck_model_version_json_objects
        CHECK (jsonb_typeof(hyper_params) = 'object' AND jsonb_typeof(metrics) = 'object')
);

CREATE UNIQUE INDEX uqix_model_version_one_active_per_name_role
ON model_version (model_name, model_role)
WHERE is_active = TRUE;

--changeset tradingcore:005-model-version-immutable splitStatements:false
CREATE FUNCTION fn_model_version_immutable()
RETURNS TRIGGER
LANGUAGE plpgsql
AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'model_version % cannot be deleted: versions are kept for provenance (trg_model_version_immutable)', OLD.model_version_id
            USING ERRCODE = 'integrity_constraint_violation', CONSTRAINT = 'trg_model_version_immutable';
    END IF;
    -- every column but is_active is frozen, including columns added by later changeSets
    IF (to_jsonb(NEW) - 'is_active') IS DISTINCT FROM (to_jsonb(OLD) - 'is_active') THEN
        RAISE EXCEPTION 'model_version % is immutable except is_active (trg_model_version_immutable)', OLD.model_version_id
            USING ERRCODE = 'integrity_constraint_violation', CONSTRAINT = 'trg_model_version_immutable';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER trg_model_version_immutable
BEFORE UPDATE OR DELETE ON model_version
FOR EACH ROW EXECUTE FUNCTION fn_model_version_immutable();

--changeset tradingcore:005-feature-snapshot
-- One feature vector per (run, asset, hour). The window is [window_start_ts_utc, window_end_ts_utc]
-- where window_end_ts_utc is the close of the last candle used; it may never be later than the
-- decision hour (no lookahead).
CREATE TABLE feature_snapshot (
    run_id UUID NOT NULL,
    run_mode run_mode_enum NOT NULL,
    hour_ts_utc TIMESTAMPTZ NOT NULL,
    asset_id SMALLINT NOT NULL,
    window_start_ts_utc TIMESTAMPTZ NOT NULL,
    window_end_ts_utc TIMESTAMPTZ NOT NULL,
    feature_names TEXT[] NOT NULL,
    feature_values DOUBLE PRECISION[] NOT NULL,
    feature_hash CHAR(64) NOT NULL,
    created_at_utc TIMESTAMPTZ NOT NULL DEFAULT now(),

    CONSTRAINT pk_feature_snapshot PRIMARY KEY (run_id, asset_id, hour_ts_utc),
    CONSTRAINT ck_feature_snapshot_no_lookahead CHECK (window_end_ts_utc <= hour_ts_utc),
    CONSTRAINT ck_feature_snapshot_window_order CHECK (window_start_ts_utc <= window_end_ts_utc),
    CONSTRAINT ck_feature_snapshot_names_values_match
        CHECK (array_ndims(feature_names) = 1 AND array_ndims(feature_values) = 1
               AND cardinality(feature_names) = cardinality(feature_values)),
    CONSTRAINT ck_feature_snapshot_values_finite
        CHECK (array_position(feature_values, NULL) IS NULL
               AND array_position(feature_names, NULL) IS NULL
               AND NOT (feature_values && ARRAY['NaN', 'Infinity', '-Infinity']::DOUBLE PRECISION[])),
    CONSTRAINT ck_feature_snapshot_hash_format CHECK (feature_hash ~ '^[0-9a-f]{64}$'),
    CONSTRAINT fk_feature_snapshot_run_context
        FOREIGN KEY (run_id, run_mode, hour_ts_utc) REFERENCES run_context (run_id, run_mode, hour_ts_utc)
        ON UPDATE RESTRICT ON DELETE RESTRICT,
    CONSTRAINT fk_feature_snapshot_asset
        FOREIGN KEY (asset_id) REFERENCES asset (asset_id) ON UPDATE RESTRICT ON DELETE RESTRICT
);

--changeset tradingcore:005-regime-output
CREATE TABLE regime_output (
    run_id UUID NOT NULL,
    run_mode run_mode_enum NOT NULL,
    hour_ts_utc TIMESTAMPTZ NOT NULL,
    asset_id SMALLINT NOT NULL,
    model_version_id UUID NOT NULL,
    model_role model_role_enum NOT NULL DEFAULT 'REGIME',
    regime_label TEXT NOT NULL,
    confidence NUMERIC(38,18) NOT NULL,
    created_at_utc TIMESTAMPTZ NOT NULL DEFAULT now(),

    CONSTRAINT pk_regime_output PRIMARY KEY (run_id, asset_id, hour_ts_utc),
    CONSTRAINT ck_regime_output_role_regime CHECK (model_role = 'REGIME'),
    CONSTRAINT ck_regime_output_confidence_range CHECK (confidence >= 0 AND confidence <= 1),
    CONSTRAINT ck_regime_output_label_not_blank CHECK (btrim(regime_label) <> ''),
    CONSTRAINT fk_regime_output_run_context
        FOREIGN KEY (run_id, run_mode, hour_ts_utc) REFERENCES run_context (run_id, run_mode, hour_ts_utc)
        ON UPDATE RESTRICT ON DELETE RESTRICT,
    CONSTRAINT fk_regime_output_asset
        FOREIGN KEY (asset_id) REFERENCES asset (asset_id) ON UPDATE RESTRICT ON DELETE RESTRICT,
    CONSTRAINT fk_regime_output_model_version
        FOREIGN KEY (model_version_id, model_role) REFERENCES model_version (model_version_id, model_role)
        ON UPDATE RESTRICT ON DELETE RESTRICT
);

--changeset tradingcore:005-model-prediction
-- BASE_TREE / BASE_DEEP / META probabilities per horizon; REGIME output lives in regime_output.
CREATE TABLE model_prediction (
    run_id UUID NOT NULL,
    run_mode run_mode_enum NOT NULL,
    hour_ts_utc TIMESTAMPTZ NOT NULL,
    asset_id SMALLINT NOT NULL,
    model_role model_role_enum NOT NULL,
    horizon horizon_enum NOT NULL,
    model_version_id UUID NOT NULL,
    probability NUMERIC(38,18) NOT NULL,
    expected_return NUMERIC(38,18),
    created_at_utc TIMESTAMPTZ NOT NULL DEFAULT now(),

    CONSTRAINT pk_model_prediction PRIMARY KEY (run_id, asset_id, model_role, horizon, hour_ts_utc),
    CONSTRAINT ck_model_prediction_probability_range CHECK (probability >= 0 AND probability <= 1),
    CONSTRAINT ck_model_prediction_role_not_regime CHECK (model_role <> 'REGIME'),
    CONSTRAINT ck_model_prediction_meta_expected_return CHECK (model_role <> 'META' OR expected_return IS NOT NULL),
    CONSTRAINT fk_model_prediction_run_context
        FOREIGN KEY (run_id, run_mode, hour_ts_utc) REFERENCES run_context (run_id, run_mode, hour_ts_utc)
        ON UPDATE RESTRICT ON DELETE RESTRICT,
    CONSTRAINT fk_model_prediction_asset
        FOREIGN KEY (asset_id) REFERENCES asset (asset_id) ON UPDATE RESTRICT ON DELETE RESTRICT,
    -- the version must be a model of the same role and horizon
    CONSTRAINT fk_model_prediction_model_version
        FOREIGN KEY (model_version_id, model_role, horizon)
        REFERENCES model_version (model_version_id, model_role, horizon)
        ON UPDATE RESTRICT ON DELETE RESTRICT
);

--changeset tradingcore:005-meta-learner-component
-- How one META prediction (meta_horizon) was composed. The link to model_prediction (both future
-- hypertables, so no FK is possible under TimescaleDB) is enforced by
-- trg_meta_learner_component_links on the shared key.
CREATE TABLE meta_learner_component (
    run_id UUID NOT NULL,
    run_mode run_mode_enum NOT NULL,
    hour_ts_utc TIMESTAMPTZ NOT NULL,
    asset_id SMALLINT NOT NULL,
    meta_horizon horizon_enum NOT NULL,
    component_name TEXT NOT NULL,
    component_role model_role_enum NOT NULL,
    component_horizon horizon_enum,
    component_weight NUMERIC(38,18) NOT NULL,
    component_value NUMERIC(38,18) NOT NULL,
    contribution NUMERIC(38,18) NOT NULL,
    created_at_utc TIMESTAMPTZ NOT NULL DEFAULT now(),

    CONSTRAINT pk_meta_learner_component
        PRIMARY KEY (run_id, asset_id, meta_horizon, component_name, hour_ts_utc),
    CONSTRAINT ck_meta_learner_component_role_not_meta CHECK (component_role <> 'META'),
    CONSTRAINT ck_meta_learner_component_horizon_by_role CHECK (
        (component_role = 'REGIME' AND component_horizon IS NULL)
        OR (component_role IN ('BASE_TREE', 'BASE_DEEP') AND component_horizon IS NOT NULL)
    ),
    CONSTRAINT ck_meta_learner_component_name_not_blank CHECK (btrim(component_name) <> ''),
    CONSTRAINT fk_meta_learner_component_run_context
        FOREIGN KEY (run_id, run_mode, hour_ts_utc) REFERENCES run_context (run_id, run_mode, hour_ts_utc)
        ON UPDATE RESTRICT ON DELETE RESTRICT,
    CONSTRAINT fk_meta_learner_component_asset
        FOREIGN KEY (asset_id) REFERENCES asset (asset_id) ON UPDATE RESTRICT ON DELETE RESTRICT
);

--changeset tradingcore:005-meta-learner-component-links splitStatements:false
-- model_prediction and regime_output are append-only, so a row found here can never disappear later:
-- an existence check at insert time is as strong as an FK.
CREATE FUNCTION fn_meta_learner_component_links()
RETURNS TRIGGER
LANGUAGE plpgsql
AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM model_prediction p
                   WHERE p.run_id = NEW.run_id AND p.asset_id = NEW.asset_id AND p.hour_ts_utc = NEW.hour_ts_utc
                     AND p.model_role = 'META' AND p.horizon = NEW.meta_horizon) THEN
        RAISE EXCEPTION 'meta_learner_component % has no META model_prediction (run %, asset %, horizon %, hour %) (trg_meta_learner_component_links)',
            NEW.component_name, NEW.run_id, NEW.asset_id, NEW.meta_horizon, NEW.hour_ts_utc
            USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'trg_meta_learner_component_links';
    END IF;
    IF NEW.component_role = 'REGIME' THEN
        IF NOT EXISTS (SELECT 1 FROM regime_output r
                       WHERE r.run_id = NEW.run_id AND r.asset_id = NEW.asset_id AND r.hour_ts_utc = NEW.hour_ts_utc) THEN
            RAISE EXCEPTION 'meta_learner_component % refers to a missing regime_output (run %, asset %, hour %) (trg_meta_learner_component_links)',
                NEW.component_name, NEW.run_id, NEW.asset_id, NEW.hour_ts_utc
                USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'trg_meta_learner_component_links';
        END IF;
    ELSIF NOT EXISTS (SELECT 1 FROM model_prediction p
                      WHERE p.run_id = NEW.run_id AND p.asset_id = NEW.asset_id AND p.hour_ts_utc = NEW.hour_ts_utc
                        AND p.model_role = NEW.component_role AND p.horizon = NEW.component_horizon) THEN
        RAISE EXCEPTION 'meta_learner_component % refers to a missing % % model_prediction (run %, asset %, hour %) (trg_meta_learner_component_links)',
            NEW.component_name, NEW.component_role, NEW.component_horizon, NEW.run_id, NEW.asset_id, NEW.hour_ts_utc
            USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'trg_meta_learner_component_links';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER trg_meta_learner_component_links
BEFORE INSERT ON meta_learner_component
FOR EACH ROW EXECUTE FUNCTION fn_meta_learner_component_links();
