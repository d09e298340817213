package io.tradingcore.adapter.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradingcore.domain.AssetId;
import io.tradingcore.domain.Candle;
import io.tradingcore.domain.FeatureVector;
import io.tradingcore.domain.HourTs;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Feature sets 1 and 2 are stored and feed training: the primitive computation ({@link Features}, {@link Indicators},
 * the engine's reused {@link FeatureWindow}) must give exactly the rows the ta4j-based definition
 * ({@link Ta4jFeatures}, the code before) gives, bit for bit, on every hour of real data and on edge cases.
 */
class FeaturesReferenceTest {

    @Test
    void everyHourOfTheShippedRealDataIsBitIdenticalToTheTa4jDefinition() {
        long rows = 0;
        for (String asset : List.of("BTC", "ETH", "SOL", "DOGE")) {
            rows += compareEveryHour(asset, TestData.bars(asset), 1);
        }
        assertThat(rows).isGreaterThan(60_000);
    }

    @Test
    void everyFifthHourOfTheFullSharedDataIsBitIdenticalToTheTa4jDefinition() {
        Path dir = Path.of("/work/shared/data");
        Assumptions.assumeTrue(Files.isRegularFile(dir.resolve("BTC_USDT_1h.csv")), "no shared data at " + dir);
        long rows = 0;
        for (String asset : List.of("BTC", "ETH", "SOL", "DOGE", "SHIB")) {
            rows += compareEveryHour(asset, CandleCsv.read(dir.resolve(asset + "_USDT_1h.csv")), 5);
        }
        assertThat(rows).isGreaterThan(40_000);
    }

    /** Every {@code stride}-th hour of the series (1: each one). */
    private static long compareEveryHour(String asset, List<Bar> bars, int stride) {
        long rows = 0;
        for (int i = Features.LOOKBACK; i <= bars.size(); i += stride) {
            List<Bar> closed = bars.subList(0, i);
            Instant hour = bars.get(i - 1).closeTime().plusSeconds(3600L * (i % 3)); // also stale windows
            OptionalDouble spread = i % 2 == 0 ? OptionalDouble.empty() : OptionalDouble.of(i % 17 / 3.0);
            assertSameRow(asset + " " + hour, Ta4jFeatures.compute(closed, hour, spread, FeatureSet.V2),
                    Features.compute(closed, hour, spread, FeatureSet.V2));
            rows++;
        }
        List<Bar> closed = bars.subList(0, Features.LOOKBACK + 50);
        Instant hour = closed.get(closed.size() - 1).closeTime();
        assertSameRow(asset + " V1", Ta4jFeatures.compute(closed, hour, OptionalDouble.empty(), FeatureSet.V1),
                Features.compute(closed, hour, OptionalDouble.empty(), FeatureSet.V1));
        return rows;
    }

    @Test
    void theEngineHourAfterHourOnRealCandlesEqualsTheTa4jDefinitionAlsoAfterJumpsAndCorrections() {
        List<Bar> bars = TestData.bars("ETH").subList(0, 6_000);
        AssetId asset = AssetId.of(2);
        List<Candle> candles = new ArrayList<>();
        for (Bar b : bars) {
            candles.add(candle(asset, b));
        }
        MlFeatureEngine engine = new MlFeatureEngine(FeatureSet.V2);
        SplittableRandom rnd = new SplittableRandom(11);
        int end = Features.LOOKBACK;
        int compared = 0;
        while (end <= candles.size()) {
            if (rnd.nextInt(40) == 0) {
                // a corrected candle (another instance, other values) inside the window
                int at = end - 1 - rnd.nextInt(Features.LOOKBACK);
                Bar b = bars.get(at);
                candles.set(at, Candle.of(asset, HourTs.of(b.openTime()), "" + b.open(), "" + (b.high() * 1.01),
                        "" + b.low(), "" + (b.close() * 1.003), "" + (b.volume() + 1)));
            }
            List<Candle> window = candles.subList(end - Features.LOOKBACK, end);
            HourTs hour = window.get(window.size() - 1).closeTime();
            FeatureVector v = engine.compute(asset, hour, window, Optional.empty());
            Features.Row ref = Ta4jFeatures.compute(DomainBars.bars(window), hour.toInstant(), OptionalDouble.empty(),
                    FeatureSet.V2);
            assertThat(v.windowStart()).isEqualTo(ref.windowStart());
            assertThat(v.windowEnd()).isEqualTo(ref.windowEnd());
            for (int i = 0; i < ref.values().length; i++) {
                assertThat(Double.doubleToRawLongBits(v.values().get(i)))
                        .as("%s at %s", v.names().get(i), hour).isEqualTo(Double.doubleToRawLongBits(ref.values()[i]));
            }
            compared++;
            // mostly the next hour, sometimes a jump forward (shift > 1), back, or far away (nothing shared)
            int r = rnd.nextInt(30);
            end += r == 0 ? 5 : r == 1 ? -3 : r == 2 ? 100 : 1;
            end = Math.max(end, Features.LOOKBACK);
        }
        assertThat(compared).isGreaterThan(1_000);
    }

    @Test
    void flatRisingFallingAndTiedWindowsAreBitIdenticalToTheTa4jDefinition() {
        Instant t0 = Instant.parse("2024-01-01T00:00:00Z");
        SplittableRandom rnd = new SplittableRandom(5);
        for (int kind = 0; kind < 6; kind++) {
            for (int rep = 0; rep < 20; rep++) {
                List<Bar> w = new ArrayList<>();
                double close = 100;
                for (int i = 0; i < 220; i++) {
                    double next = switch (kind) {
                        case 0 -> 100; // flat: no gains, no losses
                        case 1 -> close * 1.001; // only gains
                        case 2 -> close / 1.001; // only losses
                        case 3 -> rnd.nextBoolean() ? close : 100 + rnd.nextInt(3); // many ties
                        case 4 -> i < 200 ? 100 : close * (1 + rnd.nextGaussian() * 0.01); // flat then moving
                        default -> close * Math.exp(rnd.nextGaussian() * 0.05);
                    };
                    double high = Math.max(close, next) * (kind == 0 ? 1 : 1 + rnd.nextDouble() * 0.002);
                    double low = Math.min(close, next) * (kind == 0 ? 1 : 1 - rnd.nextDouble() * 0.002);
                    w.add(new Bar(t0.plusSeconds(3600L * i), close, high, low, next, kind == 0 ? 0 : rnd.nextDouble() * 50));
                    close = next;
                }
                Instant hour = w.get(w.size() - 1).closeTime();
                assertSameRow("kind " + kind, Ta4jFeatures.compute(w, hour, OptionalDouble.empty(), FeatureSet.V2),
                        Features.compute(w, hour, OptionalDouble.empty(), FeatureSet.V2));
            }
        }
    }

    @Test
    void refusesWhatTheTa4jDefinitionRefusesWithTheSameMessage() {
        List<Bar> bars = TestData.bars("BTC").subList(0, 300);
        Instant hour = bars.get(250).openTime();
        List<Bar> unordered = new ArrayList<>(bars.subList(0, 250));
        unordered.set(200, unordered.get(199));
        for (List<Bar> input : List.of(bars.subList(0, 251), unordered, bars.subList(0, 100))) {
            Throwable expected = org.assertj.core.api.Assertions.catchThrowable(
                    () -> Ta4jFeatures.compute(input, hour, OptionalDouble.empty(), FeatureSet.V2));
            assertThat(expected).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> Features.compute(input, hour, OptionalDouble.empty(), FeatureSet.V2))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage(expected.getMessage());
        }
        Instant offHour = hour.plusSeconds(60);
        assertThatThrownBy(() -> Features.compute(bars.subList(0, 250), offHour, OptionalDouble.empty(), FeatureSet.V2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hour aligned");
    }

    private static void assertSameRow(String what, Features.Row expected, Features.Row actual) {
        assertThat(actual.windowStart()).as(what).isEqualTo(expected.windowStart());
        assertThat(actual.windowEnd()).as(what).isEqualTo(expected.windowEnd());
        assertThat(actual.values().length).as(what).isEqualTo(expected.values().length);
        for (int i = 0; i < expected.values().length; i++) {
            if (Double.doubleToRawLongBits(actual.values()[i]) != Double.doubleToRawLongBits(expected.values()[i])) {
                throw new AssertionError(what + ": feature " + i + " is " + actual.values()[i] + ", the ta4j definition "
                        + expected.values()[i]);
            }
        }
    }

    private static Candle candle(AssetId asset, Bar b) {
        return new Candle(asset, HourTs.of(b.openTime()), BigDecimal.valueOf(b.open()), BigDecimal.valueOf(b.high()),
                BigDecimal.valueOf(b.low()), BigDecimal.valueOf(b.close()), BigDecimal.valueOf(b.volume()));
    }
}
