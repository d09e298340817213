package io.tradingcore.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, item 10: `report --out` (and `backtest --report-dir`) naming an existing file is a usage error said before
 * anything runs (it was a FileAlreadyExistsException, exit 1, after the work). No database is reached: the URL is dead.
 */
class OutputDirectoryTest {

    @Test
    void anExistingFileAsTheReportDirectoryIsAUsageError(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("report.html"), "x");
        String dead = "jdbc:postgresql://127.0.0.1:1/none?user=u&password=p&connectTimeout=1";
        assertThat(run("report", "--backtest-run-id", "00000000-0000-0000-0000-000000000001", "--out", file.toString(),
                "--db-url", dead)).startsWith(ExitCodes.USAGE + ":").contains("--out " + file + " is an existing file");
        assertThat(run("backtest", "--assets", "BTC/USDT", "--from", "2025-01-01", "--to", "2025-01-02", "--report-dir",
                file.toString(), "--db-url", dead)).startsWith(ExitCodes.USAGE + ":").contains("--report-dir " + file
                + " is an existing file");
    }

    private static String run(String... args) {
        PrintStream err = System.err;
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try (PrintStream pe = new PrintStream(e, true, StandardCharsets.UTF_8)) {
            System.setErr(pe);
            int code = Main.run(args);
            return code + ":" + e.toString(StandardCharsets.UTF_8);
        } finally {
            System.setErr(err);
        }
    }
}
