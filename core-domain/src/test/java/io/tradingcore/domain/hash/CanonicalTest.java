package io.tradingcore.domain.hash;

import static io.tradingcore.domain.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradingcore.domain.Candle;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class CanonicalTest {
    record Pair(String name, BigDecimal amount) {
    }

    record Swapped(BigDecimal amount, String name) {
    }

    @Test
    void bigDecimalIsHashedAtScale18RegardlessOfItsScale() {
        assertThat(Canonical.sha256(new Pair("a", new BigDecimal("1.5")))).isEqualTo(Canonical.sha256(new Pair("a", new BigDecimal("1.500"))));
        assertThat(Canonical.text(new BigDecimal("1E+3"))).isEqualTo("n:1000.000000000000000000");
        assertThat(Canonical.sha256(new Pair("a", new BigDecimal("1.5")))).isNotEqualTo(Canonical.sha256(new Pair("a", new BigDecimal("1.6"))));
    }

    @Test
    void fieldOrderAndStringBoundariesMatter() {
        assertThat(Canonical.sha256(new Pair("a", BigDecimal.ONE))).isNotEqualTo(Canonical.sha256(new Swapped(BigDecimal.ONE, "a")));
        assertThat(Canonical.sha256(List.of("ab", "c"))).isNotEqualTo(Canonical.sha256(List.of("a", "bc")));
    }

    @Test
    void unorderedCollectionsAreRefusedAndSortedOnesAccepted() {
        Map<String, Integer> unordered = new HashMap<>(Map.of("a", 1));
        assertThatThrownBy(() -> Canonical.sha256(unordered)).hasMessageContaining("no canonical form");
        assertThat(Canonical.sha256(new TreeMap<>(Map.of("b", 2, "a", 1)))).isEqualTo(Canonical.sha256(new TreeMap<>(Map.of("a", 1, "b", 2))));
    }

    @Test
    void doublesAreHashedByTheirBits() {
        assertThat(Canonical.text(0.1)).isEqualTo("d:3fb999999999999a");
        assertThat(Canonical.sha256(0.0)).isNotEqualTo(Canonical.sha256(-0.0));
    }

    @Test
    void aCandleHasAPinnedHashSoThatACanonicalFormChangeIsNoticed() {
        Candle c = Candle.of(BTC.id(), HOUR, "100", "110", "90", "105", "1.5");
        assertThat(Canonical.text(c)).isEqualTo("Candle(asset=AssetId(value=i:1;);openTime=HourTs(instant=t:2024-03-01T10:00:00Z;);"
                + "open=n:100.000000000000000000;high=n:110.000000000000000000;low=n:90.000000000000000000;"
                + "close=n:105.000000000000000000;volume=n:1.500000000000000000;)");
        assertThat(Canonical.sha256(c)).hasSize(64).isEqualTo(Canonical.sha256(Candle.of(BTC.id(), HOUR, "100.0", "110", "90", "105", "1.50")));
    }

    @Test
    void stepHashesReportTheFirstDifferingStep() {
        String h1 = Canonical.sha256("one");
        String h2 = Canonical.sha256("two");
        StepHashes a = StepHashes.empty().with(CycleStep.DATA, h1).with(CycleStep.SIGNALS, h1).with(CycleStep.ORDERS, h1);
        StepHashes b = StepHashes.empty().with(CycleStep.DATA, h1).with(CycleStep.SIGNALS, h2).with(CycleStep.ORDERS, h2);
        assertThat(a.firstDifference(b)).contains(CycleStep.SIGNALS);
        assertThat(a.firstDifference(a)).isEmpty();
        assertThatThrownBy(() -> StepHashes.empty().with(CycleStep.DATA, "xyz")).hasMessageContaining("64 lower-case hex");
    }

    record Window(String name, List<Candle> candles) {
    }

    /**
     * DATA hash format V2 (docs/persistence.md): the prefix, then the canonical text with each memoised record replaced
     * by 0xFF and the SHA-256 of its own text; the same with the memo warm (records from the previous call reused)
     * and with it cold; V1 is the SHA-256 of the plain text.
     */
    @Test
    void digestsOfRecordsStandForTheirTextInTheV2Stream() throws Exception {
        Candle a = Candle.of(BTC.id(), HOUR, "100", "110", "90", "105", "1.5");
        Candle b = Candle.of(BTC.id(), HOUR.plusHours(1), "105", "111", "99", "100", "2");
        Window w = new Window("w", List.of(a, b));
        java.io.ByteArrayOutputStream expected = new java.io.ByteArrayOutputStream();
        expected.writeBytes("data/2;Window(name=s1:w;candles=[".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        for (Candle c : w.candles()) {
            expected.write(0xFF);
            expected.writeBytes(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(Canonical.text(c).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            expected.write(',');
        }
        expected.writeBytes("];)".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String hex = io.tradingcore.domain.DeterministicIds.sha256Hex(expected.toByteArray());

        Canonical.Memo memo = Canonical.Memo.digests(Candle.class);
        assertThat(Canonical.sha256OfDigests(DataHashFormat.V2.prefix(), w, memo)).isEqualTo(hex);
        assertThat(Canonical.sha256OfDigests(DataHashFormat.V2.prefix(), w, memo)).as("memo warm").isEqualTo(hex);
        assertThat(Canonical.sha256OfDigests(DataHashFormat.V2.prefix(), w, Canonical.Memo.digests(Candle.class))).isEqualTo(hex);
        assertThat(Canonical.sha256(w, new Canonical.Memo(Candle.class))).isEqualTo(Canonical.sha256(w)).isNotEqualTo(hex);
        assertThatThrownBy(() -> Canonical.sha256(w, memo)).isInstanceOf(IllegalArgumentException.class);
    }
}
