package io.tradingcore.adapter.postgres;

import static io.tradingcore.adapter.postgres.PgTestSupport.ACCOUNT;
import static io.tradingcore.adapter.postgres.PgTestSupport.hour;
import static io.tradingcore.adapter.postgres.PgTestSupport.proposed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.zaxxer.hikari.HikariDataSource;
import io.tradingcore.domain.HourTs;
import io.tradingcore.domain.RunMode;
import io.tradingcore.domain.run.RunStart;
import io.tradingcore.domain.run.RunStatus;
import io.tradingcore.ports.out.HourlyState;
import io.tradingcore.ports.out.InvariantViolationException;
import io.tradingcore.ports.out.UnitOfWork;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Overlapped units ({@link UnitOfWork#runOverlapped}): a writer thread COPYs and commits unit N while the caller
 * computes unit N+1. Every unit commits, in order; the next unit reads nothing the previous one may not have
 * committed; the chain keeps the (account, mode) lock from its first unit to its last commit; a unit that fails
 * on the writer fails the caller and leaves nothing of itself or of any later unit.
 */
class OverlappedUnitsIT {
    private static PgTestSupport pg;
    /** The backtest's own pool (another process's adapter is pg.adapter). */
    private static HikariDataSource own;
    private static PostgresAdapter adapter;

    @BeforeAll
    static void open() {
        pg = PgTestSupport.open("pg_overlapped_units");
        DecisionRecordRepositoryIT.registerModels(pg.adapter);
        own = Databases.pool(new Databases.DbTarget(pg.db.url(), pg.db.user(), pg.db.password(), "own"), 4);
        adapter = PostgresAdapter.create(own);
    }

    @AfterAll
    static void close() {
        own.close();
        pg.close();
    }

    /** Runs {@code units} overlapped units of {@code hours} hours from {@code first}; returns the states by hour. */
    private static List<HourlyState> chain(HourTs first, int units, int hours, List<Integer> bodiesRun) {
        List<HourlyState> states = new ArrayList<>();
        UnitOfWork u = adapter.unitOfWork();
        for (int n = 0; n < units; n++) {
            HourTs from = first.plusHours((long) n * hours);
            int unitIndex = n;
            u.runOverlapped(() -> {
                if (!states.isEmpty()) {
                    // the previous unit's last state, whether or not it has committed yet: from the chain's memory
                    assertThat(adapter.accountState().latestBefore(ACCOUNT, RunMode.BACKTEST, from)).contains(states.get(states.size() - 1));
                }
                for (int i = 0; i < hours; i++) {
                    states.add(UnitCopyIT.runHour(adapter, from.plusHours(i), "80" + unitIndex));
                }
                bodiesRun.add(unitIndex);
                return null;
            });
        }
        u.awaitCommitted();
        return states;
    }

    private static long runsFrom(HourTs from, HourTs to) {
        return pg.count("SELECT count(*) FROM run_context WHERE status = 'COMPLETED' AND hour_ts_utc >= '" + from
                + "' AND hour_ts_utc < '" + to + "'");
    }

    @Test
    void everyUnitCommitsInOrderAndAnotherProcessCannotRunAnHourWhileTheChainIsOpen() {
        HourTs first = hour("2025-10-01T00:00:00Z");
        List<Integer> bodies = new ArrayList<>();
        List<Object> otherProcess = new ArrayList<>();
        UnitOfWork u = adapter.unitOfWork();
        List<HourlyState> states = new ArrayList<>();
        for (int n = 0; n < 4; n++) {
            HourTs from = first.plusHours(n * 6L);
            int unitIndex = n;
            u.runOverlapped(() -> {
                for (int i = 0; i < 6; i++) {
                    states.add(UnitCopyIT.runHour(adapter, from.plusHours(i), "70" + unitIndex));
                }
                if (unitIndex == 2) {
                    // between two units of the chain another process (its own pool) asks for a later hour: refused
                    HourTs later = first.plusHours(100);
                    otherProcess.add(pg.adapter.unitOfWork().run(() -> pg.adapter.runContexts().start(proposed(RunMode.BACKTEST, later))));
                }
                bodies.add(unitIndex);
                return null;
            });
        }
        u.awaitCommitted();
        assertThat(bodies).containsExactly(0, 1, 2, 3);
        assertThat(otherProcess).singleElement().isInstanceOf(RunStart.Busy.class);
        assertThat(runsFrom(first, first.plusHours(24))).isEqualTo(24);
        for (int i = 0; i < 24; i++) {
            assertThat(pg.adapter.accountState().at(ACCOUNT, RunMode.BACKTEST, first.plusHours(i))).contains(states.get(i));
        }
        assertThat(pg.adapter.runContexts().find(ACCOUNT, RunMode.BACKTEST, first.plusHours(100))).isEmpty();
        // the chain is closed: its lock is released, a later unit of another process gets the hour
        assertThat(pg.adapter.unitOfWork().run(() -> pg.adapter.runContexts().start(proposed(RunMode.BACKTEST, first.plusHours(100)))))
                .isInstanceOf(RunStart.Started.class);
    }

    @Test
    void aUnitThatFailsOnTheWriterFailsTheCallerAndNothingOfItOrOfLaterUnitsRemains() {
        HourTs first = hour("2026-01-01T00:00:00Z");
        HourTs planted = first.plusHours(2 * 6 + 3); // in the third unit
        pg.execute("""
                CREATE FUNCTION planted_failure() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'planted writer failure at %%', NEW.hour_ts_utc; END $$;
                CREATE TRIGGER planted_failure BEFORE INSERT ON risk_hourly_state FOR EACH ROW
                    WHEN (NEW.hour_ts_utc = '%s') EXECUTE FUNCTION planted_failure();
                """.formatted(planted));
        List<Integer> bodies = new ArrayList<>();
        Throwable thrown;
        try {
            thrown = catchThrowable(() -> chain(first, 5, 6, bodies));
        } finally {
            pg.execute("DROP TRIGGER planted_failure ON risk_hourly_state; DROP FUNCTION planted_failure()");
        }
        assertThat(thrown).isInstanceOf(InvariantViolationException.class).hasMessageContaining("planted writer failure");
        // the failure reached the caller no later than the unit after the failed one: the fifth never started
        assertThat(bodies).startsWith(0, 1, 2).doesNotContain(4);
        // units 1 and 2 committed whole; nothing of unit 3 (failed) or 4 (computed beside it) is stored
        assertThat(runsFrom(first, first.plusHours(12))).isEqualTo(12);
        HourTs failedFrom = first.plusHours(12);
        for (String table : List.of("run_context", "run_step_hash", "feature_snapshot", "regime_output", "model_prediction",
                "meta_learner_component", "trade_signal", "position_hourly_state", "portfolio_hourly_state", "risk_hourly_state")) {
            String hourOf = table.equals("run_step_hash")
                    ? "(SELECT hour_ts_utc FROM run_context r WHERE r.run_id = t.run_id)" : "t.hour_ts_utc";
            assertThat(pg.count("SELECT count(*) FROM " + table + " t WHERE " + hourOf + " >= '" + failedFrom + "'"))
                    .as(table + " rows of the failed unit and after").isZero();
        }
        // the chain let go of its lock, and running the rest again computes it and stores it whole
        List<Integer> again = new ArrayList<>();
        chain(failedFrom, 3, 6, again);
        assertThat(again).containsExactly(0, 1, 2);
        assertThat(runsFrom(first, first.plusHours(30))).isEqualTo(30);
        assertThat(pg.count("SELECT count(*) FROM run_context WHERE status <> 'COMPLETED'")).isZero();
    }
}
