package io.tradingcore.adapter.ml;

import java.util.ArrayList;
import java.util.List;

/**
 * Versions of the feature definition. A version never changes once released: stored backtests recompute with the
 * version their configuration names ({@code model.featureSet}; configurations stored before the key existed are
 * version 1), so their replay stays identical while new runs use the latest. Version 2 appends multi-timeframe
 * features to version 1's (same first 22 values, same 169-candle lookback).
 */
enum FeatureSet {
    /** 22 hourly features (returns, volatility, ta4j indicators, volume, ranges, hour of day, book, staleness). */
    V1(1, Hourly.NAMES),
    /** V1 plus 4-hour and daily aggregates of the same 168 closed candles (see {@link Features}). */
    V2(2, Hourly.NAMES, List.of("f22_rsi_4h_14", "f23_var_ratio_4h", "f24_var_ratio_24h", "f25_stoch_7d",
            "f26_close_vs_ema_4h_12", "f27_up_days_7d"));

    private final int version;
    private final List<String> names;

    FeatureSet(int version, List<String> names) {
        this.version = version;
        this.names = names;
    }

    FeatureSet(int version, List<String> first, List<String> added) {
        this(version, concat(first, added));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    /** Version 1's names (a holder class: an enum constructor cannot read the enum's own static fields). */
    private static final class Hourly {
        static final List<String> NAMES = List.of(
                "f00_ret_1h", "f01_ret_4h", "f02_ret_12h", "f03_ret_24h", "f04_ret_72h", "f05_ret_168h",
                "f06_rv_24h", "f07_rv_168h", "f08_rv_ratio", "f09_rsi_14", "f10_macd_hist_rel", "f11_atr_14_rel",
                "f12_vol_z_24h", "f13_vol_z_168h", "f14_range_1h", "f15_range_24h", "f16_close_vs_ema_24",
                "f17_hour_sin", "f18_hour_cos", "f19_spread_bps", "f20_has_book", "f21_stale_hours");
    }

    int version() {
        return version;
    }

    /**
     * Feature names in value order. The two-digit prefix keeps lexicographic order equal to this order, because
     * Tribuo numbers features by sorted name.
     */
    List<String> names() {
        return names;
    }

    int size() {
        return names.size();
    }

    static FeatureSet latest() {
        return V2;
    }

    static FeatureSet of(int version) {
        for (FeatureSet f : values()) {
            if (f.version == version) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown feature set version " + version + " (known: 1, 2)");
    }

    /** The set whose names are exactly {@code names}. */
    static FeatureSet ofNames(List<String> names) {
        for (FeatureSet f : values()) {
            if (f.names.equals(names)) {
                return f;
            }
        }
        throw new IllegalArgumentException("feature names " + names + " are not those of any feature set");
    }
}
