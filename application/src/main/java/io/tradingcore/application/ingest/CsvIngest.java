package io.tradingcore.application.ingest;

import io.tradingcore.application.UseCaseException;
import io.tradingcore.domain.Asset;
import io.tradingcore.domain.AssetId;
import io.tradingcore.domain.DeterministicIds;
import io.tradingcore.ports.out.IngestResult;
import io.tradingcore.ports.out.MarketDataRepository;
import io.tradingcore.ports.out.ReferenceDataRepository;
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
import java.util.Optional;
import java.util.UUID;

/**
 * The ingest use case: a CSV of hourly candles (see {@link CandleCsvReader}) into the market-data store, append-only.
 * The file is validated whole first in constant memory (a refused file stores nothing, not even a new asset), then
 * stored {@link CandleCsvReader#CHUNK} candles per transaction; running it again on the same file is a no-op, and
 * finishes an interrupted ingest. A candle that differs from the stored one is a conflict: counted, never overwritten.
 */
public final class CsvIngest {
    private static final int CONFLICT_KEYS_KEPT = 10;

    private final ReferenceDataRepository reference;
    private final MarketDataRepository marketData;

    public CsvIngest(ReferenceDataRepository reference, MarketDataRepository marketData) {
        this.reference = reference;
        this.marketData = marketData;
    }

    /**
     * What one file did: its asset, the store's counts (at most {@value #CONFLICT_KEYS_KEPT} conflict keys kept), and the
     * file's rows, gaps and zero-volume candles.
     */
    public record FileResult(Path file, Asset asset, IngestResult stored, CandleCsvReader.Summary read) {
    }

    /**
     * Ingests {@code file} as candles of {@code venue} for {@code symbol} (BASE/QUOTE), or, when {@code symbol} is null,
     * the asset its name says ({@code BTC_USDT_1h.csv} -> BTC/USDT).
     *
     * @throws UseCaseException for a file or symbol that cannot be ingested (message names the file, line and reason;
     *                          nothing from the file was stored)
     */
    public FileResult ingest(Path file, String venue, String symbol) throws IOException {
        String s = symbol != null ? symbol.toUpperCase(Locale.ROOT) : CandleCsvReader.symbolFromFileName(file)
                .orElseThrow(() -> new UseCaseException(file + ": cannot tell the asset from the file name;"
                        + " name it BASE_QUOTE_1h.csv or pass the asset (--asset BASE/QUOTE)"));
        Asset wanted = parseAsset(s);
        Optional<Asset> known = reference.assetBySymbol(wanted.symbol());
        AssetId readAs = known.map(Asset::id).orElse(wanted.id());
        try {
            CandleCsvReader.scan(file, readAs); // validated whole before anything (even a new asset) is stored
        } catch (CandleCsvReader.CsvFormatException e) {
            throw new UseCaseException(e.getMessage() + " (nothing from this file was stored)", e);
        }
        Asset a = known.orElseGet(() -> reference.registerAsset(wanted.symbol()));
        UUID ingestRun = DeterministicIds.uuid("ingest", venue, s, sha256(file));
        // a bounded chunk per transaction (issue 17, item 10: a 200 MB file used to be held whole in memory)
        int[] counts = new int[3];
        List<String> conflictKeys = new ArrayList<>();
        CandleCsvReader.Summary read = CandleCsvReader.stream(file, a.id(), CandleCsvReader.CHUNK, chunk -> {
            IngestResult part = marketData.ingestCandles(venue, ingestRun, chunk);
            counts[0] += part.inserted();
            counts[1] += part.identicalDuplicates();
            counts[2] += part.conflicts();
            int room = CONFLICT_KEYS_KEPT - conflictKeys.size();
            conflictKeys.addAll(part.conflictKeys().subList(0, Math.min(room, part.conflictKeys().size())));
        });
        return new FileResult(file, a, new IngestResult(counts[0], counts[1], counts[2], conflictKeys), read);
    }

    /** The stored asset {@code symbol}, registered atomically (database-allocated id) when it is new. */
    public static Asset resolveAsset(ReferenceDataRepository reference, String symbol) {
        Asset wanted = parseAsset(symbol);
        return reference.assetBySymbol(wanted.symbol()).orElseGet(() -> reference.registerAsset(wanted.symbol()));
    }

    /** {@code symbol} as BASE/QUOTE with the codes the schema accepts (id 1 until it is registered), or a refusal. */
    public static Asset parseAsset(String symbol) {
        Asset parsed;
        try {
            parsed = Asset.of(1, symbol);
        } catch (IllegalArgumentException e) {
            throw new UseCaseException("asset '" + symbol + "' is not BASE/QUOTE (e.g. BTC/USDT)");
        }
        if (!parsed.base().matches("[A-Z0-9]{1,20}") || !parsed.quote().matches("[A-Z0-9]{1,20}")
                || parsed.base().equals(parsed.quote())) {
            throw new UseCaseException("asset '" + symbol + "': BASE and QUOTE must be 1-20 letters or digits"
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
