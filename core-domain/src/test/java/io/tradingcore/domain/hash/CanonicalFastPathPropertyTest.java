package io.tradingcore.domain.hash;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradingcore.domain.Decimals;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The canonical text is the basis of stored step hashes, so its fast paths (decimals without
 * BigInteger.toString, instants without the formatter) must write exactly what the plain forms write.
 */
class CanonicalFastPathPropertyTest {

    @Property(tries = 3000)
    void decimalsAreWrittenAsTheirPlainStringAtScale18(@ForAll("decimals") BigDecimal d) {
        assertThat(Canonical.text(d)).isEqualTo("n:" + Decimals.canonical(d));
    }

    @Property(tries = 3000)
    void instantsAreWrittenAsInstantToString(@ForAll("instants") Instant i) {
        assertThat(Canonical.text(i)).isEqualTo("t:" + i);
    }

    @Provide
    Arbitrary<BigDecimal> decimals() {
        Arbitrary<BigInteger> unscaled = Arbitraries.bigIntegers()
                .between(new BigInteger("-99999999999999999999999999999999999999"), new BigInteger("99999999999999999999999999999999999999"));
        Arbitrary<BigDecimal> random = unscaled.flatMap(u -> Arbitraries.integers().between(0, 24).map(s -> new BigDecimal(u, s)));
        // unscaled values that fit a long at scales 0-20: the long-only path (scale <= 18) and its edges
        Arbitrary<BigDecimal> compact = Arbitraries.longs().flatMap(u -> Arbitraries.integers().between(0, 20)
                .map(s -> new BigDecimal(BigInteger.valueOf(u), s)));
        // beyond a long at scales 0-18, integer parts around 2^51 (the double estimate's limit)
        Arbitrary<BigDecimal> wide = Arbitraries.integers().between(0, 18).flatMap(s -> Arbitraries.bigIntegers()
                .between(BigInteger.TWO.pow(62), BigInteger.TWO.pow(52).multiply(BigInteger.TEN.pow(s)).max(BigInteger.TWO.pow(66)))
                .flatMap(u -> Arbitraries.of(u, u.negate(), BigInteger.TWO.pow(51).multiply(BigInteger.TEN.pow(s)).add(u.mod(BigInteger.TEN.pow(s + 1))).subtract(BigInteger.TEN.pow(s))))
                .map(u -> new BigDecimal(u, s)));
        return Arbitraries.oneOf(random, compact, wide, wide, Arbitraries.of(new BigDecimal(BigInteger.valueOf(Long.MAX_VALUE), 18),
                new BigDecimal(BigInteger.valueOf(Long.MIN_VALUE), 0), new BigDecimal(BigInteger.valueOf(Long.MIN_VALUE + 1), 0),
                new BigDecimal(BigInteger.valueOf(Long.MAX_VALUE), 0), new BigDecimal("-4611686018427387904"),
                new BigDecimal("-0.999999999999999999")), Arbitraries.of(BigDecimal.ZERO, new BigDecimal("-0.5"), new BigDecimal("0.000000000000000001"),
                new BigDecimal("-0.000000000000000001"), new BigDecimal("4611686018427387903.999999999999999999"),
                new BigDecimal("4611686018427387904"), new BigDecimal("-9223372036854775808.5"), new BigDecimal("1E+20"),
                new BigDecimal("0.0000000000000000005"), new BigDecimal("-0.0000000000000000005")));
    }

    @Provide
    Arbitrary<Instant> instants() {
        Arbitrary<Instant> hours = Arbitraries.longs().between(-70_000_000L, 70_000_000L).map(h -> Instant.ofEpochSecond(h * 3600));
        Arbitrary<Instant> any = Arbitraries.longs().between(Instant.parse("-1000-01-01T00:00:00Z").getEpochSecond(),
                Instant.parse("+12000-01-01T00:00:00Z").getEpochSecond())
                .flatMap(s -> Arbitraries.integers().between(0, 2).map(n -> Instant.ofEpochSecond(s, n == 0 ? 0 : n * 1_000_000)));
        return Arbitraries.oneOf(hours, any, Arbitraries.of(Instant.parse("0000-01-01T00:00:00Z"),
                Instant.parse("9999-12-31T23:59:59Z"), Instant.parse("1970-01-01T00:00:00Z"), Instant.parse("2024-02-29T23:00:00Z")));
    }

    @Property(tries = 50)
    void aMemoOfCandleTextsGivesTheSameHashesAsWritingEveryCandle(@ForAll("windows") int window) {
        Canonical.Memo memo = new Canonical.Memo(io.tradingcore.domain.Candle.class);
        java.util.List<io.tradingcore.domain.Candle> all = new java.util.ArrayList<>();
        io.tradingcore.domain.HourTs start = io.tradingcore.domain.HourTs.parse("2025-01-01T00:00:00Z");
        for (int i = 0; i < 60; i++) {
            all.add(io.tradingcore.domain.Candle.of(new io.tradingcore.domain.AssetId((short) 1), start.plusHours(i),
                    "100." + i, "101." + i, "99." + i, "100.5", i + ".25"));
        }
        for (int end = window; end <= all.size(); end++) {
            java.util.List<Object> value = java.util.List.of("inputs", all.subList(end - window, end), java.util.Optional.empty());
            assertThat(Canonical.sha256(value, memo)).isEqualTo(Canonical.sha256(value));
        }
        // a different candle equal in value but another instance hashes alike too
        var copy = new io.tradingcore.domain.Candle(all.get(0).asset(), all.get(0).openTime(), all.get(0).open(),
                all.get(0).high(), all.get(0).low(), all.get(0).close(), all.get(0).volume());
        assertThat(Canonical.sha256(java.util.List.of(copy), memo)).isEqualTo(Canonical.sha256(java.util.List.of(all.get(0))));
    }

    /** Text between memoised records (any characters, surrogate pairs included) is digested as the plain form writes it. */
    @Property(tries = 200)
    void textAroundMemoisedRecordsHashesAsThePlainForm(@ForAll String before, @ForAll String after, @ForAll("windows") int n) {
        Canonical.Memo memo = new Canonical.Memo(io.tradingcore.domain.Candle.class);
        io.tradingcore.domain.HourTs start = io.tradingcore.domain.HourTs.parse("2025-01-01T00:00:00Z");
        java.util.List<Object> value = new java.util.ArrayList<>();
        value.add(before);
        for (int i = 0; i < n; i++) {
            value.add(io.tradingcore.domain.Candle.of(new io.tradingcore.domain.AssetId((short) 1), start.plusHours(i),
                    "100." + i, "101." + i, "99." + i, "100.5", i + ".25"));
            value.add(i % 2 == 0 ? after : before + "\u00e9\ud83d\ude00");
        }
        for (int call = 0; call < 3; call++) {
            assertThat(Canonical.sha256(value, memo)).isEqualTo(Canonical.sha256(value));
        }
    }

    @Provide
    Arbitrary<Integer> windows() {
        return Arbitraries.integers().between(1, 40);
    }
}
