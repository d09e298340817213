package io.tradingcore.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** qa round: a conflict named the candle by the store's key "4@2021-01-01T01:00:00Z" (an internal asset id). */
class IngestConflictMessageTest {

    @Test
    void conflictingCandlesAreNamedByTheirSymbolAndHour() {
        assertThat(IngestCommand.conflictHours("BTC/USDT", List.of("4@2021-01-01T01:00:00Z"), 1))
                .isEqualTo("BTC/USDT at 2021-01-01T01:00:00Z");
        List<String> many = IntStream.range(0, 12).mapToObj(h -> String.format("4@2021-01-01T%02d:00:00Z", h)).toList();
        assertThat(IngestCommand.conflictHours("SHIB/USDT", many, 40)).startsWith("SHIB/USDT at 2021-01-01T00:00:00Z, ")
                .contains("2021-01-01T09:00:00Z").doesNotContain("T10:00").doesNotContain("4@").endsWith(", ... (40 in all)");
    }
}
