package io.tradingcore.adapter.ml;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.OptionalDouble;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.EMAIndicator;
import org.ta4j.core.indicators.MACDIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.num.DoubleNum;

/**
 * The feature definition: a pure function of the last {@link #LOOKBACK} closed candles, the decision hour and an
 * optional spread. Every value is computed on exactly that window (the indicators' recursive warm-up starts at the
 * window's first bar), so training rows and live rows are computed identically and nothing later can leak in.
 */
final class Features {

    /** Bars used per row: 168 h of returns and volatility plus one. */
    static final int LOOKBACK = 169;
    /**
     * Bars given to ta4j (RSI 14, MACD 12/26/9, ATR 14, EMA 24): enough warm-up for those periods, and the series
     * is rebuilt for every row, so its length is most of the per-row cost.
     */
    static final int TA_WINDOW = 64;

    /**
     * Fixed order. The two-digit prefix keeps lexicographic order equal to this order, because Tribuo numbers
     * features by sorted name.
     */
    static final List<String> NAMES = List.of(
            "f00_ret_1h", "f01_ret_4h", "f02_ret_12h", "f03_ret_24h", "f04_ret_72h", "f05_ret_168h",
            "f06_rv_24h", "f07_rv_168h", "f08_rv_ratio", "f09_rsi_14", "f10_macd_hist_rel", "f11_atr_14_rel",
            "f12_vol_z_24h", "f13_vol_z_168h", "f14_range_1h", "f15_range_24h", "f16_close_vs_ema_24",
            "f17_hour_sin", "f18_hour_cos", "f19_spread_bps", "f20_has_book", "f21_stale_hours");

    static final int SIZE = NAMES.size();
    // indices used by the regime model and by tests
    static final int RET_24H = 3;
    static final int RET_168H = 5;
    static final int RV_24H = 6;
    static final int RV_168H = 7;

    private static final double Z_CLIP = 10.0;
    private static final int MAX_STALE_HOURS = 48;

    private Features() {
    }

    /** The computed row plus the window it was computed from (windowEnd = close of the last candle used). */
    record Row(Instant windowStart, Instant windowEnd, double[] values) {
    }

    /**
     * @param closed ascending candles, every closeTime at or before {@code hour}; at least LOOKBACK of them
     * @throws IllegalArgumentException for a candle closing after the decision hour, unordered or too few candles
     */
    static Row compute(List<Bar> closed, Instant hour, OptionalDouble spreadBps) {
        if (hour.getEpochSecond() % 3600 != 0 || hour.getNano() != 0) {
            throw new IllegalArgumentException("decision hour must be hour aligned, was " + hour);
        }
        int total = closed.size();
        if (total < LOOKBACK) {
            throw new IllegalArgumentException("need at least " + LOOKBACK + " closed candles, got " + total);
        }
        Bar last = closed.get(total - 1);
        if (last.closeTime().isAfter(hour)) {
            throw new IllegalArgumentException("lookahead: candle " + last.openTime() + " closes at " + last.closeTime()
                    + ", after the decision hour " + hour);
        }
        List<Bar> w = closed.subList(total - LOOKBACK, total);
        int n = LOOKBACK;
        double[] c = new double[n];
        double[] h = new double[n];
        double[] l = new double[n];
        double[] lv = new double[n];
        BarSeries series = new BaseBarSeriesBuilder().withNumTypeOf(DoubleNum::valueOf).build();
        Instant previous = null;
        for (int i = 0; i < n; i++) {
            Bar b = w.get(i);
            if (previous != null && !b.openTime().isAfter(previous)) {
                throw new IllegalArgumentException("candles must be strictly ascending, saw " + b.openTime()
                        + " after " + previous);
            }
            previous = b.openTime();
            c[i] = b.close();
            h[i] = b.high();
            l[i] = b.low();
            lv[i] = Math.log1p(b.volume());
            if (i >= n - TA_WINDOW) {
                series.addBar(Bar.HOUR, ZonedDateTime.ofInstant(b.closeTime(), ZoneOffset.UTC),
                        b.open(), b.high(), b.low(), b.close(), b.volume());
            }
        }
        int end = n - 1;
        int taEnd = TA_WINDOW - 1;
        double close = c[end];
        double[] x = new double[SIZE];
        x[0] = logReturn(c, end, 1);
        x[1] = logReturn(c, end, 4);
        x[2] = logReturn(c, end, 12);
        x[3] = logReturn(c, end, 24);
        x[4] = logReturn(c, end, 72);
        x[5] = logReturn(c, end, 168);
        x[6] = realisedVol(c, end, 24);
        x[7] = realisedVol(c, end, 168);
        x[8] = x[7] > 0 ? x[6] / x[7] : 1.0;

        ClosePriceIndicator closeInd = new ClosePriceIndicator(series);
        x[9] = new RSIIndicator(closeInd, 14).getValue(taEnd).doubleValue() / 100.0;
        x[10] = new MACDIndicator(closeInd, 12, 26).getHistogram(9).getValue(taEnd).doubleValue() / close;
        x[11] = new ATRIndicator(series, 14).getValue(taEnd).doubleValue() / close;
        x[12] = zScore(lv, end, 24);
        x[13] = zScore(lv, end, 168);
        x[14] = (h[end] - l[end]) / close;
        double hi = Double.NEGATIVE_INFINITY;
        double lo = Double.POSITIVE_INFINITY;
        for (int i = end - 23; i <= end; i++) {
            hi = Math.max(hi, h[i]);
            lo = Math.min(lo, l[i]);
        }
        x[15] = (hi - lo) / close;
        x[16] = close / new EMAIndicator(closeInd, 24).getValue(taEnd).doubleValue() - 1.0;
        double angle = 2 * Math.PI * ZonedDateTime.ofInstant(hour, ZoneOffset.UTC).getHour() / 24.0;
        x[17] = Math.sin(angle);
        x[18] = Math.cos(angle);
        x[19] = spreadBps.orElse(0.0);
        x[20] = spreadBps.isPresent() ? 1.0 : 0.0;
        x[21] = Math.min(MAX_STALE_HOURS, Duration.between(last.closeTime(), hour).toHours());
        for (int i = 0; i < SIZE; i++) {
            if (!Double.isFinite(x[i])) {
                // RSI is NaN on a perfectly flat window; a neutral value keeps the row usable
                x[i] = i == 9 ? 0.5 : 0.0;
            }
        }
        return new Row(w.get(0).openTime(), last.closeTime(), x);
    }

    private static double logReturn(double[] c, int end, int k) {
        return Math.log(c[end] / c[end - k]);
    }

    private static double realisedVol(double[] c, int end, int k) {
        double sum = 0;
        double sumSq = 0;
        for (int i = end - k + 1; i <= end; i++) {
            double r = Math.log(c[i] / c[i - 1]);
            sum += r;
            sumSq += r * r;
        }
        double mean = sum / k;
        return Math.sqrt(Math.max(0.0, sumSq / k - mean * mean));
    }

    private static double zScore(double[] v, int end, int k) {
        double sum = 0;
        double sumSq = 0;
        for (int i = end - k + 1; i <= end; i++) {
            sum += v[i];
            sumSq += v[i] * v[i];
        }
        double mean = sum / k;
        double sd = Math.sqrt(Math.max(0.0, sumSq / k - mean * mean));
        if (sd < 1e-12) {
            return 0.0;
        }
        return Math.max(-Z_CLIP, Math.min(Z_CLIP, (v[end] - mean) / sd));
    }
}
