package io.tradingcore.app.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradingcore.app.ExitCodes;
import io.tradingcore.app.LiveCommand;
import io.tradingcore.application.live.StopSignal;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The live and paper commands' refusals, which all happen before any database or venue is touched. */
class SessionCommandRefusalsTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int live(Map<String, String> env, String... args) {
        return LiveCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), env, args);
    }

    @Test
    void refusesWithoutTheExplicitFlagEvenWithKeys() {
        int code = live(Map.of("BINANCE_API_KEY", "k-123", "BINANCE_API_SECRET", "s-456"), "--assets", "BTC/USDT");
        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("refused without --i-understand-live-trading");
        assertThat(err.toString().strip().lines().count()).isOne();
    }

    @Test
    void refusesWithTheFlagButWithoutCredentials() {
        int code = live(Map.of(), "--assets", "BTC/USDT", "--i-understand-live-trading");
        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("needs Binance API credentials").contains("BINANCE_API_KEY").contains("--api-key-file");
    }

    @Test
    void refusesAHalfSetEnvironmentWithoutPrintingTheKey() {
        int code = live(Map.of("BINANCE_API_KEY", "my-secret-key-value"), "--assets", "BTC/USDT", "--i-understand-live-trading");
        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString() + out).doesNotContain("my-secret-key-value");
    }

    @Test
    void refusesAKeyFileWithoutASecretWithoutPrintingTheKey() throws Exception {
        Path file = Files.createTempFile("keys", ".properties");
        Files.writeString(file, "apiKey=abcdef-very-secret\n");
        int code = live(Map.of(), "--assets", "BTC/USDT", "--i-understand-live-trading", "--api-key-file", file.toString());
        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("must define apiKey and apiSecret").doesNotContain("abcdef-very-secret");
    }

    @Test
    void refusesAMissingKeyFile() {
        int code = live(Map.of(), "--assets", "BTC/USDT", "--i-understand-live-trading", "--api-key-file", "/nonexistent/keys");
        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("cannot read --api-key-file /nonexistent/keys");
    }

    private int paper(String... args) {
        return io.tradingcore.app.PaperCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true),
                java.time.Clock.systemUTC(), d -> { }, StopSignal.manual(), args);
    }

    @Test
    void paperRefusesReplayOptionsWithoutReplayMarketData() {
        assertThat(paper("--assets", "BTC/USDT", "--replay-from", "2025-01-01")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--replay-from/--replay-to need --market-data replay");
    }

    @Test
    void paperReplayNeedsAStartAndAnEnd() {
        assertThat(paper("--assets", "BTC/USDT", "--market-data", "replay")).isEqualTo(ExitCodes.USAGE);
        assertThat(paper("--assets", "BTC/USDT", "--market-data", "replay", "--replay-from", "2025-01-01")).isEqualTo(ExitCodes.USAGE);
        assertThat(paper("--assets", "BTC/USDT", "--market-data", "replay", "--replay-from", "2025-01-02", "--replay-to", "2025-01-01"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(paper("--assets", "BTC/USDT", "--hours", "-1")).isEqualTo(ExitCodes.USAGE);
        assertThat(paper("--assets", "BTC/USDT", "--market-data", "replay", "--replay-from", "2025-01-01", "--hours", "0"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("needs --replay-from DATE")
                .contains("needs --replay-to DATE or --hours N with N >= 1 (--hours 0, the default, means until stopped,"
                        + " and a replay has an end)")
                .contains("must be before --replay-to").contains("--hours must be >= 0");
    }
}
