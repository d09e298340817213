package io.tradingcore.ports.testing;

import io.tradingcore.domain.AssetId;
import io.tradingcore.domain.BookSnapshot;
import io.tradingcore.domain.Candle;
import io.tradingcore.domain.FeatureVector;
import io.tradingcore.domain.HourTs;
import io.tradingcore.ports.out.FeatureEngine;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Optional;

/**
 * A deterministic stand-in for the real feature engine: last-bar return, window return, window range
 * and spread. Enforces the port's no-lookahead contract.
 */
public final class SimpleFeatureEngine implements FeatureEngine {
    /** Names of the features, in order. */
    public static final List<String> NAMES = List.of("ret_1", "ret_window", "range_window", "spread_bps");
    private final int lookback;

    public SimpleFeatureEngine(int lookback) {
        if (lookback < 2) {
            throw new IllegalArgumentException("lookback must be >= 2");
        }
        this.lookback = lookback;
    }

    @Override
    public int lookbackBars() {
        return lookback;
    }

    @Override
    public FeatureVector compute(AssetId asset, HourTs hour, List<Candle> closedCandles, Optional<BookSnapshot> book) {
        if (closedCandles.size() < 2) {
            throw new IllegalArgumentException("need at least 2 candles, got " + closedCandles.size());
        }
        for (int i = 0; i < closedCandles.size(); i++) {
            Candle c = closedCandles.get(i);
            if (c.closeTime().isAfter(hour)) {
                throw new IllegalArgumentException("candle " + c.openTime() + " closes after " + hour + " (lookahead)");
            }
            if (i > 0 && !c.openTime().isAfter(closedCandles.get(i - 1).openTime())) {
                throw new IllegalArgumentException("candles must be ascending");
            }
        }
        if (book.isPresent() && book.get().snapshotTs().isAfter(hour.toInstant())) {
            throw new IllegalArgumentException("book snapshot after " + hour + " (lookahead)");
        }
        Candle first = closedCandles.get(0);
        Candle prev = closedCandles.get(closedCandles.size() - 2);
        Candle last = closedCandles.get(closedCandles.size() - 1);
        BigDecimal hi = closedCandles.stream().map(Candle::high).reduce(BigDecimal::max).orElseThrow();
        BigDecimal lo = closedCandles.stream().map(Candle::low).reduce(BigDecimal::min).orElseThrow();
        double ret1 = ratio(last.close(), prev.close());
        double retW = ratio(last.close(), first.open());
        double range = hi.subtract(lo).divide(last.close(), MathContext.DECIMAL64).doubleValue();
        double spread = book.map(b -> b.spreadBps().doubleValue()).orElse(0.0);
        return new FeatureVector(asset, hour, first.openTime().toInstant(), last.closeTime().toInstant(), NAMES,
                List.of(ret1, retW, range, spread));
    }

    private static double ratio(BigDecimal a, BigDecimal b) {
        return a.divide(b, MathContext.DECIMAL64).doubleValue() - 1.0;
    }
}
