package io.tradingcore.domain;

/** Prediction horizon exactly as {@code horizon_enum}. */
public enum Horizon {
    H1(1), H4(4), H24(24);

    private final int hours;

    Horizon(int hours) {
        this.hours = hours;
    }

    /** Number of hours ahead this horizon looks. */
    public int hours() {
        return hours;
    }

    /** The longest horizon: the purge a walk-forward split needs so no training label reaches into the test window. */
    public static Horizon longest() {
        return H24;
    }
}
