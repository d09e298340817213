package io.tradingcore.adapter.postgres;

import io.tradingcore.domain.AssetId;
import io.tradingcore.domain.HourTs;
import io.tradingcore.ports.out.MarketDataCoverageRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.impl.DSL;

/**
 * Coverage of market_ohlcv_hourly by window functions over its primary key index (asset, hour, venue): a gap is
 * a row whose previous hour of the same (asset, venue) is more than one hour earlier.
 */
final class PgMarketDataCoverageRepository implements MarketDataCoverageRepository {
    private static final io.tradingcore.adapter.postgres.jooq.tables.MarketOhlcvHourly M = io.tradingcore.adapter.postgres.jooq.Tables.MARKET_OHLCV_HOURLY;
    private static final String STEPS = """
            SELECT m.asset_id, m.source_venue, m.hour_ts_utc,
                   lag(m.hour_ts_utc) OVER (PARTITION BY m.asset_id, m.source_venue ORDER BY m.hour_ts_utc) AS prev_ts
              FROM market_ohlcv_hourly m""";

    private final Db db;

    PgMarketDataCoverageRepository(Db db) {
        this.db = db;
    }

    @Override
    public List<Coverage> coverage() {
        String sql = "WITH steps AS (" + STEPS + ")"
                + " SELECT s.asset_id, a.symbol, s.source_venue, " + epoch("min(s.hour_ts_utc)") + ", " + epoch("max(s.hour_ts_utc)") + ", count(*),"
                + " count(*) FILTER (WHERE s.hour_ts_utc - s.prev_ts > interval '1 hour'),"
                + " coalesce(sum(extract(epoch FROM s.hour_ts_utc - s.prev_ts)::bigint / 3600 - 1)"
                + "   FILTER (WHERE s.hour_ts_utc - s.prev_ts > interval '1 hour'), 0)"
                + " FROM steps s JOIN asset a ON a.asset_id = s.asset_id"
                + " GROUP BY s.asset_id, a.symbol, s.source_venue ORDER BY a.symbol, s.source_venue";
        return db.read("reading market data coverage", ctx -> ctx.fetch(sql).map(r -> new Coverage(
                new AssetId(r.get(0, Short.class)), r.get(1, String.class), r.get(2, String.class),
                hour(r.get(3, Long.class)), hour(r.get(4, Long.class)), r.get(5, Long.class),
                r.get(6, Long.class), r.get(7, Long.class))));
    }

    @Override
    public Optional<HourTs> lastHour(AssetId asset, String venue) {
        return db.read("reading the last stored hour of asset " + asset, ctx -> Optional.ofNullable(ctx
                .select(DSL.max(M.HOUR_TS_UTC)).from(M).where(M.ASSET_ID.eq(asset.value()), M.SOURCE_VENUE.eq(venue))
                .fetchOne(0, Instant.class)).map(HourTs::of));
    }

    /** Gaps overlapping [fromInclusive, toExclusive), clipped to it. */
    @Override
    public List<Gap> gaps(AssetId asset, String venue, HourTs fromInclusive, HourTs toExclusive) {
        String sql = "WITH steps AS (" + STEPS + " WHERE m.asset_id = ? AND m.source_venue = ?)"
                + " SELECT " + epoch("greatest(prev_ts + interval '1 hour', ?::timestamptz)") + ", "
                + epoch("least(hour_ts_utc - interval '1 hour', ?::timestamptz)") + " FROM steps"
                + " WHERE hour_ts_utc - prev_ts > interval '1 hour' AND hour_ts_utc > ?::timestamptz"
                + " AND prev_ts + interval '1 hour' < ?::timestamptz"
                + " ORDER BY hour_ts_utc";
        Instant from = fromInclusive.toInstant();
        Instant to = toExclusive.toInstant();
        return db.read("reading the gaps of asset " + asset, ctx -> ctx.fetch(sql, asset.value(), venue, from,
                        to.minusSeconds(3600), from, to)
                .map(r -> new Gap(hour(r.get(0, Long.class)), hour(r.get(1, Long.class)))));
    }

    /** Plain SQL reads instants as epoch seconds: no driver or session time zone in between. */
    static String epoch(String timestampExpression) {
        return "extract(epoch FROM " + timestampExpression + ")::bigint";
    }

    static HourTs hour(long epochSeconds) {
        return HourTs.of(Instant.ofEpochSecond(epochSeconds));
    }
}
