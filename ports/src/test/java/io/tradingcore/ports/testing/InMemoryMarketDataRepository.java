package io.tradingcore.ports.testing;

import io.tradingcore.domain.AssetId;
import io.tradingcore.domain.BookSnapshot;
import io.tradingcore.domain.Candle;
import io.tradingcore.domain.HourTs;
import io.tradingcore.ports.out.IngestResult;
import io.tradingcore.ports.out.MarketDataRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/** market_ohlcv_hourly and order_book_snapshot in memory, with the port's as-of guarantees. */
public final class InMemoryMarketDataRepository implements MarketDataRepository {
    private record Series(AssetId asset, String venue) {
    }

    private final Map<Series, TreeMap<HourTs, Candle>> candles = new HashMap<>();
    private final Map<Series, TreeMap<Instant, BookSnapshot>> books = new HashMap<>();

    @Override
    public synchronized IngestResult ingestCandles(String venue, UUID ingestRunId, List<Candle> batch) {
        Map<String, Candle> seen = new HashMap<>();
        for (Candle c : batch) {
            Candle prior = seen.put(c.asset() + "@" + c.openTime(), c);
            if (prior != null && !prior.equals(c)) {
                throw new IllegalArgumentException("batch holds two different candles for " + c.asset() + "@" + c.openTime());
            }
        }
        int inserted = 0;
        int dup = 0;
        List<String> conflicts = new ArrayList<>();
        for (Candle c : seen.values()) {
            TreeMap<HourTs, Candle> s = candles.computeIfAbsent(new Series(c.asset(), venue), k -> new TreeMap<>());
            Candle stored = s.get(c.openTime());
            if (stored == null) {
                s.put(c.openTime(), c);
                inserted++;
            } else if (stored.equals(c)) {
                dup++;
            } else {
                conflicts.add(c.asset() + "@" + c.openTime());
            }
        }
        conflicts.sort(null);
        return new IngestResult(inserted, dup, conflicts.size(), conflicts);
    }

    @Override
    public synchronized IngestResult ingestBookSnapshots(UUID ingestRunId, List<BookSnapshot> batch) {
        int inserted = 0;
        int dup = 0;
        List<String> conflicts = new ArrayList<>();
        for (BookSnapshot b : batch) {
            TreeMap<Instant, BookSnapshot> s = books.computeIfAbsent(new Series(b.asset(), b.venue()), k -> new TreeMap<>());
            BookSnapshot stored = s.get(b.snapshotTs());
            if (stored == null) {
                s.put(b.snapshotTs(), b);
                inserted++;
            } else if (stored.equals(b)) {
                dup++;
            } else {
                conflicts.add(b.asset() + "@" + b.snapshotTs());
            }
        }
        return new IngestResult(inserted, dup, conflicts.size(), conflicts);
    }

    @Override
    public synchronized List<Candle> closedCandlesAsOf(AssetId asset, String venue, HourTs hour, int maxBars) {
        TreeMap<HourTs, Candle> s = candles.getOrDefault(new Series(asset, venue), new TreeMap<>());
        // closed at hour: openTime + 1h <= hour, i.e. openTime <= hour - 1h
        List<Candle> closed = new ArrayList<>(s.headMap(hour.minusHours(1), true).values());
        return List.copyOf(closed.subList(Math.max(0, closed.size() - maxBars), closed.size()));
    }

    @Override
    public synchronized Optional<BookSnapshot> latestBookAsOf(AssetId asset, String venue, HourTs hour) {
        TreeMap<Instant, BookSnapshot> s = books.getOrDefault(new Series(asset, venue), new TreeMap<>());
        return Optional.ofNullable(s.floorEntry(hour.toInstant())).map(Map.Entry::getValue);
    }

    @Override
    public synchronized List<Candle> candles(AssetId asset, String venue, HourTs fromInclusive, HourTs toExclusive) {
        TreeMap<HourTs, Candle> s = candles.getOrDefault(new Series(asset, venue), new TreeMap<>());
        return List.copyOf(s.subMap(fromInclusive, true, toExclusive, false).values());
    }

    /** Test hook: the candle of (asset, venue, openTime), if stored. */
    public synchronized Optional<Candle> candleAt(AssetId asset, String venue, HourTs openTime) {
        return Optional.ofNullable(candles.getOrDefault(new Series(asset, venue), new TreeMap<>()).get(openTime));
    }
}
