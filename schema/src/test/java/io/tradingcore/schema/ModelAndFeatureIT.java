package io.tradingcore.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class ModelAndFeatureIT extends SchemaTestSupport {

    private static final String NEW_TREE = "00000000-0000-0000-0000-0000000000c9";

    @Test
    void storesAFeatureSnapshotWhoseWindowEndsAtTheDecisionHour() throws SQLException {
        insert(Fixture.featureSnapshot());
        assertThat(queryString("SELECT feature_values[2] FROM feature_snapshot")).isEqualTo("0.2");
    }

    @Test
    void refusesAFeatureWindowEndingAfterTheDecisionHour() throws SQLException {
        assertThat(rejected(Fixture.featureSnapshot().with("window_end_ts_utc", "2026-01-01T06:00:00.000001Z")))
                .contains("ck_feature_snapshot_no_lookahead");
        assertThat(rejected(Fixture.featureSnapshot().with("window_end_ts_utc", "2026-01-01T07:00:00Z")))
                .contains("ck_feature_snapshot_no_lookahead");
    }

    @Test
    void refusesAFeatureWindowThatEndsBeforeItStarts() throws SQLException {
        assertThat(rejected(Fixture.featureSnapshot().with("window_start_ts_utc", "2026-01-01T05:00:00.000001Z")
                .with("window_end_ts_utc", "2026-01-01T05:00:00Z"))).contains("ck_feature_snapshot_window_order");
    }

    @Test
    void refusesMismatchedOrNonFiniteFeatures() throws SQLException {
        assertThat(rejected(Fixture.featureSnapshot().with("feature_values", "{0.01}")))
                .contains("ck_feature_snapshot_names_values_match");
        assertThat(rejected(Fixture.featureSnapshot().with("feature_values", "{0.01,NaN}")))
                .contains("ck_feature_snapshot_values_finite");
        assertThat(rejected(Fixture.featureSnapshot().with("feature_values", "{Infinity,0.2}")))
                .contains("ck_feature_snapshot_values_finite");
        assertThat(rejected(Fixture.featureSnapshot().with("feature_values", "{0.01,NULL}")))
                .contains("ck_feature_snapshot_values_finite");
        assertThat(rejected(Fixture.featureSnapshot().with("feature_hash", "XYZ")))
                .contains("ck_feature_snapshot_hash_format");
    }

    @Test
    void allowsOneActiveVersionPerNameAndRole() throws SQLException {
        insert(Fixture.modelVersion(NEW_TREE, "tree_h1", "BASE_TREE", "H1", false));
        assertThat(rejectedSql("UPDATE model_version SET is_active = TRUE WHERE model_version_id = '" + NEW_TREE + "'"))
                .contains("uqix_model_version_one_active_per_name_role");
        assertThat(rejected(Fixture.modelVersion("00000000-0000-0000-0000-0000000000ca", "tree_h1", "BASE_TREE", "H1", true)))
                .contains("uqix_model_version_one_active_per_name_role");
        // activation = deactivate the old one, then activate the new one, in one transaction
        exec("UPDATE model_version SET is_active = FALSE WHERE model_version_id = '" + Fixture.MV_TREE_H1 + "'");
        exec("UPDATE model_version SET is_active = TRUE WHERE model_version_id = '" + NEW_TREE + "'");
        assertThat(queryString("SELECT model_version_id FROM model_version WHERE model_name = 'tree_h1' AND is_active"))
                .isEqualTo(NEW_TREE);
        // the same name under another role is another slot
        insert(Fixture.modelVersion("00000000-0000-0000-0000-0000000000cb", "tree_h1", "BASE_DEEP", "H1", true));
    }

    @Test
    void modelVersionsAreFrozenExceptIsActive() throws SQLException {
        assertThat(rejectedSql("UPDATE model_version SET artifact_sha256 = '" + "0".repeat(64) + "' WHERE model_version_id = '"
                + Fixture.MV_TREE_H1 + "'")).contains("trg_model_version_immutable");
        assertThat(rejectedSql("UPDATE model_version SET is_active = FALSE, metrics = '{}' WHERE model_version_id = '"
                + Fixture.MV_TREE_H1 + "'")).contains("trg_model_version_immutable");
        assertThat(rejectedSql("DELETE FROM model_version WHERE model_version_id = '" + Fixture.MV_TREE_H1 + "'"))
                .contains("trg_model_version_immutable");
    }

    @Test
    void modelVersionRowChecks() throws SQLException {
        assertThat(rejected(Fixture.modelVersion(NEW_TREE, "x", "BASE_TREE", null, false)))
                .contains("ck_model_version_horizon_by_role");
        assertThat(rejected(Fixture.modelVersion(NEW_TREE, "x", "BASE_TREE", "H1", false).with("artifact_sha256", "A".repeat(64))))
                .contains("ck_model_version_artifact_sha256");
        assertThat(rejected(Fixture.modelVersion(NEW_TREE, "x", "BASE_TREE", "H1", false)
                .with("train_to_utc", "2025-01-01T00:00:00Z"))).contains("ck_model_version_train_window");
        assertThat(rejected(Fixture.modelVersion(NEW_TREE, "x", "BASE_TREE", "H1", false).with("hyper_params", "[1]")))
                .contains("ck_model_version_json_objects");
    }

    @Test
    void storesPredictionsAndRegimeOutputOfTheMatchingModels() throws SQLException {
        insert(Fixture.regimeOutput(), Fixture.treePrediction(), Fixture.metaPrediction());
        assertThat(queryString("SELECT count(*) FROM model_prediction")).isEqualTo("2");
    }

    @Test
    void refusesAPredictionFromAModelOfAnotherRoleOrHorizon() throws SQLException {
        assertThat(rejected(Fixture.treePrediction().with("model_version_id", Fixture.MV_DEEP_H1)))
                .contains("fk_model_prediction_model_version");
        assertThat(rejected(Fixture.treePrediction().with("horizon", "H4")))
                .contains("fk_model_prediction_model_version");
        assertThat(rejected(Fixture.regimeOutput().with("model_version_id", Fixture.MV_TREE_H1)))
                .contains("fk_regime_output_model_version");
    }

    @Test
    void predictionChecks() throws SQLException {
        assertThat(rejected(Fixture.treePrediction().with("probability", "1.000000000000000001")))
                .contains("ck_model_prediction_probability_range");
        assertThat(rejected(Fixture.treePrediction().with("probability", "-0.1")))
                .contains("ck_model_prediction_probability_range");
        assertThat(rejected(Fixture.metaPrediction().with("expected_return", null)))
                .contains("ck_model_prediction_meta_expected_return");
        assertThat(rejected(Fixture.treePrediction().with("model_role", "REGIME").with("model_version_id", Fixture.MV_REGIME)))
                .contains("ck_model_prediction_role_not_regime");
        assertThat(rejected(Fixture.regimeOutput().with("confidence", "1.5"))).contains("ck_regime_output_confidence_range");
        insert(Fixture.treePrediction());
        assertThat(rejected(Fixture.treePrediction())).contains("pk_model_prediction");
    }

    @Test
    void storesMetaComponentsOfAnExistingMetaPrediction() throws SQLException {
        insert(Fixture.regimeOutput(), Fixture.treePrediction(), Fixture.metaPrediction(), Fixture.metaComponent(),
                Fixture.metaComponent().with("component_name", "regime").with("component_role", "REGIME")
                        .with("component_horizon", null).with("contribution", "0.05"));
        assertThat(queryString("SELECT sum(contribution) FROM meta_learner_component")).isEqualTo("0.350000000000000000");
    }

    @Test
    void refusesMetaComponentsWithoutTheirPredictions() throws SQLException {
        assertThat(rejected(Fixture.metaComponent())).contains("trg_meta_learner_component_links", "no META model_prediction");
        insert(Fixture.metaPrediction());
        assertThat(rejected(Fixture.metaComponent())).contains("trg_meta_learner_component_links", "BASE_TREE H1");
        assertThat(rejected(Fixture.metaComponent().with("component_name", "regime").with("component_role", "REGIME")
                .with("component_horizon", null))).contains("trg_meta_learner_component_links", "regime_output");
        assertThat(rejected(Fixture.metaComponent().with("component_horizon", null)))
                .contains("ck_meta_learner_component_horizon_by_role");
        // the row checks run after the link trigger, so the links are satisfied here
        insert(Fixture.regimeOutput());
        assertThat(rejected(Fixture.metaComponent().with("component_name", "regime").with("component_role", "REGIME")))
                .contains("ck_meta_learner_component_horizon_by_role");
        // the meta-learner's own intercept is a META component of its horizon (changeSet 012); without one it is refused
        assertThat(rejected(Fixture.metaComponent().with("component_role", "META").with("component_horizon", null)))
                .contains("ck_meta_learner_component_horizon_by_role");
    }
}
