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

    /**
     * The candles and bars of the last window computed per asset (looked up by asset, never iterated): the next
     * hour's window holds the same candle instances but one, whose bars are reused instead of converted again (the
     * same {@link DomainBars#bar} values; the BigDecimal to double conversion was a tenth of the engine's time).
     */
    private final java.util.Map<AssetId, Window> lastWindow = new java.util.HashMap<>();

    private record Window(Candle[] candles, Bar[] bars) {
    }

    private List<Bar> bars(AssetId asset, List<Candle> window) {
        Candle[] candles = window.toArray(new Candle[0]);
        Bar[] bars = new Bar[candles.length];
        synchronized (lastWindow) {
            Window last = lastWindow.get(asset);
            int shift = -1;
            if (last != null && candles.length > 0) {
                for (int k = 0; k < last.candles.length && shift < 0; k++) {
                    shift = last.candles[k] == candles[0] ? k : -1;
                }
            }
            for (int i = 0; i < candles.length; i++) {
                int k = shift < 0 ? -1 : shift + i;
                bars[i] = k >= 0 && k < last.candles.length && last.candles[k] == candles[i] ? last.bars[k]
                        : DomainBars.bar(candles[i]);
            }
            lastWindow.put(asset, new Window(candles, bars));
        }
        return Arrays.asList(bars);
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
        List<Bar> bars = bars(asset, closedCandles.subList(from, closedCandles.size()));
        OptionalDouble spread = book.map(b -> OptionalDouble.of(DomainBars.toDouble(b.spreadBps())))
                .orElse(OptionalDouble.empty());
        Features.Row row = Features.compute(bars, hour.toInstant(), spread, set);
        return new FeatureVector(asset, hour, row.windowStart(), row.windowEnd(), set.names(),
                Arrays.stream(row.values()).boxed().toList());
    }
}
