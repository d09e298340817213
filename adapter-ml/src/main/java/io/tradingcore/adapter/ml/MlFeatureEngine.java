package io.tradingcore.adapter.ml;

import io.tradingcore.domain.AssetId;
import io.tradingcore.domain.BookSnapshot;
import io.tradingcore.domain.Candle;
import io.tradingcore.domain.FeatureVector;
import io.tradingcore.domain.HourTs;
import io.tradingcore.ports.out.FeatureEngine;
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

    /**
     * The last window computed per asset (looked up by asset, never iterated): the next hour's window holds the same
     * candle instances but one, whose bars and derived values are reused instead of converted and computed again
     * ({@link FeatureWindow}: the same values bit for bit; the BigDecimal to double conversion was a tenth of the
     * engine's time).
     */
    private final java.util.Map<AssetId, FeatureWindow> lastWindow = new java.util.HashMap<>();

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
        List<Candle> window = closedCandles.subList(from, closedCandles.size());
        OptionalDouble spread = book.map(b -> OptionalDouble.of(DomainBars.toDouble(b.spreadBps())))
                .orElse(OptionalDouble.empty());
        Features.Row row;
        if (window.size() < Features.LOOKBACK) {
            row = Features.compute(DomainBars.bars(window), hour.toInstant(), spread, set); // refuses: too few
        } else {
            FeatureWindow last;
            synchronized (lastWindow) {
                last = lastWindow.computeIfAbsent(asset, a -> new FeatureWindow());
            }
            synchronized (last) {
                row = Features.compute(last.update(window), hour.toInstant(), spread, set);
            }
        }
        double[] x = row.values();
        Double[] boxed = new Double[x.length];
        for (int i = 0; i < x.length; i++) {
            boxed[i] = x[i];
        }
        return new FeatureVector(asset, hour, row.windowStart(), row.windowEnd(), set.names(), List.of(boxed));
    }
}
