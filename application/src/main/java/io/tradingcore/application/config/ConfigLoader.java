package io.tradingcore.application.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Loads {@link AppConfig} from YAML merged over the defaults. Refuses, naming the key: unknown keys,
 * wrong types, and values out of range (the records' own validation). The canonical form (the merged
 * tree as JSON with keys sorted, numbers as written) is what {@link #sha256} hashes.
 */
public final class ConfigLoader {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private ConfigLoader() {
    }

    /**
     * A loaded configuration and its canonical JSON. {@code simulationSeedGiven}: the source set {@code simulation.seed}
     * (a stored configuration always has; the defaults and a file without the key have not, see {@link RunSeed}).
     */
    public record Loaded(AppConfig config, String canonicalJson, boolean simulationSeedGiven) {
        /** As stored: its simulation seed counts as given. */
        public Loaded(AppConfig config, String canonicalJson) {
            this(config, canonicalJson, true);
        }

        public String sha256() {
            return ConfigLoader.sha256(canonicalJson);
        }
    }

    public static Loaded defaults() {
        return fromTree(JSON.createObjectNode(), "defaults");
    }

    public static Loaded load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read config file " + file + ": " + e.getMessage(), e);
        }
        return parse(text, file.toString());
    }

    public static Loaded parse(String yaml, String source) {
        JsonNode user;
        try {
            user = yaml.isBlank() ? JSON.createObjectNode() : YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(source + ": not valid YAML" + where(e) + ": " + e.getOriginalMessage(), e);
        }
        if (user == null || user.isNull() || user.isMissingNode()) {
            user = JSON.createObjectNode();
        }
        if (!user.isObject()) {
            throw new IllegalArgumentException(source + ": the configuration must be a mapping of keys");
        }
        return fromTree((ObjectNode) user, source);
    }

    /** Parses canonical JSON as stored with a backtest (for replay). */
    public static Loaded fromCanonical(String json) {
        ObjectNode tree;
        try {
            tree = (ObjectNode) JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("stored configuration is not valid JSON: " + e.getOriginalMessage(), e);
        }
        JsonNode sim = tree.path("simulation");
        if (sim.has("takerFeeBps") || tree.path("trading").path("signal").has("feeRate")) {
            throw new IllegalArgumentException("stored configuration was written before the one cost model "
                    + "(trading.signal.costs replaced signal.feeRate/slippageRate/defaultSpreadBps and simulation's fees, "
                    + "spread and slippage): this version cannot recompute it; replay it with the code version it was run with");
        }
        return fromTree(withLegacyModel(tree), "stored configuration");
    }

    /** A canonical tree without the model section (stored before it existed, or legacy values): the legacy options. */
    private static ObjectNode withLegacyModel(ObjectNode tree) {
        if (!tree.has("model")) {
            // stored before the model section existed: its stacks were trained with the legacy options
            ObjectNode legacy = tree.putObject("model");
            legacy.put("featureSet", 1);
            legacy.put("recencyHalfLifeDays", 0);
            legacy.put("oodQuantile", 0);
        }
        return tree;
    }

    /** {@code loaded} with {@code simulation.seed} set to {@code seed} (then given). */
    public static Loaded withSimulationSeed(Loaded loaded, long seed) {
        try {
            ObjectNode tree = (ObjectNode) JSON.readTree(loaded.canonicalJson());
            ((ObjectNode) tree.get("simulation")).put("seed", seed);
            return fromTree(withLegacyModel(tree), "configuration");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot re-read a canonical configuration", e);
        }
    }

    private static Loaded fromTree(ObjectNode user, String source) {
        ObjectNode merged = JSON.valueToTree(AppConfig.defaults());
        merge(merged, user, "", source);
        AppConfig config;
        try {
            config = JSON.treeToValue(merged, AppConfig.class);
        } catch (ValueInstantiationException e) {
            Throwable c = e.getCause() != null ? e.getCause() : e;
            throw new IllegalArgumentException(source + ": " + c.getMessage(), e);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(source + ": " + path(e) + e.getOriginalMessage(), e);
        }
        try {
            String canonical = JSON.writeValueAsString(JSON.treeToValue(JSON.valueToTree(config), Object.class));
            return new Loaded(config, canonical, user.path("simulation").has("seed"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise configuration", e);
        }
    }

    private static String path(JsonProcessingException e) {
        if (e instanceof com.fasterxml.jackson.databind.JsonMappingException m && !m.getPath().isEmpty()) {
            List<String> parts = new ArrayList<>();
            m.getPath().forEach(r -> parts.add(r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]"));
            return "key '" + String.join(".", parts) + "': ";
        }
        return "";
    }

    private static void merge(ObjectNode base, ObjectNode user, String prefix, String source) {
        Iterator<Map.Entry<String, JsonNode>> it = user.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = prefix + e.getKey();
            JsonNode existing = base.get(e.getKey());
            if (existing == null) {
                throw new IllegalArgumentException(source + ": unknown key '" + key + "'");
            }
            if (existing.isObject()) {
                if (!e.getValue().isObject()) {
                    throw new IllegalArgumentException(source + ": key '" + key + "' must be a mapping");
                }
                merge((ObjectNode) existing, (ObjectNode) e.getValue(), key + ".", source);
            } else {
                if (e.getValue().isObject()) {
                    throw new IllegalArgumentException(source + ": key '" + key + "' must be a value, not a mapping");
                }
                JsonNode v = e.getValue();
                if (v.isNull()) {
                    // every setting is required; a null would surface as a NullPointerException naming no key
                    throw new IllegalArgumentException(source + ": key '" + key + "' has no value");
                }
                // checked before any record sees the number: rescaling or printing 1e999999999 exhausts the heap
                if (v.isNumber() && v.decimalValue().signum() != 0
                        && !io.tradingcore.application.ingest.CandleCsvReader.fitsNumeric38x18(v.decimalValue())) {
                    throw new IllegalArgumentException(source + ": key '" + key + "': " + abbreviated(v.asText())
                            + " is out of range (at most 20 integer digits and 18 decimals)");
                }
                base.set(e.getKey(), v);
            }
        }
    }

    /** Line, column and key of a YAML syntax error (e.g. {@code .nan}, which no exact decimal can hold). */
    private static String where(JsonProcessingException e) {
        StringBuilder at = new StringBuilder();
        if (e.getLocation() != null) {
            at.append(" at line ").append(e.getLocation().getLineNr()).append(", column ").append(e.getLocation().getColumnNr());
        }
        if (e.getProcessor() instanceof com.fasterxml.jackson.core.JsonParser p) {
            List<String> keys = new ArrayList<>();
            for (com.fasterxml.jackson.core.JsonStreamContext c = p.getParsingContext(); c != null; c = c.getParent()) {
                if (c.getCurrentName() != null) {
                    keys.add(0, c.getCurrentName());
                }
            }
            if (!keys.isEmpty()) {
                at.append(" (key '").append(String.join(".", keys)).append("')");
            }
        }
        return at.toString();
    }

    private static String abbreviated(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
