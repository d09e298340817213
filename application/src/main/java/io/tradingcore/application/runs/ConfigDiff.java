package io.tradingcore.application.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/** The configuration keys on which stored backtests differ: canonical JSON flattened to dotted paths, sorted. */
public final class ConfigDiff {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ConfigDiff() {
    }

    /** One key and its value in each configuration, in the order given ("(absent)" where a configuration lacks it). */
    public record Difference(String key, List<String> values) {
        public Difference {
            values = List.copyOf(values);
        }
    }

    public static List<Difference> of(List<String> canonicalJsons) {
        List<Map<String, String>> flat = canonicalJsons.stream().map(ConfigDiff::flatten).toList();
        TreeSet<String> keys = new TreeSet<>();
        flat.forEach(m -> keys.addAll(m.keySet()));
        List<Difference> out = new ArrayList<>();
        for (String k : keys) {
            List<String> values = flat.stream().map(m -> m.getOrDefault(k, "(absent)")).toList();
            if (values.stream().anyMatch(v -> !Objects.equals(v, values.get(0)))) {
                out.add(new Difference(k, values));
            }
        }
        return out;
    }

    /** Leaves of the JSON by dotted path (array elements as path[i]); values as JSON text, strings unquoted. */
    public static Map<String, String> flatten(String json) {
        TreeMap<String, String> out = new TreeMap<>();
        try {
            walk("", JSON.readTree(json), out);
        } catch (IOException e) {
            throw new UncheckedIOException("stored configuration is not JSON", e);
        }
        return out;
    }

    private static void walk(String path, JsonNode n, Map<String, String> out) {
        if (n.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                walk(path.isEmpty() ? e.getKey() : path + "." + e.getKey(), e.getValue(), out);
            }
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                walk(path + "[" + i + "]", n.get(i), out);
            }
        } else {
            out.put(path, n.isTextual() ? n.asText() : n.toString());
        }
    }
}
