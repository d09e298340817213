package io.tradingcore.ports.testing;

import io.tradingcore.domain.DeterministicIds;
import io.tradingcore.domain.ModelRole;
import io.tradingcore.domain.ModelVersionId;
import io.tradingcore.ports.out.ConflictingWriteException;
import io.tradingcore.ports.out.ModelRegistry;
import io.tradingcore.ports.out.ModelVersion;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/** model_version and artifacts in memory; one active version per (name, role). */
public final class InMemoryModelRegistry implements ModelRegistry {
    private final Map<ModelVersionId, ModelVersion> versions = new LinkedHashMap<>();
    private final Map<ModelVersionId, byte[]> artifacts = new LinkedHashMap<>();

    @Override
    public synchronized void register(ModelVersion v, byte[] artifact) {
        String sha = DeterministicIds.sha256Hex(artifact);
        if (!sha.equals(v.artifactSha256())) {
            throw new IllegalArgumentException("artifact sha256 " + sha + " does not match model " + v.id() + " (" + v.artifactSha256() + ")");
        }
        ModelVersion stored = versions.get(v.id());
        if (stored != null) {
            if (!stored.withActive(false).equals(v.withActive(false))) {
                throw new ConflictingWriteException("model_version: " + v.id() + " stored with different content");
            }
        } else {
            versions.put(v.id(), v.withActive(false));
            artifacts.put(v.id(), artifact.clone());
        }
        if (v.active()) {
            activate(v.id());
        }
    }

    @Override
    public synchronized void activate(ModelVersionId id) {
        ModelVersion v = versions.get(id);
        if (v == null) {
            throw new NoSuchElementException("unknown model version " + id);
        }
        versions.replaceAll((k, x) -> x.name().equals(v.name()) && x.role() == v.role() ? x.withActive(k.equals(id)) : x);
    }

    @Override
    public synchronized Optional<ModelVersion> active(String name, ModelRole role) {
        return versions.values().stream().filter(v -> v.active() && v.name().equals(name) && v.role() == role).findFirst();
    }

    @Override
    public synchronized Optional<ModelVersion> find(ModelVersionId id) {
        return Optional.ofNullable(versions.get(id));
    }

    @Override
    public synchronized byte[] loadArtifact(ModelVersionId id) {
        ModelVersion v = versions.get(id);
        if (v == null) {
            throw new NoSuchElementException("unknown model version " + id);
        }
        byte[] a = artifacts.get(id);
        if (!DeterministicIds.sha256Hex(a).equals(v.artifactSha256())) {
            throw new IllegalStateException("artifact of " + id + " does not match its sha256");
        }
        return Arrays.copyOf(a, a.length);
    }

    /** Test hook: corrupts a stored artifact to exercise the hash check. */
    public synchronized void corrupt(ModelVersionId id) {
        byte[] a = artifacts.get(id);
        a[0] ^= 1;
    }
}
