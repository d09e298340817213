package io.tradingcore.adapter.postgres;

import static io.tradingcore.adapter.postgres.jooq.Tables.MODEL_ARTIFACT;
import static io.tradingcore.adapter.postgres.jooq.Tables.MODEL_VERSION;

import io.tradingcore.adapter.postgres.jooq.tables.records.ModelArtifactRecord;
import io.tradingcore.adapter.postgres.jooq.tables.records.ModelVersionRecord;
import io.tradingcore.domain.DeterministicIds;
import io.tradingcore.domain.ModelRole;
import io.tradingcore.domain.ModelVersionId;
import io.tradingcore.ports.out.ModelRegistry;
import io.tradingcore.ports.out.ModelVersion;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;

/**
 * model_version (frozen except is_active) plus model_artifact. Activation deactivates the previous
 * version first: the partial unique index allows one active version per (name, role) at any instant.
 */
final class PgModelRegistry implements ModelRegistry {
    private final Db db;

    PgModelRegistry(Db db) {
        this.db = db;
    }

    @Override
    public void register(ModelVersion v, byte[] artifact) {
        String sha = DeterministicIds.sha256Hex(artifact);
        if (!sha.equals(v.artifactSha256())) {
            throw new IllegalArgumentException("artifact of model " + v.id() + " hashes to " + sha + ", not the recorded "
                    + v.artifactSha256());
        }
        db.tx("registering model " + v.id() + " (" + v.name() + ", " + v.role() + ")", tx -> {
            ModelVersionRecord r = tx.newRecord(MODEL_VERSION);
            r.setModelVersionId(v.id().value());
            r.setModelName(v.name());
            r.setModelRole(v.role());
            r.setHorizon(v.horizon());
            r.setTrainFromUtc(Conv.ts(v.trainFrom()));
            r.setTrainToUtc(Conv.ts(v.trainTo()));
            r.setHyperParams(Json.strings(v.hyperParams()));
            r.setRandomSeed(v.seed());
            r.setMetrics(Json.numbers(v.metrics()));
            r.setArtifactSha256(v.artifactSha256());
            r.setIsActive(false);
            Idempotent.insert(tx, MODEL_VERSION, List.of(r), "model_version", x -> "model " + x.getModelVersionId(),
                    Set.of(MODEL_VERSION.IS_ACTIVE));
            ModelArtifactRecord a = tx.newRecord(MODEL_ARTIFACT);
            a.setModelVersionId(v.id().value());
            a.setArtifact(artifact);
            a.setArtifactSha256(sha);
            Idempotent.insert(tx, MODEL_ARTIFACT, List.of(a), "model_artifact", x -> "artifact of model " + x.getModelVersionId());
            if (v.active()) {
                activate(tx, v.id());
            }
            return null;
        });
    }

    @Override
    public void activate(ModelVersionId id) {
        db.tx("activating model " + id, tx -> {
            activate(tx, id);
            return null;
        });
    }

    private static void activate(DSLContext tx, ModelVersionId id) {
        ModelVersionRecord v = tx.selectFrom(MODEL_VERSION).where(MODEL_VERSION.MODEL_VERSION_ID.eq(id.value()))
                .forNoKeyUpdate().fetchOne();
        if (v == null) {
            throw new NoSuchElementException("unknown model version " + id);
        }
        tx.update(MODEL_VERSION).set(MODEL_VERSION.IS_ACTIVE, false)
                .where(MODEL_VERSION.MODEL_NAME.eq(v.getModelName()), MODEL_VERSION.MODEL_ROLE.eq(v.getModelRole()),
                        MODEL_VERSION.IS_ACTIVE.isTrue(), MODEL_VERSION.MODEL_VERSION_ID.ne(id.value()))
                .execute();
        if (!v.getIsActive()) {
            tx.update(MODEL_VERSION).set(MODEL_VERSION.IS_ACTIVE, true)
                    .where(MODEL_VERSION.MODEL_VERSION_ID.eq(id.value())).execute();
        }
    }

    @Override
    public Optional<ModelVersion> active(String name, ModelRole role) {
        return db.read("reading the active model " + name + " " + role, ctx -> ctx.selectFrom(MODEL_VERSION)
                .where(MODEL_VERSION.MODEL_NAME.eq(name), MODEL_VERSION.MODEL_ROLE.eq(role),
                        MODEL_VERSION.IS_ACTIVE.isTrue())
                .fetchOptional(PgModelRegistry::version));
    }

    @Override
    public Optional<ModelVersion> find(ModelVersionId id) {
        return db.read("reading model " + id, ctx -> ctx.selectFrom(MODEL_VERSION)
                .where(MODEL_VERSION.MODEL_VERSION_ID.eq(id.value())).fetchOptional(PgModelRegistry::version));
    }

    @Override
    public byte[] loadArtifact(ModelVersionId id) {
        ModelArtifactRecord a = db.read("reading the artifact of model " + id, ctx -> ctx.selectFrom(MODEL_ARTIFACT)
                .where(MODEL_ARTIFACT.MODEL_VERSION_ID.eq(id.value())).fetchOne());
        if (a == null) {
            throw new NoSuchElementException("unknown model version " + id + " (no artifact stored)");
        }
        String recorded = db.read("reading model " + id, ctx -> ctx.select(MODEL_VERSION.ARTIFACT_SHA256).from(MODEL_VERSION)
                .where(MODEL_VERSION.MODEL_VERSION_ID.eq(id.value())).fetchSingle().value1());
        String actual = DeterministicIds.sha256Hex(a.getArtifact());
        if (!actual.equals(recorded)) {
            throw new IllegalStateException("artifact of model " + id + " no longer matches its SHA-256: stored bytes hash to "
                    + actual + ", recorded " + recorded);
        }
        return a.getArtifact();
    }

    private static ModelVersion version(ModelVersionRecord r) {
        return new ModelVersion(new ModelVersionId(r.getModelVersionId()), r.getModelName(), r.getModelRole(),
                r.getHorizon(), r.getTrainFromUtc(), r.getTrainToUtc(), Json.readStrings(r.getHyperParams()),
                r.getRandomSeed(), Json.readNumbers(r.getMetrics()), r.getArtifactSha256(), r.getIsActive());
    }
}
