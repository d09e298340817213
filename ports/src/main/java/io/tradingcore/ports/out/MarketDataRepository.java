package io.tradingcore.ports.out;

import io.tradingcore.domain.AssetId;
import io.tradingcore.domain.BookSnapshot;
import io.tradingcore.domain.Candle;
import io.tradingcore.domain.HourTs;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * market_ohlcv_hourly and order_book_snapshot: append-only ingest and "as of" reads that can never see
 * data later than the hour asked for.
 */
public interface MarketDataRepository {
    /**
     * Stores candles of {@code venue} in one transaction with batched inserts (or COPY). A candle whose
     * (asset, openTime, venue) is new is inserted; an identical one is counted as a duplicate; one with
     * different values is a conflict: not written, reported by key ("asset@openTime"). Existing rows are
     * never changed. The input order does not matter.
     *
     * @throws IllegalArgumentException if the batch itself holds the same key twice with different values
     */
    IngestResult ingestCandles(String venue, UUID ingestRunId, List<Candle> candles);

    /**
     * Stores book snapshots like {@link #ingestCandles}; the key is (asset, snapshotTs, venue) and the
     * hour bucket is derived from snapshotTs.
     */
    IngestResult ingestBookSnapshots(UUID ingestRunId, List<BookSnapshot> snapshots);

    /**
     * At most {@code maxBars} latest candles of {@code asset} on {@code venue} that are closed at
     * {@code hour} (closeTime = openTime + 1h &lt;= hour), ascending by openTime. Never returns a candle
     * with closeTime &gt; hour. Gaps are not filled.
     */
    List<Candle> closedCandlesAsOf(AssetId asset, String venue, HourTs hour, int maxBars);

    /** The latest snapshot of {@code asset} on {@code venue} with snapshotTs &lt;= hour, if any. */
    Optional<BookSnapshot> latestBookAsOf(AssetId asset, String venue, HourTs hour);

    /**
     * Candles with openTime in [fromInclusive, toExclusive), ascending. Not a decision read: for
     * execution simulation, reports and bulk loading only (the caller owns the lookahead question).
     */
    List<Candle> candles(AssetId asset, String venue, HourTs fromInclusive, HourTs toExclusive);
}
