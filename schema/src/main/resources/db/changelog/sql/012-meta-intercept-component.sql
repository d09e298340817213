--liquibase formatted sql

-- The stacked meta-learner explains each prediction as the sum of its inputs' contributions PLUS its
-- own intercept; the intercept is stored as a component of role META with the meta model's horizon,
-- so that the contributions of one prediction add up to its logit. trg_meta_learner_component_links
-- already requires the META model_prediction of that horizon to exist.

--changeset tradingcore:012-meta-intercept-component
ALTER TABLE meta_learner_component DROP CONSTRAINT ck_meta_learner_component_horizon_by_role;
ALTER TABLE meta_learner_component ADD CONSTRAINT ck_meta_learner_component_horizon_by_role CHECK (
    (component_role = 'REGIME' AND component_horizon IS NULL)
    OR (component_role IN ('BASE_TREE', 'BASE_DEEP', 'META') AND component_horizon IS NOT NULL)
);
ALTER TABLE meta_learner_component DROP CONSTRAINT ck_meta_learner_component_role_not_meta;
