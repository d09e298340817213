package io.tradingcore.adapter.exchange.binance;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/** A WireMock Binance on 127.0.0.1 (dynamic port), fixtures from src/test/resources/binance, and a client aimed at it. */
final class BinanceFake implements AutoCloseable {
    static final Instant NOW = Instant.parse("2024-01-01T03:00:00Z");
    static final String KEY = "test-api-key-0123456789";
    static final String SECRET = "test-api-secret-9876543210";

    final WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    /** What the client would have slept: recorded, never slept, so back-off tests take no time. */
    final List<Duration> slept = new ArrayList<>();

    BinanceFake() {
        server.start();
        warmUp();
    }

    /** The first request of a JVM loads HTTP classes on both sides; keep that out of the short timeouts under test. */
    private void warmUp() {
        try {
            HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/__admin/health")).build(),
                    HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new IllegalStateException("WireMock on 127.0.0.1:" + server.port() + " does not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    BinanceConfig.Builder config() {
        return BinanceConfig.builder()
                .baseUrl("http://127.0.0.1:" + server.port())
                .credentials(BinanceCredentials.of(KEY, SECRET))
                .symbols(List.of("BTC/USDT"))
                .requestTimeout(Duration.ofSeconds(5)) // generous: the machine is shared; timeout tests set their own
                .rateLimitBudget(Duration.ofSeconds(10))
                .initialBackoff(Duration.ofMillis(250))
                .unknownOrderBudget(Duration.ofSeconds(3))
                .unknownOrderPollInterval(Duration.ofMillis(500))
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .sleeper(slept::add);
    }

    BinanceExchange exchange() {
        return BinanceExchange.create(config().build());
    }

    static String fixture(String name) {
        try (InputStream in = Objects.requireNonNull(BinanceFake.class.getResourceAsStream("/binance/" + name), name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static ResponseDefinitionBuilder json(int status, String fixtureName) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json;charset=UTF-8").withBody(fixture(fixtureName));
    }

    @Override
    public void close() {
        server.stop();
    }
}
