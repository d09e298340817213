package io.tradingcore.adapter.ml;

/**
 * Round-trip cost a trade must beat for its label to be positive: a fee on entry and on exit plus the spread paid once
 * (half on each side).
 */
record LabelCost(double feeBps, double spreadBps) {

    static final LabelCost DEFAULT = new LabelCost(10.0, 5.0);

    LabelCost {
        if (!(feeBps >= 0) || !(spreadBps >= 0) || !Double.isFinite(feeBps + spreadBps)) {
            throw new IllegalArgumentException("fee and spread must be finite and >= 0 bps, got fee=" + feeBps
                    + " spread=" + spreadBps);
        }
    }

    /** As a fraction: 2 x fee + spread (25 bps -> 0.0025). */
    double roundTrip() {
        return (2 * feeBps + spreadBps) / 10_000.0;
    }
}
