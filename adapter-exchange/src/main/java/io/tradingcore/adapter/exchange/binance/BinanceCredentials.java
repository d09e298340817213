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
 * API key and secret. Neither is ever printed: {@link #toString()} redacts both, and the values are readable
 * only inside this package (signing and the API-key header).
 */
public final class BinanceCredentials {
    public static final String ENV_KEY = "BINANCE_API_KEY";
    public static final String ENV_SECRET = "BINANCE_API_SECRET";

    private final String apiKey;
    private final String secret;

    private BinanceCredentials(String apiKey, String secret) {
        if (apiKey == null || apiKey.isBlank() || secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("Binance API key and secret must both be non-blank");
        }
        this.apiKey = apiKey.strip();
        this.secret = secret.strip();
    }

    public static BinanceCredentials of(String apiKey, String secret) {
        return new BinanceCredentials(apiKey, secret);
    }

    /** From {@value #ENV_KEY} and {@value #ENV_SECRET}; empty when either is missing. */
    public static Optional<BinanceCredentials> fromEnvironment(Map<String, String> env) {
        String k = env.get(ENV_KEY);
        String s = env.get(ENV_SECRET);
        return k == null || s == null || k.isBlank() || s.isBlank() ? Optional.empty() : Optional.of(new BinanceCredentials(k, s));
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
        return new BinanceCredentials(k, s);
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
