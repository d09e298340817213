package io.tradingcore.domain.signal;

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
 * @param enterProbability  meta probability needed to enter, in (0.5, 1] (signal.enterProbability)
 * @param exitProbability   meta probability at or below which a position is exited, in [0, enterProbability)
 * @param minEdge           expected return must beat the round-trip cost by at least this, in [0, 1]
 * @param targetFraction    share of equity an entry targets, in (0, 1] (more would be leverage)
 * @param feeRate           taker fee as a fraction, in [0, 0.01]
 * @param slippageRate      expected slippage per side as a fraction, in [0, 0.01]
 * @param defaultSpreadBps  spread used when no book snapshot is known, in [0, 500]
 * @param priceBufferRate   cash kept back for the move between reference and execution price, in [0, 0.1]
 * @param minOrderNotional  smaller entries are not placed, &gt;= 0
 * @param noEntryRegimes    regimes in which no entry is taken
 * @param exitRegimes       regimes that force an exit of any position
 */
public record SignalPolicyConfig(Horizon decisionHorizon, double enterProbability, double exitProbability,
                                 BigDecimal minEdge, BigDecimal targetFraction, BigDecimal feeRate,
                                 BigDecimal slippageRate, BigDecimal defaultSpreadBps, BigDecimal priceBufferRate,
                                 BigDecimal minOrderNotional, SortedSet<String> noEntryRegimes,
                                 SortedSet<String> exitRegimes) {
    public SignalPolicyConfig {
        Objects.requireNonNull(decisionHorizon, "signal.decisionHorizon");
        if (!(enterProbability > 0.5 && enterProbability <= 1.0)) {
            throw new IllegalArgumentException("signal.enterProbability must be in (0.5, 1], was " + enterProbability);
        }
        if (!(exitProbability >= 0.0 && exitProbability < enterProbability)) {
            throw new IllegalArgumentException("signal.exitProbability must be in [0, signal.enterProbability), was " + exitProbability);
        }
        minEdge = range(minEdge, "signal.minEdge", "0", "1", true);
        targetFraction = range(targetFraction, "signal.targetFraction", "0", "1", false);
        feeRate = range(feeRate, "signal.feeRate", "0", "0.01", true);
        slippageRate = range(slippageRate, "signal.slippageRate", "0", "0.01", true);
        defaultSpreadBps = range(defaultSpreadBps, "signal.defaultSpreadBps", "0", "500", true);
        priceBufferRate = range(priceBufferRate, "signal.priceBufferRate", "0", "0.1", true);
        Objects.requireNonNull(minOrderNotional, "signal.minOrderNotional");
        if (minOrderNotional.signum() < 0) {
            throw new IllegalArgumentException("signal.minOrderNotional must be >= 0, was " + minOrderNotional.toPlainString());
        }
        minOrderNotional = Decimals.value(minOrderNotional);
        noEntryRegimes = Collections.unmodifiableSortedSet(new TreeSet<>(noEntryRegimes));
        exitRegimes = Collections.unmodifiableSortedSet(new TreeSet<>(exitRegimes));
    }

    /** Defaults: H4, enter at 0.55, exit at 0.45, 10 bps edge, 25% of equity, 10 bps fee, 5 bps slippage. */
    public static SignalPolicyConfig defaults() {
        return new SignalPolicyConfig(Horizon.H4, 0.55, 0.45, new BigDecimal("0.001"), new BigDecimal("0.25"),
                new BigDecimal("0.001"), new BigDecimal("0.0005"), new BigDecimal("2"), new BigDecimal("0.005"),
                new BigDecimal("10"), new TreeSet<>(), new TreeSet<>());
    }

    /** Round-trip cost as a fraction: two fees, two slippages and the spread. */
    public BigDecimal roundTripCost(BigDecimal spreadBps) {
        BigDecimal spread = Decimals.bps(spreadBps == null ? defaultSpreadBps : spreadBps);
        return Decimals.value(feeRate.add(slippageRate).multiply(BigDecimal.valueOf(2)).add(spread));
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
