package io.tradingcore.application.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradingcore.adapter.ml.MlModels;
import io.tradingcore.application.Persistence;
import io.tradingcore.application.config.ConfigLoader;
import io.tradingcore.domain.Asset;
import io.tradingcore.domain.HourTs;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * qa round: {@code replay} of a backtest that failed before its first hour (the first day of the bundled data leaves
 * no training samples). Before, the replay recomputed it, failed the same way and printed that failure ("only 0
 * training samples ...") as its own result (on PostgreSQL: a check-constraint violation, exit 1, since the scratch
 * copy kept the FAILED status without its reason). Now it says there is nothing to replay and where the reason is.
 */
class ReplayOfAFailedBacktestTest {

    @Test
    void aBacktestThatStoredNoHourHasNothingToReplayAndSaysSo() throws Exception {
        ConfigLoader.Loaded cfg = ConfigLoader.parse("walkForward: {trainHours: 2400, testHours: 48}", "test");
        WalkForwardBacktest.Request request = new WalkForwardBacktest.Request(List.of(Asset.of(1, "BTC/USDT")),
                HourTs.parse("2021-01-01T00:00:00Z"), HourTs.parse("2021-01-03T00:00:00Z"), cfg, 42, "0".repeat(40));
        Persistence stored = ReplayDataHashFormatTest.store(cfg);
        assertThatThrownBy(() -> new WalkForwardBacktest(stored, MlModels.trainer()).run(request, WalkForwardBacktest.Progress.NONE))
                .hasMessageContaining("training samples");

        String id = request.backtestRunId().value().toString();
        assertThatThrownBy(() -> new BacktestReplay(stored, ReplayDataHashFormatTest.store(cfg), MlModels.trainer())
                .replay(request.backtestRunId(), Optional.empty(), WalkForwardBacktest.Progress.NONE))
                .isInstanceOf(NoSuchElementException.class)
                .hasMessage("backtest " + id + " stored no hour: nothing to replay (runs show " + id
                        + " says whether and why it failed)");
    }
}
