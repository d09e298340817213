package io.tradingcore.adapter.ml;

import io.tradingcore.domain.AssetId;
import io.tradingcore.domain.BookSnapshot;
import io.tradingcore.domain.Candle;
import io.tradingcore.domain.FeatureVector;
import io.tradingcore.domain.HourTs;
import io.tradingcore.ports.out.FeatureEngine;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * {@link FeatureEngine} over {@link Features} for one {@link FeatureSet}: fixed names and order,
 * {@link Features#LOOKBACK} closed candles.
 */
final class MlFeatureEngine implements FeatureEngine {

    private final FeatureSet set;

    MlFeatureEngine(FeatureSet set) {
        this.set = set;
    }

    FeatureSet featureSet() {
        return set;
    }

    @Override
    public int lookbackBars() {
        return Features.LOOKBACK;
    }

    @Override
    public FeatureVector compute(AssetId asset, HourTs hour, List<Candle> closedCandles, Optional<BookSnapshot> book) {
        if (book.isPresent() && book.get().snapshotTs().isAfter(hour.toInstant())) {
            throw new IllegalArgumentException("lookahead: book snapshot at " + book.get().snapshotTs()
                    + " is after the decision hour " + hour);
        }
        for (Candle c : closedCandles) {
            if (!c.asset().equals(asset)) {
                throw new IllegalArgumentException("candle of asset " + c.asset() + " passed for asset " + asset);
            }
        }
        int from = Math.max(0, closedCandles.size() - Features.LOOKBACK);
        List<Bar> bars = DomainBars.bars(closedCandles.subList(from, closedCandles.size()));
        OptionalDouble spread = book.map(b -> OptionalDouble.of(DomainBars.toDouble(b.spreadBps())))
                .orElse(OptionalDouble.empty());
        Features.Row row = Features.compute(bars, hour.toInstant(), spread, set);
        return new FeatureVector(asset, hour, row.windowStart(), row.windowEnd(), set.names(),
                Arrays.stream(row.values()).boxed().toList());
    }
}
