package io.tradingcore.adapter.exchange.binance;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Settings of the Binance spot client. {@code symbols} are ours ("BTC/USDT"): the client maps them to Binance's
 * ("BTCUSDT") and searches them, in this order, for a client order id it has not seen in this process.
 *
 * <p>Budgets bound every wait: {@code rateLimitBudget} caps the total back-off of one call (429/418/-1003,
 * honouring Retry-After), {@code unknownOrderBudget} how long an order whose submission got no answer is looked
 * for by client order id (Binance may answer -2013 for a few seconds after accepting an order).
 */
public record BinanceConfig(URI baseUrl, BinanceCredentials credentials, List<String> symbols, Duration requestTimeout,
                            long recvWindowMillis, Duration rateLimitBudget, int maxRateLimitRetries, Duration initialBackoff,
                            Duration unknownOrderBudget, Duration unknownOrderPollInterval, int maxSubmitAttempts,
                            boolean queryBeforeSubmit, Clock clock, Sleeper sleeper) {

    public static final URI PRODUCTION = URI.create("https://api.binance.com");

    /** Waits; tests pass one that records instead of sleeping. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    public BinanceConfig {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(symbols, "symbols");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(rateLimitBudget, "rateLimitBudget");
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(unknownOrderBudget, "unknownOrderBudget");
        Objects.requireNonNull(unknownOrderPollInterval, "unknownOrderPollInterval");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(sleeper, "sleeper");
        symbols = List.copyOf(symbols);
        for (String s : symbols) {
            BinanceAdapters.toVenueSymbol(s);
        }
        if (recvWindowMillis <= 0 || recvWindowMillis > 60_000) {
            throw new IllegalArgumentException("recvWindow must be in 1..60000 ms (Binance's limit), got " + recvWindowMillis);
        }
        if (maxSubmitAttempts < 1) {
            throw new IllegalArgumentException("maxSubmitAttempts must be >= 1, got " + maxSubmitAttempts);
        }
        if (maxRateLimitRetries < 0) {
            throw new IllegalArgumentException("maxRateLimitRetries must be >= 0, got " + maxRateLimitRetries);
        }
        if (unknownOrderPollInterval.isZero() || unknownOrderPollInterval.isNegative()) {
            throw new IllegalArgumentException("unknownOrderPollInterval must be > 0, got " + unknownOrderPollInterval);
        }
    }

    @Override
    public String toString() {
        return "BinanceConfig[baseUrl=" + baseUrl + ", credentials=" + credentials + ", symbols=" + symbols + ", requestTimeout="
                + requestTimeout + ", rateLimitBudget=" + rateLimitBudget + ", unknownOrderBudget=" + unknownOrderBudget
                + ", maxSubmitAttempts=" + maxSubmitAttempts + "]";
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Production-minded defaults: 10 s request timeout, 5 s recvWindow, 30 s back-off budget, 10 s unknown-order budget. */
    public static final class Builder {
        private URI baseUrl = PRODUCTION;
        private BinanceCredentials credentials;
        private List<String> symbols = List.of();
        private Duration requestTimeout = Duration.ofSeconds(10);
        private long recvWindowMillis = 5_000;
        private Duration rateLimitBudget = Duration.ofSeconds(30);
        private int maxRateLimitRetries = 5;
        private Duration initialBackoff = Duration.ofSeconds(1);
        private Duration unknownOrderBudget = Duration.ofSeconds(10);
        private Duration unknownOrderPollInterval = Duration.ofMillis(500);
        private int maxSubmitAttempts = 2;
        private boolean queryBeforeSubmit = true;
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = d -> Thread.sleep(d.toMillis());

        public Builder baseUrl(String v) { baseUrl = URI.create(v); return this; }
        public Builder credentials(BinanceCredentials v) { credentials = v; return this; }
        public Builder symbols(List<String> v) { symbols = v; return this; }
        public Builder requestTimeout(Duration v) { requestTimeout = v; return this; }
        public Builder recvWindowMillis(long v) { recvWindowMillis = v; return this; }
        public Builder rateLimitBudget(Duration v) { rateLimitBudget = v; return this; }
        public Builder maxRateLimitRetries(int v) { maxRateLimitRetries = v; return this; }
        public Builder initialBackoff(Duration v) { initialBackoff = v; return this; }
        public Builder unknownOrderBudget(Duration v) { unknownOrderBudget = v; return this; }
        public Builder unknownOrderPollInterval(Duration v) { unknownOrderPollInterval = v; return this; }
        public Builder maxSubmitAttempts(int v) { maxSubmitAttempts = v; return this; }
        public Builder queryBeforeSubmit(boolean v) { queryBeforeSubmit = v; return this; }
        public Builder clock(Clock v) { clock = v; return this; }
        public Builder sleeper(Sleeper v) { sleeper = v; return this; }

        public BinanceConfig build() {
            return new BinanceConfig(baseUrl, credentials, symbols, requestTimeout, recvWindowMillis, rateLimitBudget,
                    maxRateLimitRetries, initialBackoff, unknownOrderBudget, unknownOrderPollInterval, maxSubmitAttempts,
                    queryBeforeSubmit, clock, sleeper);
        }
    }
}
