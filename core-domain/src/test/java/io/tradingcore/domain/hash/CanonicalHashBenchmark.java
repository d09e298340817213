package io.tradingcore.domain.hash;

import io.tradingcore.domain.AssetId;
import io.tradingcore.domain.BasePrediction;
import io.tradingcore.domain.DeterministicIds;
import io.tradingcore.domain.Horizon;
import io.tradingcore.domain.MetaComponent;
import io.tradingcore.domain.MetaPrediction;
import io.tradingcore.domain.ModelRole;
import io.tradingcore.domain.ModelVersionId;
import io.tradingcore.domain.RegimeResult;
import io.tradingcore.domain.StackPrediction;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * CPU time of one MODELS step hash of two assets (the largest step: ~9.7 KB of canonical text an hour, the shape the
 * whole ML stack produces), by {@link Canonical#sha256} and by the reflective StringBuilder writer it replaced
 * ({@link LegacyCanonicalText}, then UTF-8 and SHA-256), in the same JVM; both must give the same hash.
 * A benchmark, not a test (docs/benchmarks.md "Engine in memory"):
 * <pre>
 * mvn -B -q -o -pl core-domain test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/tmp/cp-cd.txt
 * java -cp "core-domain/target/test-classes:core-domain/target/classes:$(cat /tmp/cp-cd.txt)" \
 *     io.tradingcore.domain.hash.CanonicalHashBenchmark
 * </pre>
 */
public final class CanonicalHashBenchmark {
    private CanonicalHashBenchmark() {
    }

    public static void main(String[] args) {
        SortedMap<AssetId, StackPrediction> models = models(new Random(1));
        String expected = DeterministicIds.sha256Hex(LegacyCanonicalText.text(models).getBytes(StandardCharsets.UTF_8));
        if (!Canonical.sha256(models).equals(expected)) {
            throw new AssertionError("the writers differ");
        }
        System.out.println("MODELS of 2 assets: " + Canonical.text(models).length() + " bytes of canonical text");
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        int n = 20_000;
        for (int round = 1; round <= 8; round++) {
            long t0 = mx.getCurrentThreadCpuTime();
            for (int i = 0; i < n; i++) {
                Canonical.sha256(models);
            }
            long t1 = mx.getCurrentThreadCpuTime();
            for (int i = 0; i < n; i++) {
                DeterministicIds.sha256Hex(LegacyCanonicalText.text(models).getBytes(StandardCharsets.UTF_8));
            }
            long t2 = mx.getCurrentThreadCpuTime();
            System.out.printf("round %d: Canonical.sha256 %.2f us CPU per hash, reflective writer %.2f us%n",
                    round, (t1 - t0) / 1e3 / n, (t2 - t1) / 1e3 / n);
        }
    }

    /** Regime, 6 base and 3 meta predictions of 7 components per asset, as the whole stack outputs them. */
    private static SortedMap<AssetId, StackPrediction> models(Random r) {
        SortedMap<AssetId, StackPrediction> out = new TreeMap<>();
        for (short a = 1; a <= 2; a++) {
            List<BasePrediction> base = new ArrayList<>();
            for (ModelRole role : List.of(ModelRole.BASE_TREE, ModelRole.BASE_DEEP)) {
                for (Horizon h : Horizon.values()) {
                    base.add(new BasePrediction(role, h, version(r), r.nextDouble()));
                }
            }
            List<MetaPrediction> meta = new ArrayList<>();
            for (Horizon h : Horizon.values()) {
                List<MetaComponent> components = new ArrayList<>();
                for (int i = 0; i < 7; i++) {
                    components.add(new MetaComponent("m" + i + "_regime_TRENDING_UP", ModelRole.REGIME, i % 2 == 0 ? h : null,
                            r.nextGaussian(), r.nextGaussian(), r.nextGaussian()));
                }
                meta.add(new MetaPrediction(h, version(r), r.nextDouble(), r.nextGaussian() / 100, components));
            }
            out.put(new AssetId(a), new StackPrediction(new RegimeResult("TRENDING_DOWN", r.nextDouble(), version(r)), base, meta));
        }
        return out;
    }

    private static ModelVersionId version(Random r) {
        return new ModelVersionId(new UUID(r.nextLong(), r.nextLong()));
    }
}
