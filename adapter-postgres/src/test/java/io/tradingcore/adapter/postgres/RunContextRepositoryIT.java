package io.tradingcore.adapter.postgres;

import static io.tradingcore.adapter.postgres.PgTestSupport.ACCOUNT;
import static io.tradingcore.adapter.postgres.PgTestSupport.BACKTEST;
import static io.tradingcore.adapter.postgres.PgTestSupport.hour;
import static io.tradingcore.adapter.postgres.PgTestSupport.proposed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.tradingcore.domain.HourTs;
import io.tradingcore.domain.RunId;
import io.tradingcore.domain.RunMode;
import io.tradingcore.domain.hash.CycleStep;
import io.tradingcore.domain.hash.StepHashes;
import io.tradingcore.domain.run.RunContext;
import io.tradingcore.domain.run.RunStart;
import io.tradingcore.domain.run.RunStatus;
import io.tradingcore.ports.out.RunContextRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RunContextRepositoryIT {
    private static PgTestSupport pg;
    private static RunContextRepository runs;

    @BeforeAll
    static void open() {
        pg = PgTestSupport.open("pg_runs");
        runs = pg.adapter.runContexts();
    }

    @AfterAll
    static void close() {
        pg.close();
    }

    @Test
    void startFindFinishAndStepHashesRoundTrip() {
        HourTs h = hour("2024-01-01T00:00:00Z");
        RunContext proposed = proposed(RunMode.BACKTEST, h);
        assertThat(runs.start(proposed)).isEqualTo(new RunStart.Started(proposed));
        assertThat(runs.find(ACCOUNT, RunMode.BACKTEST, h)).contains(proposed);
        StepHashes hashes = StepHashes.empty().with(CycleStep.DATA, "1".repeat(64)).with(CycleStep.STATE, "2".repeat(64));
        Instant done = h.toInstant().plusSeconds(90);
        runs.finish(proposed.runId(), RunStatus.COMPLETED, done, hashes);
        assertThat(runs.stepHashes(proposed.runId())).contains(hashes);
        assertThat(runs.find(ACCOUNT, RunMode.BACKTEST, h)).contains(proposed.moveTo(RunStatus.COMPLETED, done));
        assertThat(runs.runsOfBacktest(BACKTEST)).extracting(RunContext::hour).contains(h);
        assertThat(runs.start(proposed)).isInstanceOf(RunStart.AlreadyFinished.class);
        assertThat(pg.count("SELECT count(*) FROM run_context WHERE hour_ts_utc = '2024-01-01T00:00:00Z'")).isEqualTo(1);
    }

    @Test
    void finishRefusesUnknownRunsAndRunsThatAreNotStarted() {
        assertThatThrownBy(() -> runs.finish(new RunId(UUID.fromString("00000000-0000-5000-8000-000000000999")),
                RunStatus.COMPLETED, Instant.parse("2024-01-01T00:00:00Z"), StepHashes.empty()))
                .isInstanceOf(NoSuchElementException.class);
        HourTs h = hour("2024-01-02T00:00:00Z");
        RunContext c = pg.startedRun(RunMode.PAPER, h);
        runs.finish(c.runId(), RunStatus.SKIPPED, h.toInstant(), StepHashes.empty());
        assertThatThrownBy(() -> runs.finish(c.runId(), RunStatus.COMPLETED, h.toInstant(), StepHashes.empty()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("SKIPPED");
        assertThat(runs.stepHashes(c.runId())).isEmpty();
    }

    @Test
    void stepHashesOfAFinishedRunAreFrozenButAResumedFailedRunReplacesItsOwn() {
        HourTs h = hour("2024-01-04T00:00:00Z");
        RunContext c = pg.startedRun(RunMode.PAPER, h);
        runs.finish(c.runId(), RunStatus.FAILED, h.toInstant().plusSeconds(5),
                StepHashes.empty().with(CycleStep.DATA, "3".repeat(64)));
        String where = " WHERE run_id = '" + c.runId().value() + "'";
        assertThatThrownBy(() -> pg.execute("DELETE FROM run_step_hash" + where)).hasMessageContaining("append-only violation");
        assertThat(runs.start(proposed(RunMode.PAPER, h))).isInstanceOf(RunStart.Resumed.class);
        StepHashes completed = StepHashes.empty().with(CycleStep.DATA, "4".repeat(64)).with(CycleStep.STATE, "5".repeat(64));
        runs.finish(c.runId(), RunStatus.COMPLETED, h.toInstant().plusSeconds(9), completed);
        assertThat(runs.stepHashes(c.runId())).contains(completed);
        // issue 17 item 6: replay compares against these, so nobody may rewrite them afterwards
        assertThatThrownBy(() -> pg.execute("UPDATE run_step_hash SET sha256 = '" + "6".repeat(64) + "'" + where))
                .hasMessageContaining("append-only violation on table run_step_hash");
        assertThatThrownBy(() -> pg.execute("DELETE FROM run_step_hash" + where)).hasMessageContaining("append-only violation");
        assertThatThrownBy(() -> pg.execute("TRUNCATE run_step_hash")).hasMessageContaining("append-only violation");
        assertThatThrownBy(() -> pg.execute("UPDATE run_context SET data_snapshot_hash = '" + "7".repeat(64) + "'" + where))
                .hasMessageContaining("trg_run_context_frozen_when_completed");
        assertThat(runs.stepHashes(c.runId())).contains(completed);
    }

    @Test
    void failedRunIsResumedWithItsStoredIdAndNewStartTime() {
        HourTs h = hour("2024-01-03T00:00:00Z");
        RunContext c = pg.startedRun(RunMode.PAPER, h);
        runs.finish(c.runId(), RunStatus.FAILED, h.toInstant().plusSeconds(5), StepHashes.empty());
        RunContext again = proposed(RunMode.PAPER, h);
        RunContext other = new RunContext(new RunId(UUID.fromString("00000000-0000-5000-8000-000000000777")), ACCOUNT,
                RunMode.PAPER, h, 3, again.codeVersionSha(), "c".repeat(64), again.dataSnapshotHash(), 1, null,
                RunStatus.STARTED, h.toInstant().plusSeconds(60), null);
        RunStart s = runs.start(other);
        assertThat(s).isInstanceOf(RunStart.Resumed.class);
        assertThat(s.context().runId()).isEqualTo(c.runId());
        assertThat(s.context().configHash()).isEqualTo(c.configHash());
        assertThat(s.context().startedAt()).isEqualTo(other.startedAt());
        assertThat(runs.find(ACCOUNT, RunMode.PAPER, h).orElseThrow().status()).isEqualTo(RunStatus.STARTED);
        runs.finish(c.runId(), RunStatus.COMPLETED, other.startedAt(), StepHashes.empty());
    }

    @Test
    void concurrentStartsOfOneHourFromTwoThreadsHaveExactlyOneWinner() throws Exception {
        for (int round = 0; round < 5; round++) {
            HourTs h = hour("2024-02-01T00:00:00Z").plusHours(round);
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                List<Future<RunStart>> starts = new ArrayList<>();
                for (int t = 0; t < 2; t++) {
                    starts.add(threads.submit(() -> {
                        go.await();
                        return runs.start(proposed(RunMode.LIVE, h));
                    }));
                }
                go.countDown();
                List<RunStart> results = new ArrayList<>();
                for (Future<RunStart> f : starts) {
                    results.add(f.get());
                }
                assertThat(results).filteredOn(r -> r instanceof RunStart.Started).hasSize(1);
                assertThat(results).filteredOn(r -> r instanceof RunStart.Busy || r instanceof RunStart.AlreadyFinished)
                        .hasSize(1);
                assertThat(pg.count("SELECT count(*) FROM run_context WHERE run_mode = 'LIVE' AND hour_ts_utc = '"
                        + h + "'")).isEqualTo(1);
                RunStart winner = results.stream().filter(r -> r instanceof RunStart.Started).findFirst().orElseThrow();
                runs.finish(winner.context().runId(), RunStatus.COMPLETED, h.toInstant(), StepHashes.empty());
            } finally {
                threads.shutdownNow();
            }
        }
    }

    @Test
    void secondProcessSeesBusyWhileTheOwnerLivesAndResumesAfterItDies() throws InterruptedException {
        HourTs h = hour("2024-03-01T00:00:00Z");
        HikariDataSource otherPool = PgTestSupport.pool(pg.db);
        PostgresAdapter owner = PostgresAdapter.create(otherPool);
        RunStart first = owner.runContexts().start(proposed(RunMode.LIVE, h));
        assertThat(first).isInstanceOf(RunStart.Started.class);
        assertThat(runs.start(proposed(RunMode.LIVE, h))).isInstanceOf(RunStart.Busy.class);
        otherPool.close(); // the owning process dies: its connections, and with them its lock, are gone
        // the server ends the dead session asynchronously: until then the hour is rightly still Busy
        RunStart taken = runs.start(proposed(RunMode.LIVE, h));
        for (int i = 0; i < 100 && taken instanceof RunStart.Busy; i++) {
            Thread.sleep(50);
            taken = runs.start(proposed(RunMode.LIVE, h));
        }
        assertThat(taken).isInstanceOf(RunStart.Resumed.class);
        assertThat(taken.context().runId()).isEqualTo(first.context().runId());
        runs.finish(taken.context().runId(), RunStatus.COMPLETED, h.toInstant().plusSeconds(1), StepHashes.empty());
        assertThat(runs.start(proposed(RunMode.LIVE, h))).isInstanceOf(RunStart.AlreadyFinished.class);
    }

    @Test
    void startRefusesAProposalThatIsNotStarted() {
        HourTs h = hour("2024-04-01T00:00:00Z");
        RunContext done = proposed(RunMode.PAPER, h).moveTo(RunStatus.COMPLETED, h.toInstant());
        assertThatThrownBy(() -> runs.start(done)).isInstanceOf(IllegalArgumentException.class);
    }
}
