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
 * TEST REFERENCE: the feature definition as it was computed with ta4j 0.17 indicators (a copy of {@code Features}
 * before its indicators moved to {@link Indicators}); {@code FeaturesReferenceTest} checks that the production code
 * computes the same rows bit for bit. Do not change it: it defines the stored feature sets 1 and 2.
 *
 * <p>Original documentation: the feature definition: a pure function of the last {@link #LOOKBACK} closed candles, the decision hour and an
 * optional spread. Every value is computed on exactly that window (the indicators' recursive warm-up starts at the
 * window's first bar), so training rows and live rows are computed identically and nothing later can leak in.
 */
final class Ta4jFeatures {

    /** Bars used per row: 168 h of returns and volatility plus one. */
    static final int LOOKBACK = 169;
    /**
     * Bars given to ta4j (RSI 14, MACD 12/26/9, ATR 14, EMA 24): enough warm-up for those periods, and the series
     * is rebuilt for every row, so its length is most of the per-row cost.
     */
    static final int TA_WINDOW = 64;

    /** Version 1's names ({@link FeatureSet#V1}); later sets append to them. */
    static final List<String> NAMES = FeatureSet.V1.names();

    static final int SIZE = NAMES.size();
    // indices used by the regime model and by tests
    static final int RET_24H = 3;
    static final int RET_168H = 5;
    static final int RV_24H = 6;
    static final int RV_168H = 7;

    private static final double Z_CLIP = 10.0;
    private static final int MAX_STALE_HOURS = 48;

    private Ta4jFeatures() {
    }

    /** The production code's row type. */
    private static Features.Row row(Instant windowStart, Instant windowEnd, double[] values) {
        return new Features.Row(windowStart, windowEnd, values);
    }

    /**
     * @param closed ascending candles, every closeTime at or before {@code hour}; at least LOOKBACK of them
     * @throws IllegalArgumentException for a candle closing after the decision hour, unordered or too few candles
     */
    static Features.Row compute(List<Bar> closed, Instant hour, OptionalDouble spreadBps) {
        return compute(closed, hour, spreadBps, FeatureSet.V1);
    }

    /**
     * As {@link #compute(List, Instant, OptionalDouble)} for the given feature set: its values are version 1's
     * followed by the set's additions, all computed from the same window.
     */
    static Features.Row compute(List<Bar> closed, Instant hour, OptionalDouble spreadBps, FeatureSet set) {
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
        if (set == FeatureSet.V1) {
            return row(w.get(0).openTime(), last.closeTime(), x);
        }
        double[] all = java.util.Arrays.copyOf(x, set.size());
        multiTimeframe(c, h, l, all, SIZE);
        return row(w.get(0).openTime(), last.closeTime(), all);
    }

    /** Bars of 4 hours in the window: 43 closes 4 candles apart, the last one the latest close. */
    private static final int BARS_4H = (LOOKBACK - 1) / 4 + 1;
    private static final int RSI_4H = 14;
    private static final int EMA_4H = 12;
    private static final int DAYS = 7;

    /**
     * Version 2's 4-hour and daily aggregates of the same window (closes {@code c}, highs, lows; index LOOKBACK-1
     * is the last closed candle), written to {@code x[at..]}:
     * RSI(14) of 4-hour closes (Wilder, seeded on the first 14 of 42 four-hour returns) / 100; variance ratios
     * var(4h returns) / (4 var(1h returns)) and var(overlapping 24h returns) / (24 var(1h returns)) over the 168
     * hours (above 1: trending, below: mean reverting); where the close lies in the 7-day high-low range; close /
     * EMA(12) of 4-hour closes - 1; share of the last 7 daily returns that were positive.
     */
    private static void multiTimeframe(double[] c, double[] h, double[] l, double[] x, int at) {
        int end = c.length - 1;
        double[] c4 = new double[BARS_4H];
        for (int k = 0; k < BARS_4H; k++) {
            c4[k] = c[end - 4 * (BARS_4H - 1 - k)];
        }
        double[] r4 = new double[BARS_4H - 1];
        for (int k = 1; k < BARS_4H; k++) {
            r4[k - 1] = Math.log(c4[k] / c4[k - 1]);
        }
        double gain = 0;
        double loss = 0;
        for (int k = 0; k < RSI_4H; k++) {
            gain += Math.max(0, r4[k]);
            loss += Math.max(0, -r4[k]);
        }
        gain /= RSI_4H;
        loss /= RSI_4H;
        for (int k = RSI_4H; k < r4.length; k++) {
            gain = (gain * (RSI_4H - 1) + Math.max(0, r4[k])) / RSI_4H;
            loss = (loss * (RSI_4H - 1) + Math.max(0, -r4[k])) / RSI_4H;
        }
        x[at] = gain + loss == 0 ? 0.5 : gain / (gain + loss);

        double[] r1 = new double[end];
        for (int i = 1; i <= end; i++) {
            r1[i - 1] = Math.log(c[i] / c[i - 1]);
        }
        double v1 = variance(r1);
        x[at + 1] = v1 > 0 ? variance(r4) / (4 * v1) : 1.0;
        double[] r24 = new double[end - 23];
        for (int i = 24; i <= end; i++) {
            r24[i - 24] = Math.log(c[i] / c[i - 24]);
        }
        x[at + 2] = v1 > 0 ? variance(r24) / (24 * v1) : 1.0;

        double hi = Double.NEGATIVE_INFINITY;
        double lo = Double.POSITIVE_INFINITY;
        for (int i = 1; i <= end; i++) {
            hi = Math.max(hi, h[i]);
            lo = Math.min(lo, l[i]);
        }
        x[at + 3] = hi > lo ? (c[end] - lo) / (hi - lo) : 0.5;

        double alpha = 2.0 / (EMA_4H + 1);
        double ema = c4[0];
        for (int k = 1; k < BARS_4H; k++) {
            ema = alpha * c4[k] + (1 - alpha) * ema;
        }
        x[at + 4] = c[end] / ema - 1.0;

        int up = 0;
        for (int d = 0; d < DAYS; d++) {
            if (c[end - 24 * d] > c[end - 24 * (d + 1)]) {
                up++;
            }
        }
        x[at + 5] = (double) up / DAYS;
        for (int i = at; i < x.length; i++) {
            if (!Double.isFinite(x[i])) {
                x[i] = 0.0;
            }
        }
    }

    private static double variance(double[] v) {
        double sum = 0;
        double sumSq = 0;
        for (double d : v) {
            sum += d;
            sumSq += d * d;
        }
        double mean = sum / v.length;
        return Math.max(0.0, sumSq / v.length - mean * mean);
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
