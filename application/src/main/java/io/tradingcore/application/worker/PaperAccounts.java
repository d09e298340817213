package io.tradingcore.application.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.tradingcore.application.config.ConfigLoader;
import io.tradingcore.application.config.RunSeed;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The PAPER accounts a desk runs every hour, configured as a list (YAML):
 *
 * <pre>
 * accounts:
 *   - name: desk-001                 # unique; the account is registered under this name
 *     assets: [BTC/USDT, ETH/USDT]
 *     config: demo.yaml              # optional, relative to this file; default: the built-in defaults
 *     initialCapital: 50000          # optional; default: the config's initialCapital
 *     seed: 42                       # optional; default: the config's simulation.seed, else 42 (the one run seed)
 * </pre>
 *
 * Unknown keys, a missing name or assets, a duplicate name and a non-positive capital are refused naming the
 * account and the key.
 */
public final class PaperAccounts {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> KEYS = Set.of("name", "assets", "config", "initialCapital", "seed");

    /** One configured account: its configuration already loaded (canonical JSON) and its capital resolved. */
    public record Account(String name, List<String> assets, ConfigLoader.Loaded config, BigDecimal initialCapital,
                          int seed) {
        public Account {
            Objects.requireNonNull(name, "name");
            assets = List.copyOf(assets);
            Objects.requireNonNull(config, "config");
            Objects.requireNonNull(initialCapital, "initialCapital");
        }
    }

    private PaperAccounts() {
    }

    public static List<Account> load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read accounts file " + file + ": " + e.getMessage(), e);
        }
        return parse(text, file.toAbsolutePath().getParent(), file.toString());
    }

    /** Parses the list; {@code config} paths resolve against {@code baseDir}. */
    public static List<Account> parse(String yaml, Path baseDir, String source) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (IOException e) {
            throw new IllegalArgumentException(source + ": not valid YAML: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject() || !root.has("accounts") || !root.get("accounts").isArray()) {
            throw new IllegalArgumentException(source + ": expected a mapping with a list 'accounts'");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!k.equals("accounts")) {
                throw new IllegalArgumentException(source + ": unknown key '" + k + "' (only 'accounts')");
            }
        }
        List<Account> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        int i = 0;
        for (JsonNode a : root.get("accounts")) {
            String where = source + ": accounts[" + i++ + "]";
            if (!a.isObject()) {
                throw new IllegalArgumentException(where + " must be a mapping");
            }
            for (Iterator<String> it = a.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (!KEYS.contains(k)) {
                    throw new IllegalArgumentException(where + ": unknown key '" + k + "' (known: " + String.join(", ",
                            KEYS.stream().sorted().toList()) + ")");
                }
            }
            String name = a.path("name").asText("").strip();
            if (name.isEmpty()) {
                throw new IllegalArgumentException(where + ": 'name' is required");
            }
            where = source + ": account '" + name + "'";
            if (!names.add(name)) {
                throw new IllegalArgumentException(where + " is listed twice");
            }
            JsonNode assetsNode = a.path("assets");
            List<String> assets = new ArrayList<>();
            List<String> listed = new ArrayList<>();
            if (assetsNode.isArray()) {
                assetsNode.forEach(x -> listed.add(x.isValueNode() ? x.asText() : ""));
            } else if (assetsNode.isTextual() && !assetsNode.asText().isBlank()) {
                listed.addAll(List.of(assetsNode.asText().split(",", -1)));
            }
            for (int k = 0; k < listed.size(); k++) {
                // as for --assets: an empty element is a typo (a doubled or trailing comma), not an asset to skip
                if (listed.get(k).isBlank()) {
                    throw new IllegalArgumentException(where + ": 'assets' element " + (k + 1) + " of " + listed.size()
                            + " is empty (assets: " + assetsNode + ")");
                }
                assets.add(listed.get(k).strip().toUpperCase(Locale.ROOT));
            }
            if (assets.isEmpty()) {
                throw new IllegalArgumentException(where + ": 'assets' must list at least one asset (BASE/QUOTE)");
            }
            ConfigLoader.Loaded config = a.hasNonNull("config")
                    ? ConfigLoader.load(baseDir.resolve(a.get("config").asText()))
                    : ConfigLoader.defaults();
            BigDecimal capital = config.config().initialCapital();
            if (a.hasNonNull("initialCapital")) {
                try {
                    capital = new BigDecimal(a.get("initialCapital").asText());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(where + ": 'initialCapital' is not a number: " + a.get("initialCapital"));
                }
                if (capital.signum() <= 0) {
                    throw new IllegalArgumentException(where + ": 'initialCapital' must be positive, was " + capital);
                }
            }
            Integer seed = null;
            if (a.hasNonNull("seed")) {
                if (!a.get("seed").canConvertToInt()) {
                    throw new IllegalArgumentException(where + ": 'seed' must be an integer, was " + a.get("seed"));
                }
                seed = a.get("seed").asInt();
            }
            // one seed per account, as for --seed: 'seed', or the config's simulation.seed, or 42; both and different refused
            RunSeed.Resolved run;
            try {
                run = RunSeed.resolve(seed, config);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage().replace("--seed", "'seed'"), e);
            }
            out.add(new Account(name, assets, run.config(), capital, run.seed()));
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(source + ": 'accounts' is empty");
        }
        return List.copyOf(out);
    }
}
