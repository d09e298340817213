package io.tradingcore.app;

import io.tradingcore.application.config.ConfigLoader;
import io.tradingcore.application.config.RunSeed;
import io.tradingcore.domain.Asset;
import io.tradingcore.domain.HourTs;
import io.tradingcore.ports.out.ReferenceDataRepository;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Options several commands share, as picocli mixins, each with the checks that turn it into use-case input: one
 * wording, one default and one error message for {@code --assets}, {@code --from}/{@code --to} and
 * {@code --config}/{@code --seed} in backtest, sweep, paper, live and download-data.
 */
public final class RunOptions {

    private RunOptions() {
    }

    /** {@code --assets} (backtest, sweep, paper, live, download-data). */
    public static final class Assets {
        @Option(names = "--assets", required = true, paramLabel = "BTC/USDT,ETH/USDT",
                description = "Assets, comma-separated BASE/QUOTE (ingested, except for download-data).")
        public String assets;

        /** The symbols as given (upper case), each once, at least one; not checked against stored assets. */
        public List<String> symbols() {
            LinkedHashSet<String> out = new LinkedHashSet<>();
            for (String raw : io.tradingcore.application.Inputs.commaSeparated("--assets", assets)) {
                String s = raw.strip().toUpperCase(Locale.ROOT);
                if (!out.add(s)) {
                    throw new CliException(ExitCodes.USAGE, "asset " + s + " listed twice in --assets");
                }
            }
            return new ArrayList<>(out);
        }

        /** The registered (ingested) assets named. */
        public List<Asset> resolve(ReferenceDataRepository reference) {
            return CliArgs.assets(reference, assets);
        }
    }

    /** {@code --from} and {@code --to}, both required (backtest, sweep). */
    public static final class Window {
        @Option(names = "--from", required = true, paramLabel = "DATE", description = "First test hour (YYYY-MM-DD or ISO hour, UTC).")
        public String from;

        @Option(names = "--to", required = true, paramLabel = "DATE", description = "End of the test window (exclusive).")
        public String to;

        /** The first hour; checked to be before {@link #to()}. */
        public HourTs from() {
            HourTs f = CliArgs.hour("--from", from);
            HourTs t = CliArgs.hour("--to", to);
            if (!f.isBefore(t)) {
                throw new CliException(ExitCodes.USAGE, "--from " + f + " must be before --to " + t);
            }
            return f;
        }

        /** The end hour, exclusive. */
        public HourTs to() {
            return CliArgs.hour("--to", to);
        }
    }

    /** {@code --config} and {@code --seed} (backtest, sweep, paper, live). */
    public static final class ConfigAndSeed {
        @Option(names = "--config", paramLabel = "FILE", description = "YAML configuration merged over the defaults.")
        public Path config;

        @Option(names = "--seed", paramLabel = "N",
                description = "The run's one seed: recorded with every cycle; training and the simulated venue derive theirs from it"
                        + " (default: simulation.seed of --config, else 42; both given and different is refused).")
        public Integer seed;

        private RunSeed.Resolved resolved;

        /** The configuration file merged over the defaults, or the defaults, with {@code simulation.seed} the run's seed. */
        public ConfigLoader.Loaded load() {
            return resolved().config();
        }

        /** The run's seed (docs/cli.md, "One seed"). */
        public int seed() {
            return resolved().seed();
        }

        private RunSeed.Resolved resolved() {
            if (resolved == null) {
                resolved = resolve(config == null ? ConfigLoader.defaults() : ConfigLoader.load(config));
            }
            return resolved;
        }

        /** {@code --seed} against {@code loaded} (a sweep point's configuration); exit 2 when they disagree. */
        public RunSeed.Resolved resolve(ConfigLoader.Loaded loaded) {
            try {
                return RunSeed.resolve(seed, loaded);
            } catch (IllegalArgumentException e) {
                throw new CliException(ExitCodes.USAGE, e.getMessage());
            }
        }
    }

    /** What a backtest is run on: {@code --assets}, {@code --from}/{@code --to}, {@code --config}/{@code --seed} (backtest, sweep). */
    public static final class Backtest {
        @Mixin
        public Assets assets;

        @Mixin
        public Window window;

        @Mixin
        public ConfigAndSeed run;
    }
}
