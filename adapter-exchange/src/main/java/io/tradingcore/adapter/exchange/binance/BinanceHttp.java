package io.tradingcore.adapter.exchange.binance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * Binance REST transport: request signing (HMAC-SHA256 of the query string carrying timestamp and recvWindow,
 * API key in the X-MBX-APIKEY header), JSON decoding, and bounded back-off on rate limits that honours Retry-After.
 * Every other decision (what an error means, whether to query or resubmit) belongs to the callers.
 *
 * <p>Nothing here logs a request: the key never leaves the header and the secret never leaves {@link #sign}.
 */
final class BinanceHttp {
    private static final System.Logger LOG = System.getLogger(BinanceHttp.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What one call came to, after any rate-limit back-off. */
    sealed interface Outcome permits Ok, VenueError, NoAnswer {
    }

    record Ok(JsonNode body) implements Outcome {
    }

    /** An HTTP error with Binance's {code, msg} body when there was one (code 0 otherwise). */
    record VenueError(int httpStatus, int code, String msg, Optional<Duration> retryAfter) implements Outcome {
        boolean rateLimited() {
            return BinanceErrorAdapter.isRateLimit(httpStatus, code);
        }

        String describe() {
            return "HTTP " + httpStatus + " code " + code + ": " + msg;
        }
    }

    /** No HTTP answer at all (timeout, connection refused or reset). */
    record NoAnswer(String why) implements Outcome {
    }

    private final BinanceConfig config;
    private final HttpClient client;

    BinanceHttp(BinanceConfig config) {
        this.config = config;
        this.client = HttpClient.newBuilder().connectTimeout(config.requestTimeout()).version(HttpClient.Version.HTTP_1_1).build();
    }

    Outcome publicGet(String path, Map<String, String> params) {
        return withBackoff("GET", path, params, false);
    }

    Outcome signed(String method, String path, Map<String, String> params) {
        if (config.credentials() == null) {
            throw new IllegalStateException("Binance " + method + " " + path + " needs API credentials; none configured");
        }
        return withBackoff(method, path, params, true);
    }

    private Outcome withBackoff(String method, String path, Map<String, String> params, boolean signed) {
        Duration waited = Duration.ZERO;
        Duration backoff = config.initialBackoff();
        for (int retry = 0; ; retry++) {
            Outcome o = once(method, path, params, signed);
            if (!(o instanceof VenueError e) || !e.rateLimited()) {
                return o;
            }
            Duration wait = e.retryAfter().orElse(backoff);
            if (retry >= config.maxRateLimitRetries() || waited.plus(wait).compareTo(config.rateLimitBudget()) > 0) {
                LOG.log(System.Logger.Level.WARNING, "Binance {0} {1} still rate limited after {2} retries and {3} waited ({4}); giving up",
                        method, path, retry, waited, e.describe());
                return e;
            }
            LOG.log(System.Logger.Level.INFO, "Binance {0} {1} rate limited ({2}); retrying in {3}", method, path, e.describe(), wait);
            try {
                config.sleeper().sleep(wait);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                return e;
            }
            waited = waited.plus(wait);
            backoff = backoff.multipliedBy(2);
        }
    }

    private Outcome once(String method, String path, Map<String, String> params, boolean signed) {
        Map<String, String> all = new LinkedHashMap<>(params);
        if (signed) {
            all.put("recvWindow", Long.toString(config.recvWindowMillis()));
            all.put("timestamp", Long.toString(config.clock().millis()));
        }
        String query = encode(all);
        if (signed) {
            query = query + (query.isEmpty() ? "" : "&") + "signature=" + sign(query);
        }
        URI uri = URI.create(config.baseUrl().toString().replaceAll("/+$", "") + path + (query.isEmpty() ? "" : "?" + query));
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(config.requestTimeout()).method(method, HttpRequest.BodyPublishers.noBody());
        HttpResponse<String> r;
        try {
            if (signed) {
                b.header("X-MBX-APIKEY", config.credentials().apiKey());
            }
            r = client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            return new NoAnswer("no answer to " + method + " " + path + " within " + config.requestTimeout());
        } catch (IOException | IllegalArgumentException e) {
            // the JDK quotes a refused header value (the key) in its message, and a proxy may echo it
            return new NoAnswer(method + " " + path + " failed: " + redact(describe(e, config.baseUrl())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new NoAnswer(method + " " + path + " interrupted");
        }
        if (r.statusCode() / 100 == 2) {
            try {
                return new Ok(JSON.readTree(r.body()));
            } catch (IOException e) {
                // Accepted but unreadable: for an order this is as uncertain as no answer at all
                return new NoAnswer(method + " " + path + " answered " + r.statusCode() + " with unreadable JSON");
            }
        }
        return error(r);
    }

    /**
     * What went wrong with a request, in words: a DNS failure reached us as "ConnectException null" (the JDK's
     * ConnectException has no message; its cause is an UnresolvedAddressException), issue 17, item 10.
     */
    static String describe(Throwable e, java.net.URI baseUrl) {
        String message = null;
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof java.nio.channels.UnresolvedAddressException || c instanceof java.net.UnknownHostException) {
                return "cannot resolve host " + baseUrl.getHost() + " (DNS lookup failed; check --binance-url and the network)";
            }
            if (message == null && c.getMessage() != null && !c.getMessage().isBlank()) {
                message = c.getMessage();
            }
        }
        return e.getClass().getSimpleName() + (message == null ? "" : " " + message);
    }

    /** Venue text with the key and the secret taken out (a proxy or a venue may echo a request's header). */
    private String redact(String text) {
        return config.credentials() == null ? text : config.credentials().redact(text);
    }

    private VenueError error(HttpResponse<String> r) {
        int code = 0;
        String msg = r.body() == null ? "" : redact(r.body());
        try {
            JsonNode n = JSON.readTree(msg);
            if (n != null && n.has("code")) {
                code = n.get("code").asInt();
                msg = redact(n.path("msg").asText(""));
            }
        } catch (IOException ignored) {
            // a non-JSON error page (e.g. a proxy's 502): keep its text, trimmed
        }
        if (msg.length() > 300) {
            msg = msg.substring(0, 300);
        }
        Optional<Duration> retryAfter = r.headers().firstValue("Retry-After").flatMap(BinanceHttp::seconds);
        return new VenueError(r.statusCode(), code, msg, retryAfter);
    }

    private static Optional<Duration> seconds(String v) {
        try {
            long s = Long.parseLong(v.trim());
            return s < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(s));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String encode(Map<String, String> params) {
        StringJoiner j = new StringJoiner("&");
        params.forEach((k, v) -> j.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return j.toString();
    }

    /** HMAC-SHA256 of the exact query string sent, hex encoded, as Binance's SIGNED endpoint security requires. */
    String sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(config.credentials().secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
    }
}
