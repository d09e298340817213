package io.tradingcore.app.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradingcore.app.PaperCommand;
import io.tradingcore.application.live.StopSignal;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Stopping a paper session: a stop requested during an hour (in-process) and SIGTERM to a session in another JVM (the
 * Ctrl-C shutdown hooks) both finish the current hour and exit 0, leaving no hour half-done.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PaperStopSessionIT extends SessionsFixture {

    PaperStopSessionIT() {
        super("paper_stop_session", true);
    }

    @Test
    @Order(4)
    void aStopRequestedDuringAnHourFinishesThatHourAndExitsZero() throws SQLException {
        StopSignal stop = StopSignal.manual();
        StringWriter out = new StringWriter();
        Writer stopAfterFirstHour = new Writer() {
            @Override
            public void write(char[] buf, int off, int len) {
                String s = new String(buf, off, len);
                out.write(s);
                if (s.contains(" COMPLETED")) {
                    stop.request();
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        StringWriter err = new StringWriter();
        int code = PaperCommand.execute(new PrintWriter(stopAfterFirstHour, true), new PrintWriter(err, true), Clock.systemUTC(),
                d -> { }, stop, "--db-url", dbUrl, "--assets", "BTC/USDT", "--market-data", "replay", "--replay-from",
                "2025-04-01", "--hours", "5", "--config", config.toString());
        assertThat(code).as(out + "\n" + err).isZero();
        assertThat(out.toString()).contains("paper: 1 hour(s): 1 run").contains("stopped on request");
        assertThat(count("SELECT count(*) FROM run_context WHERE account_id = " + accountId("paper-replay-2025-04-01T00-BTC_USDT")
                + " AND status = 'COMPLETED'")).isOne();
    }

    @Test
    @Order(6)
    void ctrlCInAnotherProcessFinishesTheCurrentHourAndExitsZero() throws Exception {
        Path log = Files.createTempFile("paper-process", ".out");
        Process proc = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), PaperProcessMain.class.getName(), "--db-url", dbUrl, "--config",
                config.toString(), "--assets", "BTC/USDT", "--market-data", "replay", "--replay-from", "2025-05-01", "--hours", "500")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!Files.readString(log).contains(" COMPLETED") && proc.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(Files.readString(log)).as("the session got going").contains(" COMPLETED");
            proc.destroy(); // SIGTERM: the same shutdown hooks as Ctrl-C's SIGINT
            assertThat(proc.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        } finally {
            proc.destroyForcibly();
        }
        String out = Files.readString(log);
        assertThat(proc.exitValue()).as(out).isZero();
        assertThat(out).contains("stop requested: finishing the current hour").contains("stopped on request");
        short account = accountId("paper-replay-2025-05-01T00-BTC_USDT");
        int completed = count("SELECT count(*) FROM run_context WHERE account_id = " + account + " AND status = 'COMPLETED'");
        assertThat(completed).isBetween(1, 499);
        assertThat(count("SELECT count(*) FROM run_context WHERE account_id = " + account + " AND status <> 'COMPLETED'"))
                .as("no hour left half-done").isZero();
        assertThat(out).contains("paper: " + completed + " hour(s): " + completed + " run");
    }
}
