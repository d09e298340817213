package io.tradingcore.adapter.ml;

/**
 * The four indicators of feature set 1 (RSI 14, MACD 12/26/9 histogram, ATR 14, EMA 24) on plain doubles, performing
 * exactly the IEEE operations, in the same order, that ta4j 0.17's {@code DoubleNum} indicators perform on a series
 * starting at {@code from} (their recursive warm-up seeded at the series' first bar): the same values to the last bit
 * (a {@code DoubleNum} holds one double and each of its operations is one double operation; {@code FeaturesTest}
 * checks the identity against ta4j on every hour of the real data). Building a ta4j series of
 * {@link Features#TA_WINDOW} bars and its indicator caches was most of a feature row's cost.
 *
 * <p>Each method reads {@code c}, {@code h}, {@code l} (closes, highs, lows) at indices {@code from..end} and returns
 * the indicator's value at {@code end}.
 */
final class Indicators {

    private Indicators() {
    }

    /**
     * ta4j {@code RSIIndicator}: Wilder averages ({@code MMAIndicator}, multiplier 1/n) of {@code GainIndicator} and
     * {@code LossIndicator} (0 at the first bar; {@code Num.isGreaterThan} / {@code isLessThan} compare by
     * {@link Double#compare}); 0 when both averages are 0, 100 when only the loss is, else 100 - 100 / (1 + g / l).
     */
    static double rsi(double[] c, int from, int end, int n) {
        double m = 1.0 / n;
        double gain = 0.0;
        double loss = 0.0;
        for (int i = from + 1; i <= end; i++) {
            int cmp = Double.compare(c[i], c[i - 1]);
            double g = cmp > 0 ? c[i] - c[i - 1] : 0.0;
            double d = cmp < 0 ? c[i - 1] - c[i] : 0.0;
            gain = (g - gain) * m + gain;
            loss = (d - loss) * m + loss;
        }
        if (loss == 0.0) {
            return gain == 0.0 ? 0.0 : 100.0;
        }
        return 100.0 - 100.0 / (1.0 + gain / loss);
    }

    /**
     * ta4j {@code MACDIndicator(close, shortN, longN).getHistogram(signalN)}: EMA(short) - EMA(long) of the closes
     * (each {@code EMAIndicator}: first value the close, then (x - prev) * 2/(n+1) + prev), minus its own EMA(signal).
     */
    static double macdHistogram(double[] c, int from, int end, int shortN, int longN, int signalN) {
        double ms = 2.0 / (shortN + 1);
        double ml = 2.0 / (longN + 1);
        double mg = 2.0 / (signalN + 1);
        double emaShort = c[from];
        double emaLong = c[from];
        double macd = emaShort - emaLong;
        double signal = macd;
        for (int i = from + 1; i <= end; i++) {
            emaShort = (c[i] - emaShort) * ms + emaShort;
            emaLong = (c[i] - emaLong) * ml + emaLong;
            macd = emaShort - emaLong;
            signal = (macd - signal) * mg + signal;
        }
        return macd - signal;
    }

    /**
     * ta4j {@code ATRIndicator}: the Wilder average (multiplier 1/n) of {@code TRIndicator}, which is |high - low| at
     * the first bar and max(max(|high - low|, |high - previous close|), |previous close - low|) after it.
     */
    static double atr(double[] c, double[] h, double[] l, int from, int end, int n) {
        double m = 1.0 / n;
        double atr = Math.abs(h[from] - l[from]);
        for (int i = from + 1; i <= end; i++) {
            double pc = c[i - 1];
            double tr = Math.max(Math.max(Math.abs(h[i] - l[i]), Math.abs(h[i] - pc)), Math.abs(pc - l[i]));
            atr = (tr - atr) * m + atr;
        }
        return atr;
    }

    /** ta4j {@code EMAIndicator} of the closes: first value the close, then (x - prev) * 2/(n+1) + prev. */
    static double ema(double[] c, int from, int end, int n) {
        double m = 2.0 / (n + 1);
        double ema = c[from];
        for (int i = from + 1; i <= end; i++) {
            ema = (c[i] - ema) * m + ema;
        }
        return ema;
    }
}
