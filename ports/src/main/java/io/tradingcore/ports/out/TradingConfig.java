package io.tradingcore.ports.out;

import io.tradingcore.domain.hash.Canonical;
import io.tradingcore.domain.risk.DrawdownPolicy;
import io.tradingcore.domain.signal.SignalPolicyConfig;
import java.util.Objects;

/**
 * The configuration a cycle runs with. Its {@link #configHash()} (SHA-256 of the canonical form) is
 * run_context.config_hash, so two runs with equal configuration have equal hashes whatever file
 * layout they came from.
 *
 * @param venue         market-data venue whose candles and book snapshots the cycle reads
 * @param lookbackBars  closed candles read per asset (at least the feature engine's lookback)
 */
public record TradingConfig(SignalPolicyConfig signal, DrawdownPolicy drawdown, String venue, int lookbackBars) {
    public TradingConfig {
        Objects.requireNonNull(signal, "signal");
        Objects.requireNonNull(drawdown, "risk");
        Objects.requireNonNull(venue, "venue");
        if (venue.isBlank()) {
            throw new IllegalArgumentException("venue must not be blank");
        }
        if (lookbackBars < 1 || lookbackBars > 10_000) {
            throw new IllegalArgumentException("lookbackBars must be in [1, 10000], was " + lookbackBars);
        }
    }

    /** SHA-256 (64 hex) of the canonical form. */
    public String configHash() {
        return Canonical.sha256(this);
    }
}
