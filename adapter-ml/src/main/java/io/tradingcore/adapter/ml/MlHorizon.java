package io.tradingcore.adapter.ml;

/** Adapter-internal horizon; mirrors the domain's Horizon by name. */
enum MlHorizon {
    H1(1), H4(4), H24(24);

    private final int hours;

    MlHorizon(int hours) {
        this.hours = hours;
    }

    int hours() {
        return hours;
    }

    static int longestHours() {
        return H24.hours;
    }
}
