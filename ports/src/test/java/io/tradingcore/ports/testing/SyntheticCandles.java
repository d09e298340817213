package io.tradingcore.ports.testing;

import io.tradingcore.domain.AssetId;
import io.tradingcore.domain.Candle;
import io.tradingcore.domain.HourTs;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded random-walk candles (prices at 8 decimals like the real data), for tests only. */
public final class SyntheticCandles {
    private SyntheticCandles() {
    }

    /** {@code hours} consecutive candles from {@code start}; each hour moves by up to +-{@code volatility}. */
    public static List<Candle> walk(AssetId asset, HourTs start, int hours, long seed, BigDecimal startPrice, double volatility) {
        Random rnd = new Random(seed);
        List<Candle> out = new ArrayList<>();
        BigDecimal open = startPrice.setScale(8, RoundingMode.HALF_EVEN);
        for (int i = 0; i < hours; i++) {
            double move = (rnd.nextDouble() * 2 - 1) * volatility;
            BigDecimal close = open.multiply(BigDecimal.valueOf(1 + move)).setScale(8, RoundingMode.HALF_EVEN);
            BigDecimal high = open.max(close).multiply(BigDecimal.valueOf(1 + rnd.nextDouble() * volatility / 2)).setScale(8, RoundingMode.HALF_EVEN);
            BigDecimal low = open.min(close).multiply(BigDecimal.valueOf(1 - rnd.nextDouble() * volatility / 2)).setScale(8, RoundingMode.HALF_EVEN);
            BigDecimal volume = BigDecimal.valueOf(100 + rnd.nextInt(1000));
            out.add(new Candle(asset, start.plusHours(i), open, high, low, close, volume));
            open = close;
        }
        return out;
    }

    /** Candles following the given closes exactly (open = previous close), for scripted price paths. */
    public static List<Candle> path(AssetId asset, HourTs start, BigDecimal firstOpen, List<BigDecimal> closes) {
        List<Candle> out = new ArrayList<>();
        BigDecimal open = firstOpen;
        for (int i = 0; i < closes.size(); i++) {
            BigDecimal close = closes.get(i);
            out.add(new Candle(asset, start.plusHours(i), open, open.max(close), open.min(close), close, BigDecimal.TEN));
            open = close;
        }
        return out;
    }
}
