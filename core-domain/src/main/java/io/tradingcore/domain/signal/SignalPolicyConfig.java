package io.tradingcore.domain.signal;

import io.tradingcore.domain.CostModel;
import io.tradingcore.domain.Decimals;
import io.tradingcore.domain.Horizon;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Thresholds and costs of the signal policy and of entry sizing. Every value is range-checked here;
 * an out-of-range value is refused with an IllegalArgumentException naming its configuration key.
 *
 * @param decisionHorizon   horizon whose meta prediction drives the decision (signal.decisionHorizon)
 * @param enterProbability  optional extra gate: meta probability needed to enter, in [0, 1]; default 0 (off: the
 *                          learned net edge alone decides)
 * @param exitProbability   optional: meta probability at or below which a position is exited, in
 *                          [0, enterProbability]; default 0 (off)
 * @param minEdge           the learned expected net return (already net of the round trip) must exceed this to
 *                          enter, in [-1, 1]; default 0 (a negative value enters where the learned edge is
 *                          negative too: for exercising the plumbing, not for trading)
 * @param exitEdge          a held position EXITs when its expected gross return over the horizon (the learned
 *                          net return plus the round trip: the entry is paid and the exit is paid either way) is
 *                          below this, in [-1, 1]; default 0
 * @param targetFraction    share of equity an entry targets, in (0, 1] (more would be leverage)
 * @param costs             fee, spread and slippage of the venue: the one cost model (signal.costs)
 * @param priceBufferRate   cash kept back for the move between reference and execution price, in [0, 0.1]
 * @param minOrderNotional  smaller entries are not placed, &gt;= 0
 * @param noEntryRegimes    regimes in which no entry is taken
 * @param exitRegimes       regimes that force an exit of any position
 */
public record SignalPolicyConfig(Horizon decisionHorizon, double enterProbability, double exitProbability,
                                 BigDecimal minEdge, BigDecimal exitEdge, BigDecimal targetFraction, CostModel costs, BigDecimal priceBufferRate,
                                 BigDecimal minOrderNotional, SortedSet<String> noEntryRegimes,
                                 SortedSet<String> exitRegimes) {
    public SignalPolicyConfig {
        Objects.requireNonNull(decisionHorizon, "signal.decisionHorizon");
        if (!(enterProbability >= 0.0 && enterProbability <= 1.0)) {
            throw new IllegalArgumentException("signal.enterProbability must be in [0, 1], was " + enterProbability);
        }
        if (!(exitProbability >= 0.0 && exitProbability <= enterProbability)) {
            throw new IllegalArgumentException("signal.exitProbability must be in [0, signal.enterProbability], was " + exitProbability);
        }
        minEdge = range(minEdge, "signal.minEdge", "-1", "1", true);
        exitEdge = range(exitEdge, "signal.exitEdge", "-1", "1", true);
        targetFraction = range(targetFraction, "signal.targetFraction", "0", "1", false);
        Objects.requireNonNull(costs, "signal.costs");
        priceBufferRate = range(priceBufferRate, "signal.priceBufferRate", "0", "0.1", true);
        Objects.requireNonNull(minOrderNotional, "signal.minOrderNotional");
        if (minOrderNotional.signum() < 0) {
            throw new IllegalArgumentException("signal.minOrderNotional must be >= 0, was " + minOrderNotional.toPlainString());
        }
        minOrderNotional = Decimals.value(minOrderNotional);
        noEntryRegimes = Collections.unmodifiableSortedSet(new TreeSet<>(noEntryRegimes));
        exitRegimes = Collections.unmodifiableSortedSet(new TreeSet<>(exitRegimes));
    }

    /**
     * Defaults: H4, no probability gates, enter where the learned net edge is &gt; 0, 25% of equity, the default
     * {@link CostModel} (10 bps fee, 2 bps spread, 1 bp slippage).
     */
    public static SignalPolicyConfig defaults() {
        return new SignalPolicyConfig(Horizon.H4, 0.0, 0.0, BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("0.25"),
                CostModel.defaults(), new BigDecimal("0.005"), new BigDecimal("10"), new TreeSet<>(), new TreeSet<>());
    }

    /** The cost model's fee per side as a fraction (order sizing). */
    public BigDecimal feeRate() {
        return costs.feeRate();
    }

    /** The cost model's round trip at the book's spread (null: the configured spread), as recorded with a signal. */
    public BigDecimal roundTripCost(BigDecimal spreadBps) {
        return Decimals.value(costs.roundTrip(spreadBps));
    }

    private static BigDecimal range(BigDecimal v, String key, String lo, String hi, boolean loInclusive) {
        Objects.requireNonNull(v, key);
        BigDecimal low = new BigDecimal(lo);
        boolean okLow = loInclusive ? v.compareTo(low) >= 0 : v.compareTo(low) > 0;
        if (!okLow || v.compareTo(new BigDecimal(hi)) > 0) {
            throw new IllegalArgumentException(key + " must be in " + (loInclusive ? "[" : "(") + lo + ", " + hi + "], was " + v.toPlainString());
        }
        return Decimals.value(v);
    }
}
