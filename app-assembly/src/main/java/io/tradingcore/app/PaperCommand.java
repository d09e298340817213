package io.tradingcore.app;

import io.tradingcore.adapter.exchange.Exchanges;
import io.tradingcore.adapter.exchange.binance.BinanceConfig;
import io.tradingcore.adapter.ml.MlModels;
import io.tradingcore.application.Persistence;
import io.tradingcore.application.Wiring;
import io.tradingcore.application.config.AppConfig;
import io.tradingcore.application.live.MarketFeed;
import io.tradingcore.application.live.PaperVenue;
import io.tradingcore.application.live.PollingFeed;
import io.tradingcore.application.live.ReplayFeed;
import io.tradingcore.application.live.SessionAccounts;
import io.tradingcore.app.live.SessionArgs;
import io.tradingcore.application.live.SessionModels;
import io.tradingcore.app.live.SessionOptions;
import io.tradingcore.application.live.StopSignal;
import io.tradingcore.application.live.TradingLoop;
import io.tradingcore.domain.AccountId;
import io.tradingcore.domain.Asset;
import io.tradingcore.domain.HourTs;
import io.tradingcore.domain.RunMode;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code paper}: the hourly cycle in PAPER mode against the simulated exchange, on live or replayed market data. */
@Command(name = "paper", mixinStandardHelpOptions = true,
        description = {"Paper trading: the hourly cycle in PAPER mode against the simulated exchange.",
            "Market data 'binance' polls Binance's public hourly klines a few",
            "seconds after each hour closes, stores the new candles and runs that hour's cycle;",
            "'replay' replays stored candles hour by hour without waiting. Ctrl-C finishes the",
            "current hour and exits 0; the same command again resumes (no hour runs twice)."})
public final class PaperCommand implements Callable<Integer> {

    /** Wait after an hour boundary before polling: Binance publishes the closed kline a moment later. */
    static final Duration SETTLE = Duration.ofSeconds(5);

    /** Market data sources. */
    enum MarketData { binance, replay }

    @Mixin
    DbOptions db;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    SessionOptions session;

    @Option(names = "--market-data", defaultValue = "binance", paramLabel = "binance|replay",
            description = "Live Binance klines or stored candles replayed (default: ${DEFAULT-VALUE}).")
    MarketData marketData;

    @Option(names = "--replay-from", paramLabel = "DATE", description = "First hour replayed (with --market-data replay).")
    String replayFrom;

    @Option(names = "--replay-to", paramLabel = "DATE", description = "End of the replay (exclusive); default: --replay-from + --hours.")
    String replayTo;

    @Option(names = "--train-if-missing",
            description = "Without active models, train once on the stored candles before the first hour (registered and activated).")
    boolean trainIfMissing;

    /** Runs {@code paper} in-process with the CLI's error handling; returns the exit code (tests, embedding). */
    public static int execute(PrintWriter out, PrintWriter err, Clock clock, PollingFeed.Sleeper sleeper, StopSignal stop,
                              String... args) {
        PaperCommand cmd = new PaperCommand();
        CommandLine cl = commandLine(cmd, out, err);
        cmd.session.clock = clock;
        cmd.session.sleeper = sleeper;
        cmd.session.stopSignal = stop;
        return cl.execute(args);
    }

    /** The CLI's handling (one-line errors, exit codes) around a command, writing to {@code out}/{@code err}. */
    static CommandLine commandLine(Object command, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(command);
        cl.setExecutionExceptionHandler(new ErrorHandler());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setOut(out);
        cl.setErr(err);
        return cl;
    }

    @Override
    public Integer call() {
        AppConfig cfg = session.load().config();
        if (marketData != MarketData.replay && (replayFrom != null || replayTo != null)) {
            throw new CliException(ExitCodes.USAGE, "--replay-from/--replay-to need --market-data replay");
        }
        ReplayFeed replay = marketData == MarketData.replay ? replayFeed() : null;
        PrintWriter out = spec.commandLine().getOut();
        try (StopSignal stop = session.stop(spec.commandLine().getErr());
             DbOptions.OpenDatabase open = db.open(4)) {
            Persistence p = Wiring.persistence(open.dataSource(), true);
            List<Asset> list = SessionArgs.sameQuote(session.assets.resolve(p.reference()));
            MarketFeed feed = replay != null ? replay : pollingFeed(p, cfg, list, out);
            String name = "paper-" + (replay != null ? "replay-" + replay.firstHour().toString().replace(":00:00Z", "")
                    .replace(":", "") + "-" : "") + SessionAccounts.assetsPart(list);
            SessionModels.Loaded models = SessionModels.activeOrTrain(p.registry(), p.marketData(), Wiring.modelTrainer(cfg),
                    cfg, list, feed.firstHour(), session.run.seed(), trainIfMissing, out);
            // registered once the session can run: a refused session leaves no account behind (issue 17, item 9)
            AccountId account = SessionAccounts.ensure(p.reference(), name, list.get(0).quote());
            // the venue holds what the account held before the first hour this session will actually run: after a
            // restart (or a kill) that is the first unfinished hour, not the start of the replay (issue 17, item 1)
            HourTs resumeAt = firstUnfinishedHour(p.runs(), account, feed.firstHour());
            PaperVenue venue = PaperVenue.rebuild(cfg, list, account, p.states(), p.execution(), p.marketData(), resumeAt);
            out.println("paper account " + account + " (" + name + "), " + marketData + " market data from " + feed.firstHour()
                    + "; models: " + models.origin());
            out.flush();
            TradingLoop.Session s = new TradingLoop.Session(p, account, RunMode.PAPER, list, cfg.trading(), session.run.seed(),
                    BuildInfo.codeVersionSha(), models.features(), models.stack(), venue, feed, h -> cfg.initialCapital());
            TradingLoop.Summary summary = new TradingLoop(s, out).run(session.hours, stop);
            out.println("paper: " + summary.describe());
            out.flush();
            return ExitCodes.OK;
        }
    }

    /** The first hour from {@code first} on that has no finished (COMPLETED or SKIPPED) PAPER run of {@code account}. */
    static HourTs firstUnfinishedHour(io.tradingcore.ports.out.RunContextRepository runs, AccountId account, HourTs first) {
        HourTs h = first;
        while (runs.find(account, RunMode.PAPER, h).map(rc -> rc.status().isFinal()).orElse(false)) {
            h = h.plusHours(1);
        }
        return h;
    }

    private ReplayFeed replayFeed() {
        if (replayFrom == null) {
            throw new CliException(ExitCodes.USAGE, "--market-data replay needs --replay-from DATE");
        }
        HourTs from = CliArgs.hour("--replay-from", replayFrom);
        if (replayTo == null && session.hours == 0) {
            // qa round 2: "--hours 0" asked for "--hours N" as if 0 were no value; 0 means "until stopped", which a
            // replay of stored candles cannot honour (it ends where the candles do)
            throw new CliException(ExitCodes.USAGE, "--market-data replay needs --replay-to DATE or --hours N with N >= 1"
                    + " (--hours 0, the default, means until stopped, and a replay has an end)");
        }
        HourTs to = replayTo != null ? CliArgs.hour("--replay-to", replayTo) : from.plusHours(session.hours);
        if (!from.isBefore(to)) {
            throw new CliException(ExitCodes.USAGE, "--replay-from " + from + " must be before --replay-to " + to);
        }
        return new ReplayFeed(from, to);
    }

    private PollingFeed pollingFeed(Persistence p, AppConfig cfg, List<Asset> list, PrintWriter out) {
        BinanceConfig bc = BinanceConfig.builder().baseUrl(SessionArgs.url("--binance-url", session.binanceUrl))
                .symbols(list.stream().map(Asset::symbol).toList()).clock(session.clock).sleeper(session.sleeper::sleep).build();
        int lookback = Math.max(cfg.trading().lookbackBars(), MlModels.featureEngine().lookbackBars()) + 24;
        int backfill = trainIfMissing ? Math.max(lookback, cfg.walkForward().trainHours() + cfg.walkForward().purgeHours() + 1)
                : lookback;
        PollingFeed feed = new PollingFeed(Exchanges.binanceMarketData(bc), p.marketData(), cfg.trading().venue(), list, session.clock,
                session.sleeper, SETTLE, backfill, out);
        // the history the models and the first cycle need, before anything is decided
        feed.collect(feed.firstHour());
        return feed;
    }
}
