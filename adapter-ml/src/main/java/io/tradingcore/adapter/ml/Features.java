package io.tradingcore.adapter.ml;

import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The feature definition: a pure function of the last {@link #LOOKBACK} closed candles, the decision hour and an
 * optional spread. Every value is computed on exactly that window (the indicators' recursive warm-up starts at the
 * window's first bar), so training rows and live rows are computed identically and nothing later can leak in.
 */
final class Features {

    /** Bars used per row: 168 h of returns and volatility plus one. */
    static final int LOOKBACK = 169;
    /**
     * Bars the indicators see (RSI 14, MACD 12/26/9, ATR 14, EMA 24; defined as ta4j 0.17 computes them, see
     * {@link Indicators}): enough warm-up for those periods, each seeded at the first of these bars in every row.
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
        return compute(closed, hour, spreadBps, FeatureSet.V1);
    }

    /**
     * As {@link #compute(List, Instant, OptionalDouble)} for the given feature set: its values are version 1's
     * followed by the set's additions, all computed from the same window.
     */
    static Row compute(List<Bar> closed, Instant hour, OptionalDouble spreadBps, FeatureSet set) {
        requireHour(hour);
        int total = closed.size();
        if (total < LOOKBACK) {
            throw new IllegalArgumentException("need at least " + LOOKBACK + " closed candles, got " + total);
        }
        Columns k = new Columns();
        List<Bar> w = closed.subList(total - LOOKBACK, total);
        for (int i = 0; i < LOOKBACK; i++) {
            k.set(i, w.get(i));
        }
        for (int i = 1; i < LOOKBACK; i++) {
            k.derive(i);
        }
        return compute(k, hour, spreadBps, set);
    }

    private static void requireHour(Instant hour) {
        if (hour.getEpochSecond() % 3600 != 0 || hour.getNano() != 0) {
            throw new IllegalArgumentException("decision hour must be hour aligned, was " + hour);
        }
    }

    /**
     * One window's columns (index LOOKBACK-1 is the last closed candle) and the per-bar values derived from them:
     * {@code lv[i] = log1p(volume)}, {@code rK[i] = log(c[i] / c[i - K])} for i >= K. Each is a pure function of the
     * bars it names, so a window sharing bars with the previous one ({@link FeatureWindow}) may copy them instead of
     * computing them again: the row is the same to the last bit.
     */
    static final class Columns {
        final Instant[] open = new Instant[LOOKBACK];
        final double[] c = new double[LOOKBACK];
        final double[] h = new double[LOOKBACK];
        final double[] l = new double[LOOKBACK];
        final double[] lv = new double[LOOKBACK];
        final double[] r1 = new double[LOOKBACK];
        final double[] r4 = new double[LOOKBACK];
        final double[] r24 = new double[LOOKBACK];

        void set(int i, Bar b) {
            open[i] = b.openTime();
            c[i] = b.close();
            h[i] = b.high();
            l[i] = b.low();
            lv[i] = Math.log1p(b.volume());
        }

        /** Position {@code i} from position {@code k} of {@code from} (the same bar): bar values only. */
        void copy(int i, Columns from, int k) {
            open[i] = from.open[k];
            c[i] = from.c[k];
            h[i] = from.h[k];
            l[i] = from.l[k];
            lv[i] = from.lv[k];
        }

        /** The log returns ending at {@code i >= 1} from this window's closes. */
        void derive(int i) {
            derive(i, null, 0, null);
        }

        /**
         * As {@link #derive(int)}, copying a value from position {@code k} of {@code prev} where {@code same} says
         * that every bar it depends on is the same bar there (same[j]: position j holds prev's bar k - i + j).
         */
        void derive(int i, Columns prev, int k, boolean[] same) {
            boolean s = same != null && same[i];
            r1[i] = s && same[i - 1] ? prev.r1[k] : Math.log(c[i] / c[i - 1]);
            if (i >= 4) {
                r4[i] = s && same[i - 4] ? prev.r4[k] : Math.log(c[i] / c[i - 4]);
            }
            if (i >= 24) {
                r24[i] = s && same[i - 24] ? prev.r24[k] : Math.log(c[i] / c[i - 24]);
            }
        }
    }

    /** The row of a filled window: the validation and values of {@link #compute(List, Instant, OptionalDouble, FeatureSet)}. */
    static Row compute(Columns k, Instant hour, OptionalDouble spreadBps, FeatureSet set) {
        requireHour(hour);
        int n = LOOKBACK;
        int end = n - 1;
        Instant lastOpen = k.open[end];
        Instant lastClose = lastOpen.plusSeconds(3600); // Bar#closeTime, without a Duration
        if (lastClose.isAfter(hour)) {
            throw new IllegalArgumentException("lookahead: candle " + lastOpen + " closes at " + lastClose
                    + ", after the decision hour " + hour);
        }
        for (int i = 1; i < n; i++) {
            if (!k.open[i].isAfter(k.open[i - 1])) {
                throw new IllegalArgumentException("candles must be strictly ascending, saw " + k.open[i]
                        + " after " + k.open[i - 1]);
            }
        }
        double[] c = k.c;
        double[] h = k.h;
        double[] l = k.l;
        double close = c[end];
        double[] x = new double[set.size()];
        x[0] = k.r1[end];
        x[1] = k.r4[end];
        x[2] = logReturn(c, end, 12);
        x[3] = k.r24[end];
        x[4] = logReturn(c, end, 72);
        x[5] = logReturn(c, end, 168);
        x[6] = realisedVol(k.r1, end, 24);
        x[7] = realisedVol(k.r1, end, 168);
        x[8] = x[7] > 0 ? x[6] / x[7] : 1.0;

        int ta = n - TA_WINDOW;
        x[9] = Indicators.rsi(c, ta, end, 14) / 100.0;
        x[10] = Indicators.macdHistogram(c, ta, end, 12, 26, 9) / close;
        x[11] = Indicators.atr(c, h, l, ta, end, 14) / close;
        x[12] = zScore(k.lv, end, 24);
        x[13] = zScore(k.lv, end, 168);
        x[14] = (h[end] - l[end]) / close;
        double hi = Double.NEGATIVE_INFINITY;
        double lo = Double.POSITIVE_INFINITY;
        for (int i = end - 23; i <= end; i++) {
            hi = Math.max(hi, h[i]);
            lo = Math.min(lo, l[i]);
        }
        x[15] = (hi - lo) / close;
        x[16] = close / Indicators.ema(c, ta, end, 24) - 1.0;
        int hourOfDay = (int) (Math.floorMod(hour.getEpochSecond(), 86_400L) / 3600);
        double angle = 2 * Math.PI * hourOfDay / 24.0;
        x[17] = Math.sin(angle);
        x[18] = Math.cos(angle);
        x[19] = spreadBps.orElse(0.0);
        x[20] = spreadBps.isPresent() ? 1.0 : 0.0;
        x[21] = Math.min(MAX_STALE_HOURS, (hour.getEpochSecond() - lastClose.getEpochSecond()) / 3600);
        for (int i = 0; i < SIZE; i++) {
            if (!Double.isFinite(x[i])) {
                // RSI is NaN on a perfectly flat window; a neutral value keeps the row usable
                x[i] = i == 9 ? 0.5 : 0.0;
            }
        }
        if (set != FeatureSet.V1) {
            multiTimeframe(k, x, SIZE);
        }
        return new Row(k.open[0], lastClose, x);
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
    private static void multiTimeframe(Columns w, double[] x, int at) {
        double[] c = w.c;
        double[] h = w.h;
        double[] l = w.l;
        int end = c.length - 1;
        // 4-hour closes c[end - 4 * (BARS_4H - 1 - k)], k = 0..BARS_4H-1; their returns are w.r4 at those indices
        int first4h = end - 4 * (BARS_4H - 1);
        double gain = 0;
        double loss = 0;
        for (int k = 0; k < RSI_4H; k++) {
            double r = w.r4[first4h + 4 * (k + 1)];
            gain += Math.max(0, r);
            loss += Math.max(0, -r);
        }
        gain /= RSI_4H;
        loss /= RSI_4H;
        for (int k = RSI_4H; k < BARS_4H - 1; k++) {
            double r = w.r4[first4h + 4 * (k + 1)];
            gain = (gain * (RSI_4H - 1) + Math.max(0, r)) / RSI_4H;
            loss = (loss * (RSI_4H - 1) + Math.max(0, -r)) / RSI_4H;
        }
        x[at] = gain + loss == 0 ? 0.5 : gain / (gain + loss);

        double v1 = variance(w.r1, 1, end, 1);
        x[at + 1] = v1 > 0 ? variance(w.r4, first4h + 4, end, 4) / (4 * v1) : 1.0;
        x[at + 2] = v1 > 0 ? variance(w.r24, 24, end, 1) / (24 * v1) : 1.0;

        double hi = Double.NEGATIVE_INFINITY;
        double lo = Double.POSITIVE_INFINITY;
        for (int i = 1; i <= end; i++) {
            hi = Math.max(hi, h[i]);
            lo = Math.min(lo, l[i]);
        }
        x[at + 3] = hi > lo ? (c[end] - lo) / (hi - lo) : 0.5;

        double alpha = 2.0 / (EMA_4H + 1);
        double ema = c[first4h];
        for (int k = 1; k < BARS_4H; k++) {
            ema = alpha * c[first4h + 4 * k] + (1 - alpha) * ema;
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

    /** Population variance of {@code v[from], v[from + step], .., v[to]}, summed in that order. */
    private static double variance(double[] v, int from, int to, int step) {
        double sum = 0;
        double sumSq = 0;
        int count = 0;
        for (int i = from; i <= to; i += step) {
            double d = v[i];
            sum += d;
            sumSq += d * d;
            count++;
        }
        double mean = sum / count;
        return Math.max(0.0, sumSq / count - mean * mean);
    }

    private static double logReturn(double[] c, int end, int k) {
        return Math.log(c[end] / c[end - k]);
    }

    /** Standard deviation of the {@code k} one-hour log returns {@code r1} ending at {@code end}. */
    private static double realisedVol(double[] r1, int end, int k) {
        double sum = 0;
        double sumSq = 0;
        for (int i = end - k + 1; i <= end; i++) {
            double r = r1[i];
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
