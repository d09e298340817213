package io.tradingcore.domain.run;

import static io.tradingcore.domain.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradingcore.domain.BacktestRunId;
import io.tradingcore.domain.DeterministicIds;
import io.tradingcore.domain.RunMode;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RunContextTest {
    private static final String SHA40 = "a".repeat(40);
    private static final String SHA64 = "b".repeat(64);
    private static final BacktestRunId BT = new BacktestRunId(DeterministicIds.uuid("bt"));
    private static final Instant T0 = Instant.parse("2024-03-01T10:00:01Z");

    private static RunContext ctx(RunMode mode, BacktestRunId bt) {
        return new RunContext(RUN, ACCOUNT, mode, HOUR, 1, SHA40, SHA64, SHA64, 42, bt, RunStatus.STARTED, T0, null);
    }

    @Test
    void backtestRunsNeedTheirBacktestAndOthersMustNotHaveOne() {
        assertThat(ctx(RunMode.BACKTEST, BT).backtestRunId()).isEqualTo(BT);
        assertThatThrownBy(() -> ctx(RunMode.BACKTEST, null)).hasMessageContaining("BACKTEST run needs");
        assertThatThrownBy(() -> ctx(RunMode.LIVE, BT)).hasMessageContaining("must not carry");
        assertThat(ctx(RunMode.PAPER, null).key().mode()).isEqualTo(RunMode.PAPER);
    }

    @Test
    void statusMovesFromStartedToATerminalStatusAndFailedMayResume() {
        RunContext c = ctx(RunMode.PAPER, null);
        RunContext done = c.moveTo(RunStatus.COMPLETED, T0.plusSeconds(3));
        assertThat(done.completedAt()).isEqualTo(T0.plusSeconds(3));
        assertThatThrownBy(() -> done.moveTo(RunStatus.STARTED, T0)).hasMessageContaining("cannot move from COMPLETED");
        RunContext failed = c.moveTo(RunStatus.FAILED, T0.plusSeconds(1));
        RunContext again = failed.moveTo(RunStatus.STARTED, T0.plusSeconds(60));
        assertThat(again.completedAt()).isNull();
        assertThat(again.startedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(RunStatus.SKIPPED.isFinal()).isTrue();
        assertThatThrownBy(() -> c.moveTo(RunStatus.COMPLETED, T0.minusSeconds(1))).hasMessageContaining("before startedAt");
    }

    @Test
    void hashesMustBeLowerCaseHexOfTheRightLength() {
        assertThatThrownBy(() -> new RunContext(RUN, ACCOUNT, RunMode.LIVE, HOUR, 1, "A".repeat(40), SHA64, SHA64, 1, null,
                RunStatus.STARTED, T0, null)).hasMessageContaining("codeVersionSha");
        assertThatThrownBy(() -> new RunContext(RUN, ACCOUNT, RunMode.LIVE, HOUR, -1, SHA40, SHA64, SHA64, 1, null,
                RunStatus.STARTED, T0, null)).hasMessageContaining("cycleSeq");
    }
}
