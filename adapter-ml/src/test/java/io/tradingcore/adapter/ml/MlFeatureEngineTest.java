package io.tradingcore.adapter.ml;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradingcore.domain.AssetId;
import io.tradingcore.domain.Candle;
import io.tradingcore.domain.FeatureVector;
import io.tradingcore.domain.HourTs;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The engine reuses the bars of candles it converted for the previous window (by identity): what it computes hour
 * after hour equals, value for value and bit for bit, what a fresh engine computes for each window alone, also when
 * a candle inside the window is replaced by a corrected one (another instance) and when windows of two assets alternate.
 */
class MlFeatureEngineTest {
    private static final HourTs START = HourTs.parse("2024-01-01T00:00:00Z");

    @Test
    void reusedBarsGiveTheSameFeaturesAsAFreshEngine() {
        List<Candle> btc = walk(AssetId.of(1), 400, 1);
        List<Candle> eth = walk(AssetId.of(2), 400, 2);
        MlFeatureEngine warm = new MlFeatureEngine(FeatureSet.latest());
        int lookback = warm.lookbackBars();
        for (int end = lookback; end <= 400; end++) {
            if (end == 300) {
                Candle old = btc.get(250);
                btc.set(250, Candle.of(old.asset(), old.openTime(), "100", "130", "90", "125", "7"));
            }
            for (List<Candle> series : List.of(btc, eth)) {
                List<Candle> window = List.copyOf(series.subList(end - lookback, end));
                AssetId asset = window.get(0).asset();
                HourTs hour = window.get(window.size() - 1).closeTime();
                FeatureVector a = warm.compute(asset, hour, window, Optional.empty());
                FeatureVector b = new MlFeatureEngine(FeatureSet.latest()).compute(asset, hour, window, Optional.empty());
                assertThat(a).isEqualTo(b);
            }
        }
    }

    private static List<Candle> walk(AssetId asset, int hours, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Candle> out = new ArrayList<>();
        double close = 100;
        for (int i = 0; i < hours; i++) {
            double open = close;
            close = open * Math.exp(rnd.nextGaussian() * 0.01);
            double high = Math.max(open, close) * (1 + rnd.nextDouble() * 0.005);
            double low = Math.min(open, close) * (1 - rnd.nextDouble() * 0.005);
            out.add(new Candle(asset, START.plusHours(i), bd(open), bd(high), bd(low), bd(close), bd(rnd.nextDouble() * 1000)));
        }
        return out;
    }

    private static BigDecimal bd(double v) {
        return new BigDecimal(v).setScale(8, java.math.RoundingMode.HALF_EVEN);
    }
}
