package io.tradingcore.adapter.postgres;

import static io.tradingcore.adapter.postgres.jooq.Tables.MARKET_OHLCV_HOURLY;
import static io.tradingcore.adapter.postgres.jooq.Tables.ORDER_BOOK_SNAPSHOT;

import io.tradingcore.adapter.postgres.jooq.tables.MarketOhlcvHourly;
import io.tradingcore.adapter.postgres.jooq.tables.OrderBookSnapshot;
import io.tradingcore.adapter.postgres.jooq.tables.records.MarketOhlcvHourlyRecord;
import io.tradingcore.adapter.postgres.jooq.tables.records.OrderBookSnapshotRecord;
import io.tradingcore.domain.AssetId;
import io.tradingcore.domain.BookSnapshot;
import io.tradingcore.domain.Candle;
import io.tradingcore.domain.HourTs;
import io.tradingcore.ports.out.IngestResult;
import io.tradingcore.ports.out.MarketDataRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.DSLContext;

/** market_ohlcv_hourly and order_book_snapshot: COPY-based append-only ingest and "as of" reads. */
final class PgMarketDataRepository implements MarketDataRepository {
    private static final MarketOhlcvHourly M = MARKET_OHLCV_HOURLY;
    private static final OrderBookSnapshot B = ORDER_BOOK_SNAPSHOT;

    private final Db db;
    private final CopyIngest<VenueCandle> candleCopy;
    private final CopyIngest<RunBook> bookCopy;

    private record VenueCandle(String venue, UUID ingestRunId, Candle c) {
    }

    private record RunBook(UUID ingestRunId, BookSnapshot b) {
    }

    PgMarketDataRepository(Db db) {
        this.db = db;
        this.candleCopy = new CopyIngest<>(M,
                List.of(M.ASSET_ID, M.HOUR_TS_UTC, M.SOURCE_VENUE, M.OPEN_PRICE, M.HIGH_PRICE, M.LOW_PRICE,
                        M.CLOSE_PRICE, M.VOLUME, M.INGEST_RUN_ID),
                List.of(M.ASSET_ID, M.HOUR_TS_UTC, M.SOURCE_VENUE),
                List.of(M.OPEN_PRICE, M.HIGH_PRICE, M.LOW_PRICE, M.CLOSE_PRICE, M.VOLUME),
                (v, row) -> row.add(v.c.asset().value()).add(v.c.openTime().toInstant()).add(v.venue)
                        .add(v.c.open()).add(v.c.high()).add(v.c.low()).add(v.c.close()).add(v.c.volume())
                        .add(v.ingestRunId),
                r -> r.get(M.ASSET_ID) + "@" + r.get(M.HOUR_TS_UTC));
        this.bookCopy = new CopyIngest<>(B,
                List.of(B.ASSET_ID, B.SNAPSHOT_TS_UTC, B.HOUR_TS_UTC, B.BEST_BID_PRICE, B.BEST_ASK_PRICE,
                        B.BEST_BID_SIZE, B.BEST_ASK_SIZE, B.SOURCE_VENUE, B.INGEST_RUN_ID),
                List.of(B.ASSET_ID, B.SNAPSHOT_TS_UTC, B.SOURCE_VENUE),
                List.of(B.BEST_BID_PRICE, B.BEST_ASK_PRICE, B.BEST_BID_SIZE, B.BEST_ASK_SIZE),
                (v, row) -> row.add(v.b.asset().value()).add(Conv.ts(v.b.snapshotTs())).add(v.b.hour().toInstant())
                        .add(v.b.bestBid()).add(v.b.bestAsk()).add(v.b.bidSize()).add(v.b.askSize())
                        .add(v.b.venue()).add(v.ingestRunId),
                r -> r.get(B.ASSET_ID) + "@" + r.get(B.SNAPSHOT_TS_UTC));
    }

    @Override
    public IngestResult ingestCandles(String venue, UUID ingestRunId, List<Candle> candles) {
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(ingestRunId, "ingestRunId");
        if (venue.isBlank()) {
            throw new IllegalArgumentException("venue must not be blank");
        }
        List<VenueCandle> rows = new ArrayList<>(candles.size());
        int dup = dedupe(candles, c -> c.asset() + "@" + c.openTime(), c -> rows.add(new VenueCandle(venue, ingestRunId, c)));
        if (rows.isEmpty()) {
            return new IngestResult(0, dup, 0, List.of());
        }
        return db.tx("ingesting " + rows.size() + " candles of " + venue, tx -> {
            TreeSet<Short> assets = new TreeSet<>();
            Instant from = Instant.MAX;
            Instant to = Instant.MIN;
            for (VenueCandle v : rows) {
                assets.add(v.c.asset().value());
                Instant t = v.c.openTime().toInstant();
                from = t.isBefore(from) ? t : from;
                to = t.isAfter(to) ? t : to;
            }
            boolean mayCollide = exists(tx, M.SOURCE_VENUE.eq(venue).and(M.ASSET_ID.in(assets))
                    .and(M.HOUR_TS_UTC.between(from, to)), M);
            return candleCopy.ingest(tx, rows, mayCollide, dup);
        });
    }

    @Override
    public IngestResult ingestBookSnapshots(UUID ingestRunId, List<BookSnapshot> snapshots) {
        Objects.requireNonNull(ingestRunId, "ingestRunId");
        List<RunBook> rows = new ArrayList<>(snapshots.size());
        int dup = dedupe(snapshots, b -> b.asset() + "@" + Conv.ts(b.snapshotTs()) + "@" + b.venue(),
                b -> rows.add(new RunBook(ingestRunId, b)));
        if (rows.isEmpty()) {
            return new IngestResult(0, dup, 0, List.of());
        }
        return db.tx("ingesting " + rows.size() + " book snapshots", tx -> {
            TreeSet<Short> assets = new TreeSet<>();
            TreeSet<String> venues = new TreeSet<>();
            Instant from = Instant.MAX;
            Instant to = Instant.MIN;
            for (RunBook v : rows) {
                assets.add(v.b.asset().value());
                venues.add(v.b.venue());
                Instant t = Conv.ts(v.b.snapshotTs());
                from = t.isBefore(from) ? t : from;
                to = t.isAfter(to) ? t : to;
            }
            boolean mayCollide = exists(tx, B.SOURCE_VENUE.in(venues).and(B.ASSET_ID.in(assets))
                    .and(B.SNAPSHOT_TS_UTC.between(from, to)), B);
            return bookCopy.ingest(tx, rows, mayCollide, dup);
        });
    }

    @Override
    public List<Candle> closedCandlesAsOf(AssetId asset, String venue, HourTs hour, int maxBars) {
        if (maxBars < 0) {
            throw new IllegalArgumentException("maxBars must be >= 0, was " + maxBars);
        }
        // a candle is known at its close: openTime + 1h <= hour
        Instant lastOpen = hour.minusHours(1).toInstant();
        List<Candle> latestFirst = db.read("reading candles of asset " + asset + " as of " + hour,
                ctx -> ctx.selectFrom(M).where(M.ASSET_ID.eq(asset.value()), M.SOURCE_VENUE.eq(venue),
                                M.HOUR_TS_UTC.le(lastOpen))
                        .orderBy(M.HOUR_TS_UTC.desc()).limit(maxBars).fetch(PgMarketDataRepository::candle));
        List<Candle> ascending = new ArrayList<>(latestFirst);
        Collections.reverse(ascending);
        return List.copyOf(ascending);
    }

    @Override
    public Optional<BookSnapshot> latestBookAsOf(AssetId asset, String venue, HourTs hour) {
        return db.read("reading the book of asset " + asset + " as of " + hour,
                ctx -> ctx.selectFrom(B).where(B.ASSET_ID.eq(asset.value()), B.SOURCE_VENUE.eq(venue),
                                B.SNAPSHOT_TS_UTC.le(hour.toInstant()))
                        .orderBy(B.SNAPSHOT_TS_UTC.desc()).limit(1).fetchOptional(PgMarketDataRepository::book));
    }

    @Override
    public List<Candle> candles(AssetId asset, String venue, HourTs fromInclusive, HourTs toExclusive) {
        return db.read("reading candles of asset " + asset,
                ctx -> ctx.selectFrom(M).where(M.ASSET_ID.eq(asset.value()), M.SOURCE_VENUE.eq(venue),
                                M.HOUR_TS_UTC.ge(fromInclusive.toInstant()), M.HOUR_TS_UTC.lt(toExclusive.toInstant()))
                        .orderBy(M.HOUR_TS_UTC).fetch(PgMarketDataRepository::candle));
    }

    private static boolean exists(DSLContext tx, Condition c, org.jooq.Table<?> t) {
        return tx.fetchExists(tx.selectOne().from(t).where(c));
    }

    /** Drops in-batch repeats; refuses the batch if one key carries two different rows. */
    private static <T> int dedupe(List<T> batch, Function<T, String> key, java.util.function.Consumer<T> keep) {
        Map<String, T> seen = new HashMap<>(batch.size() * 2);
        int dup = 0;
        for (T t : batch) {
            T prior = seen.putIfAbsent(key.apply(t), t);
            if (prior == null) {
                keep.accept(t);
            } else if (prior.equals(t)) {
                dup++;
            } else {
                throw new IllegalArgumentException("the batch holds two different rows for " + key.apply(t));
            }
        }
        return dup;
    }

    private static Candle candle(MarketOhlcvHourlyRecord r) {
        return new Candle(new AssetId(r.getAssetId()), Conv.hour(r.getHourTsUtc()), r.getOpenPrice(), r.getHighPrice(),
                r.getLowPrice(), r.getClosePrice(), r.getVolume());
    }

    private static BookSnapshot book(OrderBookSnapshotRecord r) {
        return new BookSnapshot(new AssetId(r.getAssetId()), r.getSnapshotTsUtc(), r.getBestBidPrice(),
                r.getBestAskPrice(), r.getBestBidSize(), r.getBestAskSize(), r.getSourceVenue());
    }
}
