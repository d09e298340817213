package io.tradingcore.app;

import io.tradingcore.application.Persistence;
import io.tradingcore.application.Wiring;

import io.tradingcore.adapter.exchange.Exchanges;
import io.tradingcore.adapter.exchange.binance.BinanceConfig;
import io.tradingcore.adapter.postgres.PostgresAdapter;
import io.tradingcore.application.data.MarketDataDownload;
import io.tradingcore.app.live.SessionArgs;
import io.tradingcore.domain.Asset;
import io.tradingcore.domain.HourTs;
import io.tradingcore.ports.out.MarketDataCoverageRepository.Gap;
import io.tradingcore.ports.out.MarketDataUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code download-data}: Binance's public hourly klines into market_ohlcv_hourly, resumable, gaps reported. */
@Command(name = "download-data", mixinStandardHelpOptions = true,
        description = {"Download hourly candles from Binance's public klines endpoint into the database (resumable; gaps reported).",
            "Pages of 1,000 hours are stored as they arrive through the ingest path (append-only: a stored candle is",
            "never changed, one that differs is a conflict, exit 6). Running it again starts after the last stored hour."})
final class DownloadDataCommand implements Callable<Integer> {

    @Mixin
    DbOptions db;

    @Mixin
    RunOptions.Assets assets;

    @Option(names = "--from", required = true, paramLabel = "DATE", description = "First hour (YYYY-MM-DD or an ISO-8601 UTC hour).")
    String from;

    @Option(names = "--to", paramLabel = "DATE", description = "End, exclusive (default: the current hour; the open candle is never stored).")
    String to;

    @Option(names = "--binance-url", defaultValue = "https://api.binance.com", paramLabel = "URL",
            description = "Base URL of Binance's REST API (default: ${DEFAULT-VALUE}).")
    String binanceUrl;

    @Override
    public Integer call() {
        HourTs f = CliArgs.hour("--from", from);
        HourTs t = to == null ? HourTs.of(Instant.now().truncatedTo(ChronoUnit.HOURS)) : CliArgs.hour("--to", to);
        if (!f.isBefore(t)) {
            throw new CliException(ExitCodes.USAGE, "--from " + f + " must be before --to " + t);
        }
        List<String> symbols = assets.symbols();
        BinanceConfig config = BinanceConfig.builder().baseUrl(SessionArgs.url("--binance-url", binanceUrl))
                .clock(Clock.systemUTC()).build();
        try (DbOptions.OpenDatabase open = db.open(2)) {
            Persistence p = Wiring.persistence(open.dataSource(), true);
            PostgresAdapter pg = PostgresAdapter.create(open.dataSource());
            MarketDataDownload download = new MarketDataDownload(Exchanges.binanceCandleHistory(config), p.marketData(),
                    pg.marketDataCoverage());
            int conflicts = 0;
            for (String symbol : symbols) {
                Asset a = IngestCommand.resolveAsset(p.reference(), symbol);
                long started = System.nanoTime();
                MarketDataDownload.Result r;
                try {
                    r = download.download(a, f, t, (asset, last, done, total) -> {
                        double rate = done / Math.max(1e-9, (System.nanoTime() - started) / 1e9);
                        System.err.printf(Locale.ROOT, "%s: stored through %s (%d of %d hours, %.0f h/s, ETA %.0f s)%n",
                                asset.symbol(), last, done, total, rate, (total - done) / Math.max(1e-9, rate));
                    });
                } catch (MarketDataUnavailableException e) {
                    throw new CliException(ExitCodes.FAILED, e.getMessage() + "; what was stored stays, run the same command"
                            + " again to resume", e);
                }
                System.out.println(describe(r, Duration.ofNanos(System.nanoTime() - started)));
                conflicts += r.conflicts();
                if (r.conflicts() > 0) {
                    System.err.println("conflict: " + r.conflicts() + " downloaded candle(s) of " + symbol
                            + " differ from the stored ones and were not written (market data is append-only): "
                            + IngestCommand.conflictHours(symbol, r.conflictKeys(), r.conflicts()));
                }
            }
            return conflicts > 0 ? ExitCodes.DATA_CONFLICT : ExitCodes.OK;
        }
    }

    static String describe(MarketDataDownload.Result r, Duration took) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%s %s .. %s (%s)", r.asset().symbol(), r.from(), r.to(), r.venue()));
        if (!r.startedAt().isBefore(r.to())) {
            return b.append(": already stored up to ").append(r.to()).append(", nothing to download").toString();
        }
        if (r.resumed()) {
            b.append(": resumed at ").append(r.startedAt());
        }
        b.append(String.format(Locale.ROOT, ": %d pages, %d candles, %d inserted, %d already stored, %d conflicts; ",
                r.pages(), r.received(), r.inserted(), r.duplicates(), r.conflicts()));
        if (r.firstReceived().isEmpty()) {
            return b.append("the venue has no candles in this window").toString();
        }
        b.append("first ").append(r.firstReceived().get()).append(", last ").append(r.lastReceived().get());
        b.append(String.format(Locale.ROOT, "; %d gaps (%d missing hours)", r.gaps().size(), r.missingHours()));
        if (!r.gaps().isEmpty()) {
            b.append(": ").append(r.gaps().stream().limit(5).map(DownloadDataCommand::gap).collect(Collectors.joining(", ")))
                    .append(r.gaps().size() > 5 ? ", ..." : "");
        }
        return b.append(String.format(Locale.ROOT, "; %.1f s", took.toMillis() / 1000.0)).toString();
    }

    static String gap(Gap g) {
        return g.from().equals(g.to()) ? g.from().toString() : g.from() + ".." + g.to();
    }
}
