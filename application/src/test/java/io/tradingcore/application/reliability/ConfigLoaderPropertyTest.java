package io.tradingcore.application.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradingcore.application.config.ConfigLoader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Fuzz and property tests of the configuration parser (issue 8, hostile input): random YAML trees of
 * known and unknown keys with random values either load, or are refused with an
 * {@link IllegalArgumentException} whose (short) message names a key the file set; nothing else is ever
 * thrown; and the canonical hash of a loaded configuration does not depend on the order of its keys.
 */
class ConfigLoaderPropertyTest {

    /** Every key path of the defaults, mapped to whether it is a mapping (true) or a value. */
    private static final Map<String, Boolean> KNOWN = new TreeMap<>();
    /** The default value of each leaf as YAML text. */
    private static final Map<String, String> DEFAULT_TEXT = new TreeMap<>();

    static {
        try {
            walk(new ObjectMapper().readTree(ConfigLoader.defaults().canonicalJson()), "");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void walk(JsonNode n, String prefix) {
        n.fields().forEachRemaining(e -> {
            String path = prefix + e.getKey();
            KNOWN.put(path, e.getValue().isObject());
            if (e.getValue().isObject()) {
                walk(e.getValue(), path + ".");
            } else {
                DEFAULT_TEXT.put(path, e.getValue().toString());
            }
        });
    }

    /** One key set by a generated file: a known path or an unknown one, and its YAML value text. */
    record Assignment(String path, String value) {
    }

    @Provide
    Arbitrary<List<Assignment>> configs() {
        List<String> known = new ArrayList<>(KNOWN.keySet());
        List<String> leaves = new ArrayList<>(DEFAULT_TEXT.keySet());
        Arbitrary<String> value = Arbitraries.oneOf(
                Arbitraries.integers().between(-5, 100_000).map(String::valueOf),
                Arbitraries.integers().between(0, 1_000_000).map(i -> "0." + i),
                Arbitraries.of("true", "false", "~", "abc", "H1", "H4", "H24", "BINANCE", "[]", "[a, b]", "{}", "-0",
                        "1e999999999", "1e-999999999", "-1e999999999", "0.0000000000000000001", "99999999999999999999999",
                        ".5", "1E+3", "'0.6'", "\"\"", "1.5", "-0.25", "2147483648", ".nan", ".inf", "!!binary aGVsbG8=",
                        "2025-01-01", "[1, [2]]", "{a: 1}"));
        Arbitrary<Assignment> knownLeafDefault = Arbitraries.of(leaves).map(p -> new Assignment(p, DEFAULT_TEXT.get(p)));
        Arbitrary<Assignment> knownAny = Combinators.combine(Arbitraries.of(known), value).as(Assignment::new);
        Arbitrary<Assignment> unknown = Combinators.combine(
                Arbitraries.of(known).filter(KNOWN::get).injectNull(0.3),
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(6), value)
                .as((parent, name, v) -> new Assignment((parent == null ? "" : parent + ".") + "x" + name + "Zz", v));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, knownLeafDefault), net.jqwik.api.Tuple.of(6, knownAny), net.jqwik.api.Tuple.of(1, unknown))
                .list().ofMinSize(0).ofMaxSize(8);
    }

    @Property(tries = 400)
    void aRandomTreeLoadsOrIsRefusedNamingAKeyItSetAndNothingElseIsThrown(@ForAll("configs") List<Assignment> set) {
        Map<String, Object> tree = tree(set, new Random(0), false);
        String yaml = render(tree);

        Throwable thrown = catchThrowable(() -> ConfigLoader.parse(yaml, "fuzz.yaml"));

        if (thrown == null) {
            assertThat(set).as(yaml).noneMatch(a -> !KNOWN.containsKey(a.path()) && placed(tree, a.path()));
            return;
        }
        assertThat(thrown).as(yaml).isExactlyInstanceOf(IllegalArgumentException.class);
        String message = thrown.getMessage();
        assertThat(message).as(yaml).startsWith("fuzz.yaml: ").hasSizeLessThan(1000);
        List<String> names = new ArrayList<>();
        collectKeys(tree, names);
        assertThat(names).as("%s%nnames none of the keys set in:%n%s", message, yaml).anyMatch(message::contains);
    }

    @Property(tries = 200)
    void canonicalHashOfALoadedConfigDoesNotDependOnKeyOrder(@ForAll("configs") List<Assignment> set, @ForAll long seed) {
        List<Assignment> knownOnly = set.stream().filter(a -> DEFAULT_TEXT.containsKey(a.path())).toList();
        String yaml = render(tree(knownOnly, new Random(0), false));
        ConfigLoader.Loaded loaded;
        try {
            loaded = ConfigLoader.parse(yaml, "a");
        } catch (IllegalArgumentException refused) {
            return; // the property is about configurations that load; refusals are checked above
        }
        String shuffled = render(tree(knownOnly, new Random(seed), true));

        ConfigLoader.Loaded again = ConfigLoader.parse(shuffled, "b");

        assertThat(again.sha256()).as("%s%n---%n%s", yaml, shuffled).isEqualTo(loaded.sha256());
        assertThat(again.config()).isEqualTo(loaded.config());
        assertThat(ConfigLoader.fromCanonical(loaded.canonicalJson()).sha256()).isEqualTo(loaded.sha256());
    }

    @Example
    void absurdMagnitudesAreRefusedWithAShortMessageNamingTheKey() {
        for (String v : List.of("1e999999999", "-1e999999999", "1e-999999999", "1e100000")) {
            Throwable thrown = catchThrowable(() -> ConfigLoader.parse("initialCapital: " + v + "\n", "cfg"));
            assertThat(thrown).as(v).isExactlyInstanceOf(IllegalArgumentException.class);
            assertThat(thrown.getMessage()).as(v).contains("initialCapital").hasSizeLessThan(1000);
        }
    }

    @Example
    void aCapitalBelowTheLedgerScaleIsRefusedNotRoundedToZero() {
        Throwable thrown = catchThrowable(() -> ConfigLoader.parse("initialCapital: 0.0000000000000000001\n", "cfg"));
        assertThat(thrown).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("initialCapital");
    }

    @Example
    void anEmptyValueIsRefusedNamingItsKey() {
        Throwable thrown = catchThrowable(() -> ConfigLoader.parse("trading:\n  signal:\n    exitRegimes: ~\n", "cfg"));
        assertThat(thrown).isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("cfg: key 'trading.signal.exitRegimes' has no value");
    }

    @Example
    void aFractionalHourCountIsRefusedNotTruncated() {
        Throwable thrown = catchThrowable(() -> ConfigLoader.parse("walkForward:\n  testHours: 36.5\n", "cfg"));
        assertThat(thrown).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("testHours");
    }

    /** Builds the nested mapping; an assignment under a path already set to a value is dropped (YAML cannot hold both). */
    private static Map<String, Object> tree(List<Assignment> set, Random order, boolean shuffle) {
        Map<String, Object> root = new LinkedHashMap<>();
        for (Assignment a : set) {
            String[] parts = a.path().split("\\.");
            Map<String, Object> m = root;
            boolean ok = true;
            for (int i = 0; i < parts.length - 1 && ok; i++) {
                Object next = m.computeIfAbsent(parts[i], k -> new LinkedHashMap<String, Object>());
                if (next instanceof Map<?, ?> sub) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> s = (Map<String, Object>) sub;
                    m = s;
                } else {
                    ok = false;
                }
            }
            String leaf = parts[parts.length - 1];
            if (ok && !(m.get(leaf) instanceof Map)) {
                m.put(leaf, a.value());
            }
        }
        return shuffle ? shuffled(root, order) : root;
    }

    private static Map<String, Object> shuffled(Map<String, Object> m, Random order) {
        List<String> keys = new ArrayList<>(m.keySet());
        Collections.shuffle(keys, order);
        Map<String, Object> out = new LinkedHashMap<>();
        for (String k : keys) {
            Object v = m.get(k);
            @SuppressWarnings("unchecked")
            Object copy = v instanceof Map<?, ?> sub ? shuffled((Map<String, Object>) sub, order) : v;
            out.put(k, copy);
        }
        return out;
    }

    private static boolean placed(Map<String, Object> tree, String path) {
        Object n = tree;
        for (String p : path.split("\\.")) {
            if (!(n instanceof Map<?, ?> m) || !m.containsKey(p)) {
                return false;
            }
            n = m.get(p);
        }
        return true;
    }

    private static void collectKeys(Map<String, Object> m, List<String> out) {
        m.forEach((k, v) -> {
            out.add(k);
            if (v instanceof Map<?, ?> sub) {
                @SuppressWarnings("unchecked")
                Map<String, Object> s = (Map<String, Object>) sub;
                collectKeys(s, out);
            }
        });
    }

    private static String render(Map<String, Object> tree) {
        StringBuilder b = new StringBuilder();
        render(tree, 0, b);
        return b.toString();
    }

    private static void render(Map<String, Object> m, int indent, StringBuilder b) {
        for (Map.Entry<String, Object> e : m.entrySet()) {
            b.append("  ".repeat(indent)).append(e.getKey()).append(':');
            if (e.getValue() instanceof Map<?, ?> sub) {
                @SuppressWarnings("unchecked")
                Map<String, Object> s = (Map<String, Object>) sub;
                if (s.isEmpty()) {
                    b.append(" {}\n");
                } else {
                    b.append('\n');
                    render(s, indent + 1, b);
                }
            } else {
                b.append(' ').append(e.getValue()).append('\n');
            }
        }
    }
}
