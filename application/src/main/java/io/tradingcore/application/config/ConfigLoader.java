package io.tradingcore.application.config;

import static io.tradingcore.application.config.ConfigMessages.abbreviated;
import static io.tradingcore.application.config.ConfigMessages.bindError;
import static io.tradingcore.application.config.ConfigMessages.path;
import static io.tradingcore.application.config.ConfigMessages.shown;
import static io.tradingcore.application.config.ConfigMessages.where;
import static io.tradingcore.application.config.ConfigMessages.yamlKeys;

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
import java.util.HexFormat;
import java.util.Iterator;
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
    /** Duplicate keys (and so a mapping given twice) are refused by the parser, naming the key and line. */
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION))
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
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException("config file " + file + " is a directory, not a file");
        }
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.charset.CharacterCodingException e) {
            // issue 17, item 10: a UTF-16 file said only "Input length = 1"
            throw new IllegalArgumentException("config file " + file + " is not UTF-8 text (save it as UTF-8)", e);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalArgumentException("config file " + file + " does not exist", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read config file " + file + ": " + e.getMessage(), e);
        }
        if (setsNothing(text, file.toString())) {
            // qa round 2: an empty file (0 bytes, or only comments) gave the defaults without a word, though a file
            // given explicitly that sets nothing is more likely a mistake (wrong file, unsaved editor) than intended
            throw new IllegalArgumentException("config file " + file + " is empty (" + (text.isEmpty() ? "0 bytes"
                    : "no key, only blank lines or comments") + "): set at least one key, or leave out --config to run"
                    + " with the defaults");
        }
        return parse(text, file.toString());
    }

    /** Whether {@code yaml} is blank or a document with no value (only comments); unparseable text is left to parse. */
    private static boolean setsNothing(String yaml, String source) {
        if (yaml.isBlank()) {
            return true;
        }
        try {
            JsonNode user = oneDocument(yaml, source);
            return user == null || user.isNull() || user.isMissingNode();
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    public static Loaded parse(String yaml, String source) {
        JsonNode user;
        try {
            user = yaml.isBlank() ? JSON.createObjectNode() : oneDocument(yaml, source);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(source + ": not valid YAML" + where(e) + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException(source + ": cannot read the YAML: " + e.getMessage(), e);
        }
        if (user == null || user.isNull() || user.isMissingNode()) {
            user = JSON.createObjectNode();
        }
        if (!user.isObject()) {
            throw new IllegalArgumentException(source + ": the configuration must be a mapping of keys");
        }
        // issue 17, item 11: "binance" was kept as written and matched no stored candle (venues are upper case)
        JsonNode venue = user.path("trading").path("venue");
        if (venue.isTextual()) {
            ((ObjectNode) user.get("trading")).put("venue", venue.asText().strip().toUpperCase(java.util.Locale.ROOT));
        }
        Loaded loaded = fromTree((ObjectNode) user, source);
        // issue 17, item 11: a misspelt regime ("TRENDING-UP") never matched and silently did nothing
        var signal = loaded.config().trading().signal();
        knownRegimes(source, "trading.signal.noEntryRegimes", signal.noEntryRegimes());
        knownRegimes(source, "trading.signal.exitRegimes", signal.exitRegimes());
        return loaded;
    }

    /** The one YAML document of {@code yaml}; a second document (after {@code ---}) is refused, naming its line. */
    private static JsonNode oneDocument(String yaml, String source) throws IOException {
        try (com.fasterxml.jackson.core.JsonParser p = YAML.getFactory().createParser(yaml)) {
            JsonNode first = YAML.readTree(p);
            if (p.nextToken() != null) {
                throw new IllegalArgumentException(source + ": a second YAML document (after a '---', its content at line "
                        + p.currentLocation().getLineNr() + "); a configuration is one document (remove the '---' and"
                        + " merge its keys into the first)");
            }
            return first;
        }
    }

    private static void knownRegimes(String source, String key, java.util.Set<String> regimes) {
        for (String r : regimes) {
            if (!io.tradingcore.adapter.ml.MlModels.REGIME_NAMES.contains(r)) {
                throw new IllegalArgumentException(source + ": key '" + key + "': unknown regime '" + r + "' (known: "
                        + String.join(", ", io.tradingcore.adapter.ml.MlModels.REGIME_NAMES) + ")");
            }
        }
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
            throw new IllegalArgumentException(source + ": " + yamlKeys(String.valueOf(c.getMessage())), e);
        } catch (JsonProcessingException e) {
            String what = bindError(e);
            String key = path(e);
            throw new IllegalArgumentException(source + ": " + (what.startsWith("must be ") ? key.replaceFirst(": $", " ") : key)
                    + what, e);
        }
        try {
            String canonical = JSON.writeValueAsString(JSON.treeToValue(JSON.valueToTree(config), Object.class));
            return new Loaded(config, canonical, user.path("simulation").has("seed"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise configuration", e);
        }
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
                sameKind(source, key, existing, v);
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

    /**
     * Refuses a value of another kind than the setting's default ({@code entriesAllowed: 1}, {@code initialCapital: "1000"},
     * {@code lookbackBars: 1.5}, {@code noEntryRegimes: RANGING}) before the JSON binder sees it: it would coerce some
     * silently and refuse others in terms of Java types. A setting without a default (null) is left to the binder.
     */
    private static void sameKind(String source, String key, JsonNode expected, JsonNode v) {
        String want = null;
        if (expected.isBoolean() && !v.isBoolean()) {
            want = "true or false";
        } else if (expected.isIntegralNumber() && !v.isIntegralNumber()) {
            want = "a whole number";
        } else if (expected.isInt() && !v.canConvertToInt()) {
            want = "a whole number up to " + Integer.MAX_VALUE;
        } else if (expected.isIntegralNumber() && !v.canConvertToLong()) {
            want = "a whole number up to " + Long.MAX_VALUE;
        } else if (expected.isNumber() && !v.isNumber()) {
            want = "a number";
        } else if (expected.isTextual() && !v.isTextual()) {
            want = "text";
        } else if (expected.isArray() && !v.isArray()) {
            want = "a list, e.g. [" + (v.isTextual() ? abbreviated(v.asText()) : "...") + "]";
        }
        if (want != null) {
            throw new IllegalArgumentException(source + ": key '" + key + "' must be " + want + ", was " + shown(v));
        }
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
