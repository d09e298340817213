package io.tradingcore.adapter.ml;

import io.tradingcore.domain.CostModel;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/** Real Binance candles shipped with the tests (2023-2024, gzipped). */
final class TestData {

    private TestData() {
    }

    static List<Bar> bars(String asset) {
        return CandleCsv.readResource("/candles/" + asset + "_USDT_1h_2023_2024.csv.gz");
    }

    static SortedMap<String, List<Bar>> assets(String... names) {
        SortedMap<String, List<Bar>> m = new TreeMap<>();
        for (String a : names) {
            m.put(a, bars(a));
        }
        return m;
    }

    /** Small, fast models: enough to exercise every code path in seconds. */
    static TrainingConfig fastConfig(long seed) {
        return new TrainingConfig(seed, CostModel.defaults(), Duration.ofHours(24), Duration.ofHours(24),
                Duration.ofDays(120), Duration.ofDays(60), null, 0.5, 200,
                new TreeModel.Params(20, 0.2, 3, 20.0, 0.8, 0.8, 1.0, 32, 1),
                new DeepModel.Params(new int[] {16, 8}, 3, 256, 0.003, 1e-4, 0.15, 1),
                RegimeModel.Params.DEFAULT, MetaModel.Params.DEFAULT, TrainingConfig.Options.LEGACY);
    }

    static Instant t(String iso) {
        return Instant.parse(iso);
    }
}
