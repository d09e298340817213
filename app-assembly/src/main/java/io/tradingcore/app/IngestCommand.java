package io.tradingcore.app;

import io.tradingcore.application.Persistence;
import io.tradingcore.application.Wiring;
import io.tradingcore.application.ingest.CandleCsvReader;
import io.tradingcore.application.ingest.CsvIngest;
import io.tradingcore.domain.Asset;
import io.tradingcore.domain.AssetId;
import io.tradingcore.ports.out.ReferenceDataRepository;
import io.tradingcore.domain.DeterministicIds;
import io.tradingcore.ports.out.IngestResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ingest}: loads hourly candle CSV files into market_ohlcv_hourly (append-only). */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Load hourly candles (open_time_utc,open,high,low,close,volume; .csv or .csv.gz).",
            "Each file is validated whole first: a malformed row stops that file with file, line and reason,",
            "and nothing from it is stored. Re-ingesting the same file is a no-op; a candle that differs from",
            "the stored one is a conflict: reported, never overwritten (exit 6)."})
final class IngestCommand implements Callable<Integer> {

    @Mixin
    DbOptions db;

    @Option(names = "--csv", arity = "1..*", required = true, paramLabel = "FILE", description = "Candle files.")
    List<Path> files;

    @Option(names = "--venue", defaultValue = "BINANCE", description = "Venue the candles come from (default: ${DEFAULT-VALUE}).")
    String venue;

    @Option(names = "--asset", paramLabel = "BASE/QUOTE",
            description = "Asset of the files (default: from the file name, e.g. BTC_USDT_1h.csv -> BTC/USDT).")
    String asset;

    @Override
    public Integer call() throws IOException {
        if (venue.isBlank() || !venue.matches("[A-Za-z0-9_-]{1,40}")) {
            throw new CliException(ExitCodes.USAGE, "--venue must be 1-40 letters, digits, '-' or '_', was '" + venue + "'");
        }
        String v = venue.toUpperCase(Locale.ROOT);
        try (DbOptions.OpenDatabase open = db.open(4)) {
            Persistence p = Wiring.persistence(open.dataSource(), true);
            int conflicts = 0;
            for (Path f : files) {
                conflicts += ingestFile(p, f, v);
            }
            return conflicts > 0 ? ExitCodes.DATA_CONFLICT : ExitCodes.OK;
        }
    }

    private int ingestFile(Persistence p, Path file, String v) throws IOException {
        CsvIngest.FileResult f = new CsvIngest(p.reference(), p.marketData()).ingest(file, v, asset);
        IngestResult r = f.stored();
        CandleCsvReader.Summary parsed = f.read();
        System.out.printf(Locale.ROOT, "%s %s: %d rows, %d inserted, %d already stored, %d conflicts; %d gaps (%d missing hours),"
                        + " %d zero-volume candles%n", f.asset().symbol(), file.getFileName(), parsed.rows(), r.inserted(),
                r.identicalDuplicates(), r.conflicts(), parsed.gapsAfter().size(), parsed.missingHours(),
                parsed.zeroVolumeCandles());
        if (r.conflicts() > 0) {
            System.err.println("conflict: " + r.conflicts() + " candle(s) of " + file.getFileName()
                    + " differ from the stored ones and were not written (market data is append-only): "
                    + conflictHours(f.asset().symbol(), r.conflictKeys(), r.conflicts()));
        }
        return r.conflicts();
    }

    /**
     * The conflicting candles as the user knows them, {@code BTC/USDT at 2021-01-01T01:00:00Z, ...} (at most 10 listed),
     * from the store's keys {@code assetId@hour}, whose internal asset id means nothing to the user.
     */
    static String conflictHours(String symbol, java.util.List<String> keys, long total) {
        java.util.List<String> hours = keys.stream().limit(10).map(k -> k.substring(k.indexOf('@') + 1)).toList();
        return symbol + " at " + String.join(", ", hours) + (total > hours.size() ? ", ... (" + total + " in all)" : "");
    }

    /** The stored asset {@code symbol}, registered atomically (database-allocated id) when it is new. */
    static Asset resolveAsset(ReferenceDataRepository reference, String symbol) {
        return CsvIngest.resolveAsset(reference, symbol);
    }
}
