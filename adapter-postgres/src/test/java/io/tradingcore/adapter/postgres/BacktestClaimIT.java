package io.tradingcore.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradingcore.domain.BacktestRunId;
import io.tradingcore.ports.out.BacktestRunRepository;
import io.tradingcore.ports.out.BacktestRunRepository.Claim;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Issue 17, item 2: one owner per backtest at a time; a second one waits or is told no; a dead owner frees it. */
class BacktestClaimIT {
    private static final BacktestRunId ID = new BacktestRunId(UUID.fromString("00000000-0000-5000-8000-00000000c1a1"));
    private static final BacktestRunId OTHER = new BacktestRunId(UUID.fromString("00000000-0000-5000-8000-00000000c1a2"));
    private static PgTestSupport pg;
    private static BacktestRunRepository backtests;

    @BeforeAll
    static void open() {
        pg = PgTestSupport.open("pg_claim");
        backtests = pg.adapter.backtestRuns();
    }

    @AfterAll
    static void close() {
        pg.close();
    }

    @Test
    void aSecondOwnerIsRefusedUntilTheFirstLetsGoAndWaitsForIt() throws Exception {
        Claim first = backtests.claim(ID, Duration.ZERO).orElseThrow();
        assertThat(backtests.claim(ID, Duration.ZERO)).isEmpty();
        assertThat(backtests.claim(ID, Duration.ofMillis(500))).isEmpty();
        try (Claim other = backtests.claim(OTHER, Duration.ZERO).orElseThrow()) {
            assertThat(other).isNotNull(); // another backtest is independent
        }
        CompletableFuture<Optional<Claim>> waiting = CompletableFuture.supplyAsync(() -> backtests.claim(ID, Duration.ofSeconds(30)));
        Thread.sleep(700);
        assertThat(waiting).isNotDone();
        first.close();
        Optional<Claim> second = waiting.get(30, TimeUnit.SECONDS);
        assertThat(second).isPresent();
        second.get().close();
        assertThat(pg.count("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'")).isZero();
    }

    @Test
    void anOwnerWhoseConnectionDiesFreesTheBacktest() throws Exception {
        try (var otherPool = PgTestSupport.pool(pg.db)) {
            PostgresAdapter other = PostgresAdapter.create(otherPool);
            assertThat(other.backtestRuns().claim(ID, Duration.ZERO)).isPresent();
            assertThat(backtests.claim(ID, Duration.ZERO)).isEmpty();
        } // the "process" dies: its pool and the locking session close without unlocking
        try (Claim c = backtests.claim(ID, Duration.ofSeconds(10)).orElseThrow()) {
            assertThat(c).isNotNull();
        }
    }
}
