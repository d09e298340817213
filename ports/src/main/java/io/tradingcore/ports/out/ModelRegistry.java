package io.tradingcore.ports.out;

import io.tradingcore.domain.ModelRole;
import io.tradingcore.domain.ModelVersionId;
import java.util.Optional;

/** Trained models and their artifacts; exactly one active version per (name, role). */
public interface ModelRegistry {
    /**
     * Stores a model version and its artifact in one transaction. Registering the same id with the same
     * content again is a no-op. The version is stored inactive unless {@code v.active()}, in which case
     * it is activated as by {@link #activate}.
     *
     * @throws IllegalArgumentException  if the SHA-256 of {@code artifact} differs from {@code v.artifactSha256()}
     * @throws ConflictingWriteException if the id exists with different content
     */
    void register(ModelVersion v, byte[] artifact);

    /**
     * Makes {@code id} the only active version of its (name, role), deactivating the previous one in
     * the same transaction.
     *
     * @throws java.util.NoSuchElementException if the id is unknown
     */
    void activate(ModelVersionId id);

    /** The active version of (name, role), if any. */
    Optional<ModelVersion> active(String name, ModelRole role);

    /** A version by id, active or not. */
    Optional<ModelVersion> find(ModelVersionId id);

    /**
     * The artifact bytes of a version.
     *
     * @throws java.util.NoSuchElementException if the id is unknown
     * @throws IllegalStateException            if the stored bytes no longer match the recorded SHA-256
     */
    byte[] loadArtifact(ModelVersionId id);
}
