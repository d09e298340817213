package io.tradingcore.adapter.ml;

import com.oracle.labs.mlrg.olcut.provenance.ObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.ProvenanceUtil;
import com.oracle.labs.mlrg.olcut.provenance.io.FlatMarshalledProvenance;
import com.oracle.labs.mlrg.olcut.provenance.io.ListMarshalledProvenance;
import com.oracle.labs.mlrg.olcut.provenance.io.MapMarshalledProvenance;
import com.oracle.labs.mlrg.olcut.provenance.io.ObjectMarshalledProvenance;
import com.oracle.labs.mlrg.olcut.provenance.io.SimpleMarshalledProvenance;
import com.oracle.labs.mlrg.olcut.util.Pair;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Tribuo's provenance of a trained model (trainer class and every trainer setting, dataset description, feature and
 * output counts, library version) as deterministic JSON for {@code model_version.hyper_params}: OLCUT's marshalled
 * form, objects in OLCUT's order, keys sorted, and the fields that differ run to run left out (timestamps, host, JVM
 * and OS), so the same data and seed give the same text and a re-registration stays idempotent. The artifact's
 * SHA-256 never covers it.
 */
final class TribuoProvenance {

    /** Keys that describe when and where training ran, not what was trained. */
    private static final Set<String> RUN_SPECIFIC = Set.of("trained-at", "datasource-creation-time", "creation-time",
            "host-short-name", "java-version", "os-name", "os-arch", "java-vm-name", "java-vm-vendor");

    private TribuoProvenance() {
    }

    static String json(ObjectProvenance provenance) {
        StringBuilder sb = new StringBuilder("[");
        List<ObjectMarshalledProvenance> objects = ProvenanceUtil.marshalProvenance(provenance);
        for (int i = 0; i < objects.size(); i++) {
            ObjectMarshalledProvenance o = objects.get(i);
            if (i > 0) {
                sb.append(',');
            }
            sb.append("{\"name\":");
            string(sb, o.getName());
            sb.append(",\"class\":");
            string(sb, o.getObjectClassName());
            sb.append(",\"fields\":");
            map(sb, new TreeMap<>(o.getMap()));
            sb.append('}');
        }
        return sb.append(']').toString();
    }

    private static void map(StringBuilder sb, Map<String, FlatMarshalledProvenance> fields) {
        sb.append('{');
        boolean first = true;
        for (Map.Entry<String, FlatMarshalledProvenance> e : fields.entrySet()) {
            if (RUN_SPECIFIC.contains(e.getKey()) || isTimestamp(e.getValue())) {
                continue;
            }
            if (!first) {
                sb.append(',');
            }
            first = false;
            string(sb, e.getKey());
            sb.append(':');
            value(sb, e.getValue());
        }
        sb.append('}');
    }

    private static boolean isTimestamp(FlatMarshalledProvenance v) {
        return v instanceof SimpleMarshalledProvenance s && s.getProvenanceClassName().endsWith("DateTimeProvenance");
    }

    private static void value(StringBuilder sb, FlatMarshalledProvenance v) {
        if (v instanceof SimpleMarshalledProvenance s) {
            string(sb, s.isReference() ? "ref:" + s.getValue() : s.getValue());
        } else if (v instanceof ListMarshalledProvenance l) {
            sb.append('[');
            boolean first = true;
            for (FlatMarshalledProvenance x : l) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                value(sb, x);
            }
            sb.append(']');
        } else if (v instanceof MapMarshalledProvenance m) {
            TreeMap<String, FlatMarshalledProvenance> sorted = new TreeMap<>();
            for (Pair<String, FlatMarshalledProvenance> p : m) {
                sorted.put(p.getA(), p.getB());
            }
            map(sb, sorted);
        } else {
            string(sb, String.valueOf(v));
        }
    }

    private static void string(StringBuilder sb, String s) {
        sb.append('"');
        if (s != null) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '"' -> sb.append("\\\"");
                    case '\\' -> sb.append("\\\\");
                    case '\n' -> sb.append("\\n");
                    case '\r' -> sb.append("\\r");
                    case '\t' -> sb.append("\\t");
                    default -> {
                        if (c < 0x20) {
                            sb.append(String.format("\\u%04x", (int) c));
                        } else {
                            sb.append(c);
                        }
                    }
                }
            }
        }
        sb.append('"');
    }
}
