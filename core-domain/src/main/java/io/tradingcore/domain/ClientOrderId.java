package io.tradingcore.domain;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Our id of an order at the venue. Derived deterministically from (run, signal) so that a retried
 * submission after a crash or timeout carries the same id and the venue (or our query) recognises it.
 * At most 36 characters of {@code [A-Za-z0-9_-]} (Binance's limit for newClientOrderId).
 */
public record ClientOrderId(String value) implements Comparable<ClientOrderId> {
    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9_-]{1,36}");

    public ClientOrderId {
        Objects.requireNonNull(value, "ClientOrderId.value");
        if (!ALLOWED.matcher(value).matches()) {
            throw new IllegalArgumentException("ClientOrderId must be 1-36 chars of [A-Za-z0-9_-], was '" + value + "'");
        }
    }

    /** The deterministic id of the order placed for {@code signal} in {@code run}: "tc" + 32 hex chars. */
    public static ClientOrderId forSignal(RunId run, SignalId signal) {
        return new ClientOrderId("tc" + DeterministicIds.sha256Hex("client-order", run.toString(), signal.toString()).substring(0, 32));
    }

    @Override
    public int compareTo(ClientOrderId o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
