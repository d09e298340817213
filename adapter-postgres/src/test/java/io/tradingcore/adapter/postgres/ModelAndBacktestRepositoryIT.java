package io.tradingcore.adapter.postgres;

import static io.tradingcore.adapter.postgres.PgTestSupport.BACKTEST;
import static io.tradingcore.adapter.postgres.PgTestSupport.HUGE;
import static io.tradingcore.adapter.postgres.PgTestSupport.TINY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradingcore.domain.DeterministicIds;
import io.tradingcore.domain.Horizon;
import io.tradingcore.domain.ModelRole;
import io.tradingcore.domain.ModelVersionId;
import io.tradingcore.ports.out.BacktestFoldResult;
import io.tradingcore.ports.out.BacktestRepository;
import io.tradingcore.ports.out.ConflictingWriteException;
import io.tradingcore.ports.out.InvariantViolationException;
import io.tradingcore.ports.out.ModelRegistry;
import io.tradingcore.ports.out.ModelVersion;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.NoSuchElementException;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ModelAndBacktestRepositoryIT {
    private static final Instant FROM = Instant.parse("2020-01-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2021-01-01T00:00:00Z");
    private static PgTestSupport pg;
    private static ModelRegistry models;
    private static BacktestRepository backtests;

    @BeforeAll
    static void open() {
        pg = PgTestSupport.open("pg_models");
        models = pg.adapter.modelRegistry();
        backtests = pg.adapter.foldResults();
    }

    @AfterAll
    static void close() {
        pg.close();
    }

    private static ModelVersion version(String id, String name, byte[] artifact, boolean active) {
        SortedMap<String, String> hyper = new TreeMap<>();
        hyper.put("trees", "50");
        hyper.put("note", "a \"quoted\" value\n");
        SortedMap<String, BigDecimal> metrics = new TreeMap<>();
        metrics.put("auc", new BigDecimal("0.61"));
        metrics.put("tiny", TINY);
        metrics.put("huge", HUGE);
        return new ModelVersion(new ModelVersionId(DeterministicIds.uuid("model", id)), name, ModelRole.BASE_TREE, Horizon.H4,
                FROM, TO, hyper, 42L, metrics, DeterministicIds.sha256Hex(artifact), active);
    }

    @Test
    void registerFindActivateAndLoadTheArtifact() {
        byte[] a1 = {9, 8, 7};
        byte[] a2 = {1, 1, 2, 3, 5};
        ModelVersion v1 = version("v1", "xgb", a1, false);
        models.register(v1, a1);
        models.register(v1, a1);
        assertThat(models.find(v1.id())).contains(v1);
        assertThat(models.active("xgb", ModelRole.BASE_TREE)).isEmpty();
        models.activate(v1.id());
        assertThat(models.active("xgb", ModelRole.BASE_TREE)).contains(v1.withActive(true));
        ModelVersion v2 = version("v2", "xgb", a2, true);
        models.register(v2, a2);
        assertThat(models.active("xgb", ModelRole.BASE_TREE)).contains(v2);
        assertThat(models.find(v1.id()).orElseThrow().active()).isFalse();
        assertThat(models.loadArtifact(v2.id())).containsExactly(a2);
    }

    @Test
    void registerRefusesAWrongHashAChangedVersionAndAMetaModelWithoutHorizon() {
        byte[] a = {4, 4};
        ModelVersion v = version("v3", "rf", a, false);
        assertThatThrownBy(() -> models.register(v, new byte[] {5})).isInstanceOf(IllegalArgumentException.class);
        models.register(v, a);
        ModelVersion changed = new ModelVersion(v.id(), v.name(), v.role(), v.horizon(), v.trainFrom(), v.trainTo(),
                v.hyperParams(), 43L, v.metrics(), v.artifactSha256(), false);
        assertThatThrownBy(() -> models.register(changed, a)).isInstanceOf(ConflictingWriteException.class)
                .hasMessageContaining("random_seed");
        ModelVersion meta = new ModelVersion(new ModelVersionId(DeterministicIds.uuid("model", "meta-all")), "meta",
                ModelRole.META, null, FROM, TO, new TreeMap<>(), 1L, new TreeMap<>(), v.artifactSha256(), false);
        assertThatThrownBy(() -> models.register(meta, a)).isInstanceOf(InvariantViolationException.class)
                .hasMessageContaining("model horizon rule");
        assertThat(models.find(meta.id())).isEmpty();
    }

    @Test
    void unknownAndTamperedArtifactsAreRefused() {
        ModelVersionId unknown = new ModelVersionId(DeterministicIds.uuid("model", "nope"));
        assertThatThrownBy(() -> models.activate(unknown)).isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> models.loadArtifact(unknown)).isInstanceOf(NoSuchElementException.class);
        byte[] a = {7};
        ModelVersion v = version("v4", "tampered", a, false);
        models.register(v, a);
        pg.execute("ALTER TABLE model_artifact DISABLE TRIGGER trg_model_artifact_append_only");
        pg.execute("UPDATE model_artifact SET artifact = '\\x08' WHERE model_version_id = '" + v.id() + "'");
        pg.execute("ALTER TABLE model_artifact ENABLE TRIGGER trg_model_artifact_append_only");
        assertThatThrownBy(() -> models.loadArtifact(v.id())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SHA-256");
    }

    @Test
    void foldResultsRoundTripExactlyAndAreIdempotentPerFold() {
        SortedMap<String, BigDecimal> metrics = new TreeMap<>();
        metrics.put("META.H1.auc", new BigDecimal("0.550000000000000000"));
        metrics.put("trading.min", TINY);
        metrics.put("trading.max", HUGE);
        BacktestFoldResult f0 = new BacktestFoldResult(BACKTEST, 0, FROM, TO, TO.plusSeconds(3600 * 24), TO.plusSeconds(3600 * 48),
                metrics);
        BacktestFoldResult f1 = new BacktestFoldResult(BACKTEST, 1, FROM, TO.plusSeconds(3600 * 48),
                TO.plusSeconds(3600 * 72), TO.plusSeconds(3600 * 96), new TreeMap<>());
        backtests.recordFoldResult(f1);
        backtests.recordFoldResult(f0);
        backtests.recordFoldResult(f0);
        assertThat(backtests.foldResults(BACKTEST)).containsExactly(f0, f1);
        SortedMap<String, BigDecimal> other = new TreeMap<>(metrics);
        other.put("META.H1.auc", new BigDecimal("0.6"));
        assertThatThrownBy(() -> backtests.recordFoldResult(new BacktestFoldResult(BACKTEST, 0, FROM, TO,
                TO.plusSeconds(3600 * 24), TO.plusSeconds(3600 * 48), other)))
                .isInstanceOf(ConflictingWriteException.class).hasMessageContaining("metrics");
    }
}
