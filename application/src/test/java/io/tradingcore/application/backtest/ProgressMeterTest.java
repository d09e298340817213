package io.tradingcore.application.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradingcore.domain.AccountId;
import io.tradingcore.domain.BacktestRunId;
import io.tradingcore.domain.HourTs;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressMeterTest {

    @Test
    void rateAndEtaCountOnlyTheHoursRunHereAndSnapshotsComeOncePerInterval() {
        AtomicLong clock = new AtomicLong(5_000_000_000L);
        List<ProgressMeter.Snapshot> seen = new ArrayList<>();
        ProgressMeter m = new ProgressMeter("backtest", 2, clock::get, 10, seen::add);
        List<String> forwarded = new ArrayList<>();
        WalkForwardBacktest.Progress p = m.listener(new WalkForwardBacktest.Progress() {
            @Override
            public void started(BacktestRunId id, AccountId account, long totalHours, long alreadyDone) {
                forwarded.add("started " + totalHours + " " + alreadyDone);
            }

            @Override
            public void foldTrained(FoldPlan.Fold fold, int models) {
            }

            @Override
            public void hourDone(HourTs hour, io.tradingcore.ports.in.CycleReport report) {
                forwarded.add("hour");
            }

            @Override
            public void finished() {
                forwarded.add("finished");
            }
        });
        p.started(new BacktestRunId(UUID.nameUUIDFromBytes(new byte[] {1})), new AccountId((short) 1), 1000, 400);
        for (int i = 0; i < 100; i++) {
            clock.addAndGet(250_000_000L); // 4 hours a second
            p.hourDone(HourTs.parse("2024-01-01T00:00:00Z"), null);
        }
        p.finished();
        m.finish();
        // 25 s for 100 hours: a snapshot at 10 s and 20 s, then the final one
        assertThat(seen).hasSize(3);
        ProgressMeter.Snapshot at10 = seen.get(0);
        assertThat(at10.done()).isEqualTo(440);
        assertThat(at10.assetHoursPerSecond()).isEqualTo(8.0); // 4 hours/s x 2 assets; the 400 resumed hours are not counted
        assertThat(at10.etaSeconds().getAsLong()).isEqualTo(140); // 560 hours to go at 4 hours/s
        assertThat(at10.line()).isEqualTo("backtest 440/1000 h (44.0%), 8.0 asset-hours/s, ETA 2m 20s");
        assertThat(seen.get(2).finished()).isTrue();
        assertThat(seen.get(2).line()).endsWith(", done");
        assertThat(forwarded).hasSize(102).startsWith("started 1000 400").endsWith("finished");
    }

    @Test
    void durationsReadAsHoursMinutesOrSeconds() {
        assertThat(ProgressMeter.Snapshot.duration(7)).isEqualTo("7s");
        assertThat(ProgressMeter.Snapshot.duration(3 * 3600 + 125)).isEqualTo("3h 02m");
    }
}
