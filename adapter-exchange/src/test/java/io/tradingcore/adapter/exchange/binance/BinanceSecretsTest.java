package io.tradingcore.adapter.exchange.binance;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradingcore.adapter.exchange.model.VenueUnavailableException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, item 4: a key that cannot be a header value is refused at load naming where it came from, never
 * showing it; key and secret never appear in a message or log line, even when the venue (or a proxy in front
 * of it) echoes them in an error body.
 */
class BinanceSecretsTest {
    private static final String KEY = BinanceFake.KEY;
    private static final String SECRET = BinanceFake.SECRET;

    private final BinanceFake fake = new BinanceFake();

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void aKeyWithALineBreakIsRefusedNamingTheVariableNotTheValue() {
        // the repro: key and secret pasted into one variable
        Map<String, String> env = Map.of(BinanceCredentials.ENV_KEY, KEY + "\n" + SECRET, BinanceCredentials.ENV_SECRET, SECRET);
        assertThatThrownBy(() -> BinanceCredentials.fromEnvironment(env))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("$BINANCE_API_KEY", "control character", "U+000A", "not shown")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(KEY).doesNotContain(SECRET));
        assertThatThrownBy(() -> BinanceCredentials.fromEnvironment(Map.of(BinanceCredentials.ENV_KEY, KEY,
                BinanceCredentials.ENV_SECRET, "se cret\u00e9")))
                .hasMessageContaining("$BINANCE_API_SECRET", "space").satisfies(e -> assertThat(e.getMessage()).doesNotContain("se cret"));
    }

    @Test
    void aKeyFileWithAControlCharacterIsRefusedNamingTheFileEntry(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("binance.properties");
        Files.writeString(f, "apiKey=" + KEY + "\\u0007\napiSecret=" + SECRET + "\n");
        assertThatThrownBy(() -> BinanceCredentials.fromFile(f))
                .hasMessageContaining("apiKey in " + f, "control character (U+0007)")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(KEY));
    }

    @Test
    void leadingAndTrailingWhitespaceIsStillTrimmed() {
        assertThat(BinanceCredentials.fromEnvironment(Map.of(BinanceCredentials.ENV_KEY, " " + KEY + "\n",
                BinanceCredentials.ENV_SECRET, SECRET + "\r\n"))).contains(BinanceCredentials.of(KEY, SECRET));
    }

    @Test
    void redactTakesOutKeyAndSecretAlsoUrlEncoded() {
        BinanceCredentials c = BinanceCredentials.of("k+y/1", "s=cr&t");
        assertThat(c.redact("X-MBX-APIKEY: k+y/1, k%2By%2F1, secret s=cr&t s%3Dcr%26t"))
                .isEqualTo("X-MBX-APIKEY: <redacted>, <redacted>, secret <redacted> <redacted>");
    }

    @Test
    void aVenueErrorBodyEchoingTheKeyNeverReachesTheMessageOrTheLog() {
        // a proxy that answers with the request's headers, as in the issue
        fake.server.stubFor(get(urlPathEqualTo("/api/v3/account")).willReturn(aResponse().withStatus(502)
                .withHeader("Content-Type", "text/plain")
                .withBody("bad gateway; request headers: X-MBX-APIKEY=" + KEY + " secret=" + SECRET)));
        List<String> logged = captureLogs();
        assertThatThrownBy(() -> fake.exchange().balances())
                .isInstanceOf(VenueUnavailableException.class)
                .hasMessageContaining("X-MBX-APIKEY=<redacted>", "secret=<redacted>")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(KEY).doesNotContain(SECRET));
        assertThat(logged).allSatisfy(l -> assertThat(l).doesNotContain(KEY).doesNotContain(SECRET));
    }

    @Test
    void aJsonErrorMessageEchoingTheKeyIsRedactedAndSoIsTheRateLimitLogLine() {
        fake.server.stubFor(get(urlPathEqualTo("/api/v3/account")).willReturn(aResponse().withStatus(429)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\":-1003,\"msg\":\"Too many requests from key " + KEY + "\"}")));
        List<String> logged = captureLogs();
        assertThatThrownBy(() -> fake.exchange().balances())
                .hasMessageContaining("key <redacted>")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(KEY));
        assertThat(logged).isNotEmpty().allSatisfy(l -> assertThat(l).doesNotContain(KEY).doesNotContain(SECRET));
    }

    /** Everything the adapter logs through System.Logger (backed by java.util.logging in tests), formatted. */
    private static List<String> captureLogs() {
        List<String> lines = new CopyOnWriteArrayList<>();
        Logger root = Logger.getLogger("io.tradingcore.adapter.exchange");
        Handler h = new Handler() {
            @Override
            public void publish(LogRecord r) {
                lines.add(new java.util.logging.SimpleFormatter().formatMessage(r));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        root.addHandler(h);
        root.setLevel(java.util.logging.Level.ALL);
        return lines;
    }
}
