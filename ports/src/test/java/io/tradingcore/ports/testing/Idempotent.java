package io.tradingcore.ports.testing;

import io.tradingcore.ports.out.ConflictingWriteException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The write rule of append-only tables: identical rows are skipped, a changed row refuses the whole call. */
final class Idempotent {
    private Idempotent() {
    }

    static <K, V> void putAll(Map<K, V> table, List<V> rows, Function<V, K> keyOf, String family) {
        Map<K, V> keyed = new LinkedHashMap<>();
        for (V row : rows) {
            K k = keyOf.apply(row);
            V prior = keyed.put(k, row);
            if (prior != null && !prior.equals(row)) {
                throw new ConflictingWriteException(family + ": key " + k + " appears twice with different content");
            }
        }
        putAll(table, keyed, family);
    }

    static <K, V> void putAll(Map<K, V> table, Map<K, V> rows, String family) {
        Map<K, V> batch = new LinkedHashMap<>();
        for (Map.Entry<K, V> e : rows.entrySet()) {
            K k = e.getKey();
            V row = e.getValue();
            V stored = table.containsKey(k) ? table.get(k) : batch.get(k);
            if (stored != null && !stored.equals(row)) {
                throw new ConflictingWriteException(family + ": key " + k + " already stored with different content");
            }
            batch.put(k, row);
        }
        batch.forEach(table::putIfAbsent);
    }
}
