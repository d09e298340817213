package io.tradingcore.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * What one trade costs on the venue a run trades on (configuration key {@code trading.signal.costs}), the single
 * source of every cost figure: the ML labels and the learned expected return (net of {@link #roundTrip()}), the
 * signal policy (only the difference a live book's spread makes, {@link #extraSpreadCost}) and the simulated
 * exchange (fee per side, half the spread per side, slippage per side). A round trip (buy at the open, sell later)
 * costs {@code 2 x fee + spread + 2 x slippage}, subtracted exactly once: in the label and expected return.
 *
 * @param feeBps      taker fee per side in basis points, in [0, 1000]
 * @param spreadBps   bid-ask spread in basis points used when no book snapshot is known (half paid per side), in [0, 1000]
 * @param slippageBps slippage per side in basis points, in [0, 1000]
 */
public record CostModel(BigDecimal feeBps, BigDecimal spreadBps, BigDecimal slippageBps) {

    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    public CostModel {
        feeBps = bps(feeBps, "feeBps");
        spreadBps = bps(spreadBps, "spreadBps");
        slippageBps = bps(slippageBps, "slippageBps");
    }

    /** Binance spot's base taker fee (10 bps), 2 bps spread, 1 bp slippage: a round trip of 24 bps. */
    public static CostModel defaults() {
        return new CostModel(BigDecimal.TEN, BigDecimal.valueOf(2), BigDecimal.ONE);
    }

    /** Fee per side as a fraction. */
    public BigDecimal feeRate() {
        return Decimals.bps(feeBps);
    }

    /** Slippage per side as a fraction. */
    public BigDecimal slippageRate() {
        return Decimals.bps(slippageBps);
    }

    /** Round trip at the configured spread as a fraction: (2 x fee + spread + 2 x slippage) / 10,000. */
    public BigDecimal roundTrip() {
        return roundTrip(null);
    }

    /** Round trip at {@code observedSpreadBps} (null: the configured spread). */
    public BigDecimal roundTrip(BigDecimal observedSpreadBps) {
        BigDecimal spread = observedSpreadBps == null ? spreadBps : observedSpreadBps;
        return Decimals.bps(feeBps.add(slippageBps).multiply(TWO).add(spread));
    }

    /** {@link #roundTrip()} as a double, for the models (labels and expected return are doubles). */
    public double roundTripFraction() {
        return roundTrip().doubleValue();
    }

    /**
     * What a trade costs beyond {@link #roundTrip()} because the book's spread differs from the configured one
     * (negative for a tighter book); zero without a book. The learned expected return is already net of
     * {@link #roundTrip()}, so this is all the policy subtracts.
     */
    public BigDecimal extraSpreadCost(BigDecimal observedSpreadBps) {
        return observedSpreadBps == null ? Decimals.ZERO : Decimals.bps(observedSpreadBps.subtract(spreadBps));
    }

    private static BigDecimal bps(BigDecimal v, String key) {
        Objects.requireNonNull(v, "signal.costs." + key);
        if (v.signum() < 0 || v.compareTo(BigDecimal.valueOf(1000)) > 0) {
            throw new IllegalArgumentException("signal.costs." + key + " must be in [0, 1000] bps, was " + v.toPlainString());
        }
        // validated at the scale it is kept with: a value that would be rounded (e.g. to 0) is refused, not changed
        if (v.stripTrailingZeros().scale() > 6) {
            throw new IllegalArgumentException("signal.costs." + key + " has more than 6 decimals (it is kept with 6), was "
                    + v.toPlainString());
        }
        return v.setScale(6, RoundingMode.HALF_EVEN);
    }
}
