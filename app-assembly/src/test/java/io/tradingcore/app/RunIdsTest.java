package io.tradingcore.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradingcore.domain.BacktestRunId;
import io.tradingcore.domain.HourTs;
import io.tradingcore.ports.out.BacktestQueryRepository.RunSummary;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** qa round: the list an unknown id prints showed a 5-hour window as "2025-02-01..2025-02-01". */
class RunIdsTest {

    @Test
    void anUnknownIdListsEachBacktestWithItsWindowToTheHour() {
        UUID id = UUID.fromString("2406e9e8-a50e-5872-92e1-ad2ab365d22c");
        RunSummary s = new RunSummary(new BacktestRunId(id), List.of("BTC/USDT"), HourTs.parse("2025-02-01T00:00:00Z"),
                HourTs.parse("2025-02-01T05:00:00Z"), 42, "0".repeat(64), "0".repeat(40), "COMPLETED", null, Instant.EPOCH,
                Instant.EPOCH, BigDecimal.ONE, 5, Optional.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
                BigDecimal.ZERO, 0);
        assertThat(RunIds.unknown("ID", "ffff", List.of(s)).getMessage()).isEqualTo("no backtest with id ffff (ID); stored"
                + " backtests, newest first: " + id + " BTC/USDT 2025-02-01T00..2025-02-01T05 COMPLETED");
    }
}
