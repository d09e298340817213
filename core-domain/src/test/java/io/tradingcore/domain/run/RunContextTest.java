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

    @Test
    void aHashIsAcceptedExactlyWhenItMatchesLowerCaseHexOfItsLength() {
        java.util.regex.Pattern hex40 = java.util.regex.Pattern.compile("[0-9a-f]{40}");
        char[] alphabet = {'0', '9', 'a', 'f', '/', ':', '`', 'g', 'A', 'F', '\u00e9', '\ud83d', '\ude00'};
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(3);
        int accepted = 0;
        for (int i = 0; i < 2_000; i++) {
            StringBuilder sb = new StringBuilder();
            int length = 39 + rnd.nextInt(3);
            for (int k = 0; k < length; k++) {
                // mostly valid characters, so that both outcomes occur often
                sb.append(rnd.nextInt(60) == 0 ? alphabet[4 + rnd.nextInt(alphabet.length - 4)] : alphabet[rnd.nextInt(4)]);
            }
            String sha = sb.toString();
            boolean ok;
            try {
                new RunContext(RUN, ACCOUNT, RunMode.LIVE, HOUR, 1, sha, SHA64, SHA64, 1, null, RunStatus.STARTED, T0, null);
                ok = true;
            } catch (IllegalArgumentException e) {
                assertThat(e).hasMessageContaining("codeVersionSha");
                ok = false;
            }
            assertThat(ok).as(sha).isEqualTo(hex40.matcher(sha).matches());
            accepted += ok ? 1 : 0;
        }
        assertThat(accepted).isBetween(100, 1_900);
    }
}
