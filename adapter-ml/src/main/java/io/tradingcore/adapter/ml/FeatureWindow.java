package io.tradingcore.adapter.ml;

import io.tradingcore.domain.Candle;
import java.util.List;

/**
 * The last window of one asset's candles and its {@link Features.Columns}. The next hour's window holds the same
 * candle instances but one: their bars and derived values are copied from the previous columns (found by identity,
 * at one shift) instead of being converted and computed again; a value is copied only if every bar it depends on
 * is the same instance, so the row equals a fresh computation bit for bit (also when a candle inside the window is
 * replaced by a corrected one). Two column buffers alternate: no allocation per hour. Not thread-safe: callers
 * hold the instance's lock while updating it and reading the columns.
 */
final class FeatureWindow {

    private static final int N = Features.LOOKBACK;

    private Candle[] candles = new Candle[N];
    private Candle[] spareCandles = new Candle[N];
    private Features.Columns columns = new Features.Columns();
    private Features.Columns spare = new Features.Columns();
    private boolean filled;
    private final boolean[] reused = new boolean[N];

    /**
     * @param window exactly {@link Features#LOOKBACK} candles (a random-access list)
     * @return the window's columns, valid until the next update
     */
    Features.Columns update(List<Candle> window) {
        if (window.size() != N) {
            throw new IllegalArgumentException("window of " + window.size() + " candles, expected " + N);
        }
        int shift = -1;
        if (filled) {
            Candle first = window.get(0);
            for (int k = 0; k < N && shift < 0; k++) {
                shift = candles[k] == first ? k : -1;
            }
        }
        Features.Columns next = spare;
        Candle[] nextCandles = spareCandles;
        for (int i = 0; i < N; i++) {
            Candle candle = window.get(i);
            int k = shift < 0 ? -1 : shift + i;
            boolean same = k >= 0 && k < N && candles[k] == candle;
            if (same) {
                next.copy(i, columns, k);
            } else {
                next.set(i, DomainBars.bar(candle));
            }
            nextCandles[i] = candle;
            reused[i] = same;
        }
        for (int i = 1; i < N; i++) {
            next.derive(i, columns, shift + i, reused);
        }
        spare = columns;
        spareCandles = candles;
        columns = next;
        candles = nextCandles;
        filled = true;
        return columns;
    }
}
