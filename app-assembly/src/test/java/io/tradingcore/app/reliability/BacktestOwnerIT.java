package io.tradingcore.app.reliability;

import static io.tradingcore.app.reliability.SqlRows.count;
import static io.tradingcore.app.reliability.SqlRows.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.tradingcore.app.ExitCodes;
import io.tradingcore.app.JarProcess;
import io.tradingcore.testdb.TestDatabases;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 17, item 2, with the built jar as child JVMs (not threads): the same backtest started twice at once is run by
 * exactly one process; the other exits {@link ExitCodes#RUNNING_ELSEWHERE} having written nothing, and what is stored
 * equals a single uninterrupted run row for row. A process waiting for the owner (`--wait-for-owner`) takes over when
 * the owner is SIGKILLed and resumes from what the owner committed, again equal to the uninterrupted run.
 *
 * <p>Before the claim, both processes ran with a venue each and handed hours back and forth through the per-hour
 * lock: 6 of 13 trials diverged (a position never sold, 23 REJECTED orders), both exiting 0.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BacktestOwnerIT {

    private static final int HOURS = 72;

    private String[] args;
    private TestDatabases.Db template;
    private TestDatabases.Db reference;

    @BeforeAll
    void uninterruptedReference() throws Exception {
        args = BacktestSigkillResumeIT.backtestArgs();
        template = TestDatabases.freshDatabase("rel_owner");
        JarProcess.Result ingest = ChildJar.ingestBtcAndEth(template);
        assertThat(ingest.exitCode()).as(ingest.all()).isZero();
        reference = SqlRows.copyOf(template, "rel_owner_ref_" + ProcessHandle.current().pid());
        JarProcess.Result single = ChildJar.run(ChildJar.env(reference), args);
        assertThat(single.exitCode()).as(single.all()).isZero();
        assertThat(count(reference, "SELECT count(*) FROM run_context WHERE status = 'COMPLETED'")).isEqualTo(HOURS);
        assertThat(count(reference, "SELECT count(*) FROM order_request")).as("the window trades").isPositive();
    }

    @Test
    void theSameBacktestStartedTwiceAtOnceRunsInExactlyOneProcess() throws Exception {
        TestDatabases.Db db = SqlRows.copyOf(template, "rel_owner_twice_" + ProcessHandle.current().pid());
        JarProcess a = ChildJar.start(ChildJar.env(db), args);
        JarProcess b = ChildJar.start(ChildJar.env(db), args);
        JarProcess.Result ra = a.await(5);
        JarProcess.Result rb = b.await(5);
        List<JarProcess.Result> both = List.of(ra, rb);
        assertThat(both).as(ra.all() + "\n---\n" + rb.all()).extracting(JarProcess.Result::exitCode)
                .containsExactlyInAnyOrder(ExitCodes.OK, ExitCodes.RUNNING_ELSEWHERE);
        JarProcess.Result loser = ra.exitCode() == ExitCodes.OK ? rb : ra;
        assertThat(loser.err()).contains("is running elsewhere").doesNotContain("Exception");
        assertThat(loser.out()).doesNotContain("hours run");
        assertSameFactsAsTheUninterruptedRun(db);
    }

    @Test
    void aWaitingProcessTakesOverWhenTheOwnerIsKilledAndResumesFromItsStoredState() throws Exception {
        TestDatabases.Db db = SqlRows.copyOf(template, "rel_owner_handover_" + ProcessHandle.current().pid());
        JarProcess owner = ChildJar.start(ChildJar.env(db), args);
        ChildJar.awaitCompletedHours(db, owner, 20);
        // frozen, not yet killed: it still owns the backtest, and it cannot finish the window while the heir is checked
        // (on a quiet machine it used to run all 72 hours in the 3 s below, so the kill came after the end)
        owner.freeze();
        String[] waiting = java.util.Arrays.copyOf(args, args.length + 2);
        waiting[waiting.length - 2] = "--wait-for-owner";
        waiting[waiting.length - 1] = "600";
        JarProcess heir = ChildJar.start(ChildJar.env(db), waiting);
        // the heir waits (it has not taken over: the owner keeps running and the heir prints no summary)
        Thread.sleep(3_000);
        assertThat(heir.isAlive()).as(heir.output()).isTrue();
        assertThat(owner.isAlive()).as("the owner is still there (frozen): " + owner.output()).isTrue();
        assertThat(owner.kill()).as("killed by SIGKILL").isEqualTo(137);
        Thread.sleep(1_000); // a COMMIT the owner had sent before it froze is finished by the server by now
        long committed = count(db, "SELECT count(*) FROM run_context WHERE status = 'COMPLETED'");
        assertThat(committed).as("the kill came before the end").isLessThan(HOURS);

        JarProcess.Result resumed = heir.await(5);
        assertThat(resumed.exitCode()).as(resumed.all()).isZero();
        assertThat(resumed.out()).contains(committed + " already done").contains((HOURS - committed) + " hours run");
        assertSameFactsAsTheUninterruptedRun(db);
    }

    private void assertSameFactsAsTheUninterruptedRun(TestDatabases.Db db) throws Exception {
        for (Map.Entry<String, String> fact : BacktestSigkillResumeIT.FACTS.entrySet()) {
            assertThat(rows(db, fact.getValue())).as(fact.getKey() + " vs the uninterrupted run")
                    .containsExactlyElementsOf(rows(reference, fact.getValue()));
        }
        BacktestSigkillResumeIT.assertNothingDoubledOrHalfWritten(db);
    }
}
