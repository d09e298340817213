package io.tradingcore.app;

import io.tradingcore.adapter.exchange.BinanceGateway;
import io.tradingcore.adapter.exchange.Exchanges;
import io.tradingcore.adapter.exchange.binance.BinanceConfig;
import io.tradingcore.adapter.exchange.binance.BinanceCredentials;
import io.tradingcore.adapter.ml.MlModels;
import io.tradingcore.application.Persistence;
import io.tradingcore.application.Wiring;
import io.tradingcore.application.config.AppConfig;
import io.tradingcore.application.live.LiveReconciliation;
import io.tradingcore.application.live.PollingFeed;
import io.tradingcore.application.live.SessionAccounts;
import io.tradingcore.app.live.SessionArgs;
import io.tradingcore.application.live.SessionModels;
import io.tradingcore.app.live.SessionOptions;
import io.tradingcore.application.live.SessionVenue;
import io.tradingcore.application.live.StopSignal;
import io.tradingcore.application.live.TradingLoop;
import io.tradingcore.domain.AccountId;
import io.tradingcore.domain.Asset;
import io.tradingcore.domain.RunMode;
import io.tradingcore.ports.out.ModelStack;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code live}: the hourly cycle in LIVE mode against Binance spot, only with an explicit flag and API keys. */
@Command(name = "live", mixinStandardHelpOptions = true,
        description = {"LIVE trading on Binance spot: REAL orders with REAL money, the same hourly cycle as paper.",
            "Refused without --i-understand-live-trading and without API credentials",
            "($BINANCE_API_KEY and $BINANCE_API_SECRET, or --api-key-file). Orders are rounded to the",
            "symbols' exchangeInfo filters. Start-up reconciliation prints what the venue holds that we",
            "do not know and records it as risk events. Ctrl-C finishes the current hour and exits 0.",
            "See docs/paper-live.md."})
public final class LiveCommand implements Callable<Integer> {

    static final String FLAG = "--i-understand-live-trading";

    @Mixin
    DbOptions db;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    SessionOptions session;

    @Option(names = FLAG, description = "Required: confirms that real orders will be placed with real money.")
    boolean understood;

    @Option(names = "--api-key-file", paramLabel = "FILE",
            description = "Properties file with apiKey=... and apiSecret=... (default: $BINANCE_API_KEY / $BINANCE_API_SECRET).")
    Path apiKeyFile;

    /** The environment the credentials are read from: replaced by tests. */
    Map<String, String> env = System.getenv();

    /** Applied to the loaded model stack: identity, except in tests. */
    UnaryOperator<ModelStack> modelDecorator = UnaryOperator.identity();

    /** Runs {@code live} in-process with the CLI's error handling and the given environment; returns the exit code. */
    public static int execute(PrintWriter out, PrintWriter err, Map<String, String> env, String... args) {
        return execute(out, err, env, java.time.Clock.systemUTC(), d -> Thread.sleep(d.toMillis()), null, args);
    }

    /** As {@link #execute(PrintWriter, PrintWriter, Map, String...)} with the clock, sleeper and stop signal given. */
    public static int execute(PrintWriter out, PrintWriter err, Map<String, String> env, java.time.Clock clock,
                              PollingFeed.Sleeper sleeper, StopSignal stop, String... args) {
        return execute(out, err, env, clock, sleeper, stop, UnaryOperator.identity(), args);
    }

    /**
     * As {@link #execute(PrintWriter, PrintWriter, Map, java.time.Clock, PollingFeed.Sleeper, StopSignal, String...)},
     * deciding with {@code models} applied to the loaded model stack (tests make it predict what they need).
     */
    public static int execute(PrintWriter out, PrintWriter err, Map<String, String> env, java.time.Clock clock,
                              PollingFeed.Sleeper sleeper, StopSignal stop, UnaryOperator<ModelStack> models, String... args) {
        LiveCommand cmd = new LiveCommand();
        CommandLine cl = PaperCommand.commandLine(cmd, out, err);
        cmd.env = Map.copyOf(env);
        cmd.session.clock = clock;
        cmd.session.sleeper = sleeper;
        cmd.session.stopSignal = stop;
        cmd.modelDecorator = models;
        return cl.execute(args);
    }

    @Override
    public Integer call() {
        if (!understood) {
            throw new CliException(ExitCodes.USAGE, "live trading places real orders with real money: refused without " + FLAG);
        }
        BinanceCredentials credentials = credentials();
        AppConfig cfg = session.load().config();
        PrintWriter out = spec.commandLine().getOut();
        try (StopSignal stop = session.stop(spec.commandLine().getErr());
             DbOptions.OpenDatabase open = db.open(4)) {
            Persistence p = Wiring.persistence(open.dataSource(), true);
            List<Asset> list = SessionArgs.sameQuote(session.assets.resolve(p.reference()));
            String quote = list.get(0).quote();
            BinanceConfig bc = BinanceConfig.builder().baseUrl(SessionArgs.url("--binance-url", session.binanceUrl)).credentials(credentials)
                    .symbols(list.stream().map(Asset::symbol).toList()).clock(session.clock).sleeper(session.sleeper::sleep).build();
            int lookback = Math.max(cfg.trading().lookbackBars(), MlModels.featureEngine().lookbackBars()) + 24;
            PollingFeed feed = new PollingFeed(Exchanges.binanceMarketData(bc), p.marketData(), cfg.trading().venue(), list, session.clock,
                    session.sleeper, PaperCommand.SETTLE, lookback, out);
            String name = "live-" + SessionAccounts.assetsPart(list);
            SessionModels.Loaded models = SessionModels.activeOrTrain(p.registry(), p.marketData(), Wiring.modelTrainer(cfg),
                    cfg, list, feed.firstHour(), session.run.seed(), false, out);
            BinanceGateway binance = Exchanges.binance(bc);
            binance.loadSymbolRules().forEach(r -> out.println("trading rules of " + r.symbol() + ": tick " + r.tickSize().toPlainString()
                    + ", step " + r.stepSize().toPlainString() + ", minQty " + r.minQty().toPlainString() + ", minNotional "
                    + r.minNotional().toPlainString()));
            // registered once the models and the venue answered: a refused session leaves no account behind (issue 17, item 9)
            AccountId account = SessionAccounts.ensure(p.reference(), name, quote);
            LiveReconciliation.Result rec = LiveReconciliation.run(Wiring.tradingSessions(open.dataSource()), p.execution(), binance, account, list,
                    session.clock.instant());
            rec.findings().forEach(f -> out.println("warning: reconciliation: " + f.line()));
            rec.notes().forEach(n -> out.println("reconciliation: " + n));
            out.println("LIVE account " + account + " (" + name + ") on " + bc.baseUrl() + ", first hour " + feed.firstHour()
                    + ", reconciliation: " + (rec.findings().isEmpty() ? "clean" : rec.findings().size() + " finding(s)")
                    + "; models: " + models.origin());
            out.flush();
            TradingLoop.Session s = new TradingLoop.Session(p, account, RunMode.LIVE, list, cfg.trading(), session.run.seed(),
                    BuildInfo.codeVersionSha(), models.features(), modelDecorator.apply(models.stack()), SessionVenue.real(binance), feed,
                    h -> firstDeposit(p, account, binance, quote, h));
            List<LiveReconciliation.Finding> unrecorded = new ArrayList<>(rec.findings());
            TradingLoop.Summary summary = new TradingLoop(s, out).run(session.hours, stop, (h, report) -> {
                // the findings become risk events of the first hour run, whose run_context now exists
                if (!unrecorded.isEmpty()) {
                    LiveReconciliation.record(p, account, h, report, unrecorded);
                    unrecorded.clear();
                }
            });
            out.println("live: " + summary.describe());
            out.flush();
            return ExitCodes.OK;
        }
    }

    private BinanceCredentials credentials() {
        if (apiKeyFile != null) {
            try {
                return BinanceCredentials.fromFile(apiKeyFile);
            } catch (IOException e) {
                throw new CliException(ExitCodes.USAGE, "cannot read --api-key-file " + apiKeyFile + ": " + e.getMessage(), e);
            } catch (IllegalArgumentException e) {
                throw new CliException(ExitCodes.USAGE, e.getMessage(), e);
            }
        }
        try {
            return BinanceCredentials.fromEnvironment(env).orElseThrow(() -> new CliException(ExitCodes.USAGE,
                    "live trading needs Binance API credentials: set " + BinanceCredentials.ENV_KEY + " and "
                            + BinanceCredentials.ENV_SECRET + " or pass --api-key-file FILE"));
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.USAGE, e.getMessage(), e); // names the variable, never its value
        }
    }

    /**
     * The account's first LIVE cycle books the venue's free quote balance as its opening deposit (the ledger then
     * matches the venue); later cycles deposit nothing.
     */
    private static BigDecimal firstDeposit(Persistence p, AccountId account, BinanceGateway binance, String quote,
                                           io.tradingcore.domain.HourTs hour) {
        if (p.states().latestBefore(account, RunMode.LIVE, hour).isPresent() || !p.execution().ledger(account, RunMode.LIVE).isEmpty()) {
            return BigDecimal.ZERO;
        }
        return binance.balances().getOrDefault(quote, BigDecimal.ZERO);
    }
}
