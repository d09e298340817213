package io.tradingcore.application.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parameter grid from {@code --set key=v1,v2,...} options: the cartesian product of the axes, in the order given
 * (the last axis varies fastest), each point a set of configuration overrides laid over the base YAML.
 */
public final class SweepGrid {
    /** More points than this is almost certainly a typo (and hours of compute). */
    public static final int MAX_POINTS = 256;
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** One axis: a dotted configuration key and its values (YAML scalars, as typed). */
    public record Axis(String key, List<String> values) {
        public Axis {
            values = List.copyOf(values);
        }
    }

    /** One point of the grid: its index (0-based) and the override of each axis key. */
    public record Point(int index, Map<String, String> overrides) {
        public Point {
            overrides = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(overrides));
        }

        /** {@code key=value, key=value} in axis order. */
        public String label() {
            StringBuilder b = new StringBuilder();
            overrides.forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ").append(k).append('=').append(v));
            return b.toString();
        }
    }

    private final List<Axis> axes;
    private final int shard;
    private final int shards;

    private SweepGrid(List<Axis> axes) {
        this(axes, 1, 1);
    }

    private SweepGrid(List<Axis> axes, int shard, int shards) {
        this.axes = List.copyOf(axes);
        this.shard = shard;
        this.shards = shards;
    }

    /**
     * Parses {@code key=v1,v2} options.
     *
     * @throws IllegalArgumentException naming the option when one is malformed, a key repeats, a value repeats within
     *                                  a key, or the grid exceeds {@link #MAX_POINTS}
     */
    public static SweepGrid parse(List<String> sets) {
        if (sets == null || sets.isEmpty()) {
            throw new IllegalArgumentException("--set is required at least once, e.g. --set trading.signal.minEdge=0,0.001");
        }
        List<Axis> axes = new ArrayList<>();
        long points = 1;
        for (String s : sets) {
            int eq = s.indexOf('=');
            String key = eq < 0 ? "" : s.substring(0, eq).strip();
            if (eq < 0 || !key.matches("[A-Za-z][A-Za-z0-9]*(\\.[A-Za-z][A-Za-z0-9]*)*")) {
                throw new IllegalArgumentException("--set '" + s + "' is not key=value[,value...] with a dotted key such as trading.signal.minEdge");
            }
            if (axes.stream().anyMatch(a -> a.key().equals(key))) {
                throw new IllegalArgumentException("--set " + key + " given twice; list all its values in one --set");
            }
            List<String> values = new ArrayList<>();
            for (String v : s.substring(eq + 1).split(",", -1)) {
                String t = v.strip();
                if (t.isEmpty()) {
                    throw new IllegalArgumentException("--set " + key + " has an empty value in '" + s + "'");
                }
                if (values.contains(t)) {
                    throw new IllegalArgumentException("--set " + key + " lists " + t + " twice");
                }
                values.add(t);
            }
            axes.add(new Axis(key, values));
            points *= values.size();
            if (points > MAX_POINTS) {
                throw new IllegalArgumentException("the grid has more than " + MAX_POINTS + " points; narrow the --set values");
            }
        }
        return new SweepGrid(axes);
    }

    public List<Axis> axes() {
        return axes;
    }

    /** Every point of the whole grid. */
    public int size() {
        return axes.stream().mapToInt(a -> a.values().size()).reduce(1, (x, y) -> x * y);
    }

    /** The points (of this shard), the last axis varying fastest; indexes are the whole grid's. */
    public List<Point> points() {
        List<Point> out = new ArrayList<>();
        int n = axes.stream().mapToInt(a -> a.values().size()).reduce(1, (x, y) -> x * y);
        for (int i = 0; i < n; i++) {
            Map<String, String> o = new LinkedHashMap<>();
            int rest = i;
            int stride = n;
            for (Axis a : axes) {
                stride /= a.values().size();
                o.put(a.key(), a.values().get(rest / stride));
                rest %= stride;
            }
            if (i % shards == shard - 1) {
                out.add(new Point(i, o));
            }
        }
        return out;
    }

    /** The points of shard {@code k} of {@code n} (1-based): indexes i with i % n == k - 1. */
    public SweepGrid shard(int k, int n) {
        if (n < 1 || k < 1 || k > n) {
            throw new IllegalArgumentException("--shard must be K/N with 1 <= K <= N, was " + k + "/" + n);
        }
        return new SweepGrid(axes, k, n);
    }

    /**
     * The base YAML with the point's overrides set at their dotted paths (values parsed as YAML scalars, so 0.001 stays
     * a number and H24 a string). The result is YAML text for the configuration loader, which validates every key.
     */
    public static String overlay(String baseYaml, Point p) {
        try {
            JsonNode base = baseYaml == null || baseYaml.isBlank() ? YAML.createObjectNode() : YAML.readTree(baseYaml);
            if (base == null || base.isMissingNode() || base.isNull()) {
                base = YAML.createObjectNode();
            }
            if (!base.isObject()) {
                throw new IllegalArgumentException("the base configuration is not a YAML mapping");
            }
            ObjectNode root = (ObjectNode) base;
            for (Map.Entry<String, String> e : p.overrides().entrySet()) {
                String[] path = e.getKey().split("\\.");
                ObjectNode node = root;
                for (int i = 0; i < path.length - 1; i++) {
                    JsonNode child = node.get(path[i]);
                    if (child == null || !child.isObject()) {
                        child = node.putObject(path[i]);
                    }
                    node = (ObjectNode) child;
                }
                node.set(path[path.length - 1], YAML.readTree(e.getValue()));
            }
            return YAML.writeValueAsString(root);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot lay the sweep values over the configuration: " + e.getMessage(), e);
        }
    }
}
