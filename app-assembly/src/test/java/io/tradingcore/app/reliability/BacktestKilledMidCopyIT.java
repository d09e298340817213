package io.tradingcore.app.reliability;

import static io.tradingcore.app.reliability.SqlRows.count;
import static io.tradingcore.app.reliability.SqlRows.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.tradingcore.app.JarProcess;
import io.tradingcore.testdb.TestDatabases;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 item 4: the process is killed (SIGKILL) while the unit writer is in the middle of a COPY of decision rows,
 * the same command is run again, and everything stored equals an uninterrupted run row for row.
 *
 * <p>To be sure the kill lands inside a COPY (and not between units), a test-only row trigger on model_prediction
 * sleeps once armed: after some hours are committed the test arms it, waits until a server backend is seen sleeping
 * inside a {@code COPY ... model_prediction} statement, and kills the backtest JVM then. The server does not notice a
 * dead client while a statement runs, so the test ends that backend as the server would on its next write (the
 * transaction rolls back), removes the trigger and resumes.
 */
class BacktestKilledMidCopyIT {

    private static final int HOURS = 72;
    private static final int ARM_AFTER_COMPLETED = 20;

    @Test
    void killedWhileTheWriterIsMidCopyResumesAndEqualsAnUninterruptedRun() throws Exception {
        String[] args = BacktestSigkillResumeIT.backtestArgs();
        TestDatabases.Db killed = TestDatabases.freshDatabase("rel_midcopy");
        JarProcess.Result ingest = ChildJar.ingestBtcAndEth(killed);
        assertThat(ingest.exitCode()).as(ingest.all()).isZero();
        TestDatabases.Db reference = SqlRows.copyOf(killed, "rel_midcopy_ref_" + ProcessHandle.current().pid());
        sql(killed, """
                CREATE TABLE test_copy_gate (armed boolean NOT NULL);
                INSERT INTO test_copy_gate VALUES (false);
                CREATE FUNCTION test_copy_gate_sleep() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF (SELECT armed FROM test_copy_gate) THEN
                        PERFORM pg_sleep(120);
                    END IF;
                    RETURN NEW;
                END $$;
                CREATE TRIGGER test_copy_gate BEFORE INSERT ON model_prediction FOR EACH ROW EXECUTE FUNCTION test_copy_gate_sleep();
                """);

        JarProcess uninterrupted = ChildJar.start(ChildJar.env(reference), args);
        JarProcess victim = ChildJar.start(ChildJar.env(killed), args);
        ChildJar.awaitCompletedHours(killed, victim, ARM_AFTER_COMPLETED);
        sql(killed, "UPDATE test_copy_gate SET armed = true");
        List<String> sleeping = awaitSleepingCopy(killed, victim);
        long completedAtKill = count(killed, "SELECT count(*) FROM run_context WHERE status = 'COMPLETED'");
        assertThat(victim.kill()).as("killed by SIGKILL while the writer's COPY runs, not finished").isEqualTo(137);

        // the server ends the dead client's backend: its transaction, the unit being written, rolls back whole
        sql(killed, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE pid IN (" + String.join(",", sleeping) + ")");
        awaitGone(killed, sleeping);
        sql(killed, "DROP TRIGGER test_copy_gate ON model_prediction; DROP FUNCTION test_copy_gate_sleep(); DROP TABLE test_copy_gate");
        long completedAfterKill = count(killed, "SELECT count(*) FROM run_context WHERE status = 'COMPLETED'");
        assertThat(completedAfterKill).as("nothing of the unit being copied was kept").isEqualTo(completedAtKill)
                .isBetween((long) ARM_AFTER_COMPLETED, (long) HOURS - 1);
        assertThat(count(killed, "SELECT count(*) FROM model_prediction p WHERE NOT EXISTS (SELECT 1 FROM run_context rc"
                + " WHERE rc.run_id = p.run_id AND rc.status = 'COMPLETED')")).as("no prediction of an unfinished hour").isZero();
        System.err.println("[mid-copy] killed inside a COPY after " + completedAfterKill + " of " + HOURS + " hours");

        JarProcess.Result resumed = ChildJar.run(ChildJar.env(killed), args);
        assertThat(resumed.exitCode()).as(resumed.all()).isZero();
        assertThat(resumed.out()).contains(completedAfterKill + " already done")
                .contains((HOURS - completedAfterKill) + " hours run");
        JarProcess.Result reference_ = uninterrupted.await(5);
        assertThat(reference_.exitCode()).as(reference_.all()).isZero();
        assertThat(BacktestSigkillResumeIT.runId(resumed)).isEqualTo(BacktestSigkillResumeIT.runId(reference_));
        for (Map.Entry<String, String> fact : BacktestSigkillResumeIT.FACTS.entrySet()) {
            assertThat(rows(killed, fact.getValue())).as(fact.getKey() + " after a kill mid-COPY + resume vs uninterrupted")
                    .containsExactlyElementsOf(rows(reference, fact.getValue()));
        }
        BacktestSigkillResumeIT.assertNothingDoubledOrHalfWritten(killed);
    }

    private static void sql(TestDatabases.Db db, String sql) throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    /** The pids of the backends sleeping in the gate inside a COPY into model_prediction (the unit writer's). */
    private static List<String> awaitSleepingCopy(TestDatabases.Db db, JarProcess child) throws Exception {
        long deadline = System.nanoTime() + 2L * 60 * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (!child.isAlive()) {
                throw new AssertionError("the backtest ended before a COPY reached the gate: " + child.output());
            }
            List<String> sleeping = rows(db, "SELECT pid, left(query, 40) FROM pg_stat_activity WHERE wait_event = 'PgSleep'"
                    + " AND datname = current_database() AND pid <> pg_backend_pid()");
            if (!sleeping.isEmpty()) {
                assertThat(sleeping).as("the statement caught by the gate is the writer's COPY")
                        .allSatisfy(r -> assertThat(r).contains("|COPY").contains("model_prediction"));
                return sleeping.stream().map(r -> r.substring(0, r.indexOf('|'))).toList();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no COPY reached the gate in time: " + child.output());
    }

    private static void awaitGone(TestDatabases.Db db, List<String> pids) throws Exception {
        for (int i = 0; i < 500; i++) {
            if (count(db, "SELECT count(*) FROM pg_stat_activity WHERE pid IN (" + String.join(",", pids) + ")") == 0) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the killed client's backends did not end: " + pids);
    }
}
