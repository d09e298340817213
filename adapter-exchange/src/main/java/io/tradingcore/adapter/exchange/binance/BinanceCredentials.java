package io.tradingcore.adapter.exchange.binance;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * API key and secret. Neither is ever printed: {@link #toString()} redacts both, the values are readable only
 * inside this package (signing and the API-key header), every text that came from the venue passes through
 * {@link #redact} before it reaches a message or a log line, and a value that could not be sent as a header
 * (a control character such as a line break, a space, a non-ASCII character) is refused at load naming where
 * it came from, never showing it.
 */
public final class BinanceCredentials {
    public static final String ENV_KEY = "BINANCE_API_KEY";
    public static final String ENV_SECRET = "BINANCE_API_SECRET";

    private final String apiKey;
    private final String secret;

    private static final String REDACTED = "<redacted>";

    private BinanceCredentials(String apiKey, String keySource, String secret, String secretSource) {
        if (apiKey == null || apiKey.isBlank() || secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("Binance API key and secret must both be non-blank");
        }
        this.apiKey = checked(apiKey.strip(), keySource);
        this.secret = checked(secret.strip(), secretSource);
    }

    /** Visible ASCII only (what Binance issues); the message names the source and the position, never the value. */
    private static String checked(String value, String source) {
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (ch < 0x21 || ch > 0x7e) {
                String what = Character.isISOControl(ch) ? "a control character (U+" + String.format("%04X", (int) ch) + ")"
                        : Character.isWhitespace(ch) || Character.isSpaceChar(ch) ? "a space" : "a non-ASCII character";
                throw new IllegalArgumentException(source + " contains " + what + " at position " + (i + 1)
                        + " of " + value.length() + "; the value is not shown. Binance keys are printable ASCII without spaces:"
                        + " check for a line break or a second value pasted into it");
            }
        }
        return value;
    }

    public static BinanceCredentials of(String apiKey, String secret) {
        return new BinanceCredentials(apiKey, "the Binance API key", secret, "the Binance API secret");
    }

    /**
     * {@code text} with every occurrence of the key and the secret (also URL-encoded) replaced by
     * {@code <redacted>}: for venue error bodies and anything else that may echo a request back.
     */
    public String redact(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String v : new String[] {apiKey, secret}) {
            out = out.replace(v, REDACTED);
            String encoded = java.net.URLEncoder.encode(v, StandardCharsets.UTF_8);
            if (!encoded.equals(v)) {
                out = out.replace(encoded, REDACTED);
            }
        }
        return out;
    }

    /** From {@value #ENV_KEY} and {@value #ENV_SECRET}; empty when either is missing. */
    public static Optional<BinanceCredentials> fromEnvironment(Map<String, String> env) {
        String k = env.get(ENV_KEY);
        String s = env.get(ENV_SECRET);
        return k == null || s == null || k.isBlank() || s.isBlank() ? Optional.empty()
                : Optional.of(new BinanceCredentials(k, "$" + ENV_KEY, s, "$" + ENV_SECRET));
    }

    /** From a properties file with {@code apiKey=...} and {@code apiSecret=...} (keep it readable by the owner only). */
    public static BinanceCredentials fromFile(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        String k = p.getProperty("apiKey");
        String s = p.getProperty("apiSecret");
        if (k == null || s == null) {
            throw new IllegalArgumentException("credentials file " + file + " must define apiKey and apiSecret");
        }
        return new BinanceCredentials(k, "apiKey in " + file, s, "apiSecret in " + file);
    }

    String apiKey() {
        return apiKey;
    }

    String secret() {
        return secret;
    }

    @Override
    public String toString() {
        return "BinanceCredentials[apiKey=<redacted>, secret=<redacted>]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BinanceCredentials c && apiKey.equals(c.apiKey) && secret.equals(c.secret);
    }

    @Override
    public int hashCode() {
        return Objects.hash(apiKey, secret);
    }
}
