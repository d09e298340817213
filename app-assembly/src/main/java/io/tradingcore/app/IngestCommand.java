package io.tradingcore.app;

import io.tradingcore.application.Persistence;
import io.tradingcore.application.Wiring;
import io.tradingcore.application.ingest.CandleCsvReader;
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
        String symbol = asset != null ? asset.toUpperCase(Locale.ROOT) : CandleCsvReader.symbolFromFileName(file)
                .orElseThrow(() -> new CliException(ExitCodes.USAGE, file + ": cannot tell the asset from the file name;"
                        + " name it BASE_QUOTE_1h.csv or pass --asset BASE/QUOTE"));
        // validate the file before anything is stored: a refused file must not leave a new asset behind
        Asset wanted = parseAsset(symbol);
        java.util.Optional<Asset> known = p.reference().assetBySymbol(wanted.symbol());
        AssetId readAs = known.map(Asset::id).orElse(wanted.id());
        try {
            CandleCsvReader.scan(file, readAs); // the whole file validated, in constant memory, before anything is stored
        } catch (CandleCsvReader.CsvFormatException e) {
            throw new CliException(ExitCodes.USAGE, e.getMessage() + " (nothing from this file was stored)", e);
        }
        Asset a = known.orElseGet(() -> p.reference().registerAsset(wanted.symbol()));
        UUID ingestRun = DeterministicIds.uuid("ingest", v, symbol, sha256(file));
        // stored a bounded chunk at a time (issue 17, item 10: a 200 MB file used to be held whole in memory); each chunk
        // commits on its own, and an interrupted ingest is finished by running it again (stored rows count as already stored)
        int[] counts = new int[3];
        List<String> conflictKeys = new ArrayList<>();
        CandleCsvReader.Summary parsed = CandleCsvReader.stream(file, a.id(), CandleCsvReader.CHUNK, chunk -> {
            IngestResult part = p.marketData().ingestCandles(v, ingestRun, chunk);
            counts[0] += part.inserted();
            counts[1] += part.identicalDuplicates();
            counts[2] += part.conflicts();
            if (conflictKeys.size() < 10) {
                conflictKeys.addAll(part.conflictKeys().subList(0, Math.min(10 - conflictKeys.size(), part.conflictKeys().size())));
            }
        });
        IngestResult r = new IngestResult(counts[0], counts[1], counts[2], conflictKeys);
        System.out.printf(Locale.ROOT, "%s %s: %d rows, %d inserted, %d already stored, %d conflicts; %d gaps (%d missing hours),"
                        + " %d zero-volume candles%n", symbol, file.getFileName(), parsed.rows(), r.inserted(),
                r.identicalDuplicates(), r.conflicts(), parsed.gapsAfter().size(), parsed.missingHours(),
                parsed.zeroVolumeCandles());
        if (r.conflicts() > 0) {
            System.err.println("conflict: " + r.conflicts() + " candle(s) of " + file.getFileName()
                    + " differ from the stored ones and were not written (market data is append-only): "
                    + String.join(", ", r.conflictKeys()) + (r.conflicts() > r.conflictKeys().size() ? ", ..." : ""));
        }
        return r.conflicts();
    }

    /** {@code symbol} as BASE/QUOTE with the codes the schema accepts (id 1 until it is registered), or a usage error. */
    /** The stored asset {@code symbol}, registered atomically (database-allocated id) when it is new. */
    static Asset resolveAsset(ReferenceDataRepository reference, String symbol) {
        Asset wanted = parseAsset(symbol);
        return reference.assetBySymbol(wanted.symbol()).orElseGet(() -> reference.registerAsset(wanted.symbol()));
    }

    static Asset parseAsset(String symbol) {
        Asset parsed;
        try {
            parsed = Asset.of(1, symbol);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.USAGE, "asset '" + symbol + "' is not BASE/QUOTE (e.g. BTC/USDT)");
        }
        if (!parsed.base().matches("[A-Z0-9]{1,20}") || !parsed.quote().matches("[A-Z0-9]{1,20}")
                || parsed.base().equals(parsed.quote())) {
            throw new CliException(ExitCodes.USAGE, "asset '" + symbol + "': BASE and QUOTE must be 1-20 letters or digits"
                    + " and differ (e.g. BTC/USDT)");
        }
        return parsed;
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
