package io.tradingcore.ports.out;

import io.tradingcore.domain.AssetId;
import io.tradingcore.domain.BookSnapshot;
import io.tradingcore.domain.Candle;
import io.tradingcore.domain.FeatureVector;
import io.tradingcore.domain.HourTs;
import java.util.List;
import java.util.Optional;

/** Builds model inputs for one asset at one decision hour from data known at that hour. */
public interface FeatureEngine {
    /** Number of closed candles {@link #compute} wants (the caller passes at most this many, the latest). */
    int lookbackBars();

    /**
     * Computes the feature vector of {@code asset} at {@code hour}. Deterministic and pure.
     *
     * @param closedCandles ascending by openTime, every closeTime &lt;= hour
     * @param book          the latest snapshot with snapshotTs &lt;= hour, if any
     * @return a vector whose windowEnd is the close time of the last candle used (&lt;= hour)
     * @throws IllegalArgumentException if a candle has closeTime &gt; hour, a book snapshot is later than
     *                                  hour, candles are not ascending, or there are too few to compute
     */
    FeatureVector compute(AssetId asset, HourTs hour, List<Candle> closedCandles, Optional<BookSnapshot> book);
}
