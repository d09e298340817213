package io.tradingcore.application.backtest;

import io.tradingcore.domain.AssetId;
import io.tradingcore.domain.BookSnapshot;
import io.tradingcore.domain.Candle;
import io.tradingcore.domain.HourTs;
import io.tradingcore.ports.out.IngestResult;
import io.tradingcore.ports.out.MarketDataRepository;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The decision reads of a backtest answered from the candles it already loaded, instead of one database
 * query per asset and hour. Answers are exactly the store's: a question the loaded window cannot answer
 * for sure (candles older than the window, hours past it, another venue, any book that exists) goes to
 * the store. Writes go to the store.
 */
final class PreloadedMarketData implements MarketDataRepository {
    private final MarketDataRepository store;
    private final String venue;
    private final HourTs loadedTo;
    private final SortedMap<AssetId, List<Candle>> candles;
    private final Map<AssetId, Boolean> anyBook = new TreeMap<>();

    /** {@code candles}: per asset, every stored candle of {@code venue} with openTime in [any, loadedTo), ascending. */
    PreloadedMarketData(MarketDataRepository store, String venue, HourTs loadedTo, SortedMap<AssetId, List<Candle>> candles) {
        this.store = Objects.requireNonNull(store, "store");
        this.venue = Objects.requireNonNull(venue, "venue");
        this.loadedTo = Objects.requireNonNull(loadedTo, "loadedTo");
        this.candles = new TreeMap<>(candles);
    }

    @Override
    public List<Candle> closedCandlesAsOf(AssetId asset, String venue, HourTs hour, int maxBars) {
        List<Candle> all = candles.get(asset);
        if (all == null || !this.venue.equals(venue) || hour.isAfter(loadedTo) || maxBars < 0) {
            return store.closedCandlesAsOf(asset, venue, hour, maxBars);
        }
        int end = firstOpenAtOrAfter(all, hour); // closed at hour: openTime + 1h <= hour
        if (end < maxBars) {
            // fewer loaded candles than asked for: older ones may exist before the loaded window
            return store.closedCandlesAsOf(asset, venue, hour, maxBars);
        }
        return List.copyOf(all.subList(end - maxBars, end));
    }

    @Override
    public Optional<BookSnapshot> latestBookAsOf(AssetId asset, String venue, HourTs hour) {
        if (!this.venue.equals(venue) || hour.isAfter(loadedTo)) {
            return store.latestBookAsOf(asset, venue, hour);
        }
        // no book at or before the window's end means none at any earlier hour either (one query per asset)
        boolean any = anyBook.computeIfAbsent(asset, a -> store.latestBookAsOf(a, venue, loadedTo).isPresent());
        return any ? store.latestBookAsOf(asset, venue, hour) : Optional.empty();
    }

    private static int firstOpenAtOrAfter(List<Candle> sorted, HourTs hour) {
        int lo = 0;
        int hi = sorted.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted.get(mid).openTime().isBefore(hour)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    @Override
    public IngestResult ingestCandles(String venue, UUID ingestRunId, List<Candle> candles) {
        return store.ingestCandles(venue, ingestRunId, candles);
    }

    @Override
    public IngestResult ingestBookSnapshots(UUID ingestRunId, List<BookSnapshot> snapshots) {
        return store.ingestBookSnapshots(ingestRunId, snapshots);
    }

    @Override
    public List<Candle> candles(AssetId asset, String venue, HourTs fromInclusive, HourTs toExclusive) {
        return store.candles(asset, venue, fromInclusive, toExclusive);
    }
}
