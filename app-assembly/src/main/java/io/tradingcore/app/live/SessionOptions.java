package io.tradingcore.app.live;

import io.tradingcore.app.CliException;
import io.tradingcore.app.ExitCodes;
import io.tradingcore.app.RunOptions;
import io.tradingcore.application.config.ConfigLoader;
import io.tradingcore.application.live.PollingFeed;
import io.tradingcore.application.live.StopSignal;
import java.time.Clock;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Options the paper and live commands share, plus what tests replace: the wall clock, the sleeper and the
 * stop signal (a Ctrl-C hook unless one is given).
 */
public final class SessionOptions {

    @Mixin
    public RunOptions.Assets assets;

    @Mixin
    public RunOptions.ConfigAndSeed run;

    @Option(names = "--binance-url", defaultValue = "https://api.binance.com", paramLabel = "URL",
            description = "Base URL of Binance's REST API (default: ${DEFAULT-VALUE}).")
    public String binanceUrl;

    @Option(names = "--hours", defaultValue = "0", paramLabel = "N", description = "Stop after N hours (default: run until Ctrl-C).")
    public long hours;

    public Clock clock = Clock.systemUTC();
    public PollingFeed.Sleeper sleeper = d -> Thread.sleep(d.toMillis());
    public StopSignal stopSignal;

    /** The configuration file merged over the defaults (or the defaults), after checking --hours. */
    public ConfigLoader.Loaded load() {
        if (hours < 0) {
            throw new CliException(ExitCodes.USAGE, "--hours must be >= 0, was " + hours);
        }
        return run.load();
    }

    /** The given stop signal, else one set by Ctrl-C. */
    public StopSignal stop(java.io.PrintWriter err) {
        return stopSignal != null ? stopSignal : StopSignal.onShutdown(err);
    }
}
