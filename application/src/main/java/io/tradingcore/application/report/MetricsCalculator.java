package io.tradingcore.application.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * Computes {@link PerformanceMetrics} for one equity curve; every formula is written down in docs/report.md.
 * Money sums stay in BigDecimal; ratios are doubles computed in a fixed order so that the same input always
 * gives bit-identical output.
 */
public final class MetricsCalculator {
    /** CAGR is n/a for periods shorter than 30 days (720 hours). */
    static final long MIN_CAGR_HOURS = 720;

    /** Hours in a 365-day year: the annualisation base for hourly data. */
    public static final int PERIODS_PER_YEAR = 8760;

    /** The risk engine's tiers, listed first and always (with 0 hours when unused) so tables line up. */
    public static final List<String> KNOWN_TIERS = List.of("NORMAL", "DD10", "DD15", "HALT20");

    // ratios end up as doubles: 16 significant digits are all a double can hold, and they divide faster
    static final MathContext MC = MathContext.DECIMAL64;
    static final int SCALE = 18;
    private static final double SQRT_YEAR = Math.sqrt(PERIODS_PER_YEAR);

    private MetricsCalculator() {
    }

    /**
     * @param startEquity equity just before the first point (initial capital, or the previous point's equity
     *                    when the period is a fold in the middle of a run), positive
     * @param start       instant of {@code startEquity}, before the first point's hour
     * @param points      the period's hourly points, strictly increasing, at least one
     * @param trades      the period's trades
     */
    public static PerformanceMetrics compute(BigDecimal startEquity, Instant start, List<EquityPoint> points,
                                             List<TradeRecord> trades) {
        Objects.requireNonNull(startEquity, "startEquity");
        Objects.requireNonNull(start, "start");
        if (startEquity.signum() <= 0) {
            throw new IllegalArgumentException("start equity must be positive, got " + startEquity.toPlainString());
        }
        if (points.isEmpty()) {
            throw new IllegalArgumentException("no equity points in the period starting " + start);
        }
        if (!start.isBefore(points.get(0).hour())) {
            throw new IllegalArgumentException("start " + start + " is not before the first hour " + points.get(0).hour());
        }
        int n = points.size();
        Instant end = points.get(n - 1).hour();
        BigDecimal endEquity = points.get(n - 1).equity();

        double totalReturn = ratio(endEquity, startEquity) - 1.0;
        long elapsedHours = Duration.between(start, end).toHours();
        // annualising a few days' return gives figures like 2.79e+07 %: not a growth rate anyone can read
        OptionalDouble cagr = elapsedHours < MIN_CAGR_HOURS ? OptionalDouble.empty()
                : finite(Math.pow(ratio(endEquity, startEquity), (double) PERIODS_PER_YEAR / elapsedHours) - 1.0);

        double[] returns = hourlyReturns(startEquity, points);
        double mean = mean(returns);
        OptionalDouble sd = sampleStdDev(returns, mean);
        OptionalDouble vol = sd.isPresent() ? OptionalDouble.of(sd.getAsDouble() * SQRT_YEAR) : OptionalDouble.empty();
        OptionalDouble sharpe = sd.isPresent() && sd.getAsDouble() > 0
                ? OptionalDouble.of(mean / sd.getAsDouble() * SQRT_YEAR) : OptionalDouble.empty();
        double downside = downsideDeviation(returns);
        OptionalDouble sortino = returns.length >= 2 && downside > 0
                ? OptionalDouble.of(mean / downside * SQRT_YEAR) : OptionalDouble.empty();

        Drawdown dd = maxDrawdown(startEquity, start, points);
        OptionalDouble calmar = cagr.isPresent() && dd.max > 0
                ? OptionalDouble.of(cagr.getAsDouble() / dd.max) : OptionalDouble.empty();

        TradeStats ts = tradeStats(trades);
        BigDecimal equitySum = BigDecimal.ZERO;
        int exposedHours = 0;
        for (EquityPoint p : points) {
            equitySum = equitySum.add(p.equity());
            if (p.exposureNotional().signum() != 0) {
                exposedHours++;
            }
        }
        BigDecimal averageEquity = equitySum.divide(BigDecimal.valueOf(n), SCALE, RoundingMode.HALF_EVEN);
        OptionalDouble turnover = averageEquity.signum() > 0
                ? OptionalDouble.of(ts.tradedNotional.divide(averageEquity, MC).doubleValue()) : OptionalDouble.empty();

        return new PerformanceMetrics(start, end, n, startEquity, endEquity, endEquity.subtract(startEquity),
                totalReturn, cagr, vol, sharpe, sortino, calmar,
                dd.max, dd.peak, dd.trough, dd.recovery, dd.durationHours(end),
                trades.size(), ts.closed, ts.wins,
                ts.closed > 0 ? OptionalDouble.of((double) ts.wins / ts.closed) : OptionalDouble.empty(),
                ts.grossProfit, ts.grossLoss,
                ts.grossLoss.signum() > 0 ? OptionalDouble.of(ts.grossProfit.divide(ts.grossLoss, MC).doubleValue())
                        : OptionalDouble.empty(),
                (double) exposedHours / n, ts.tradedNotional, averageEquity, turnover, ts.fees,
                tierTimes(points));
    }

    /**
     * Drawdown of each point from the running peak (which starts at {@code startEquity}), as a fraction:
     * 0 at a new high, 0.1 when 10% below the peak.
     */
    public static double[] drawdowns(BigDecimal startEquity, List<EquityPoint> points) {
        double[] out = new double[points.size()];
        BigDecimal peak = startEquity;
        for (int i = 0; i < out.length; i++) {
            BigDecimal e = points.get(i).equity();
            if (e.compareTo(peak) >= 0) {
                peak = e;
            } else {
                out[i] = fall(peak, e).doubleValue();
            }
        }
        return out;
    }

    /** Hourly simple returns r_t = V_t / V_{t-1} - 1, with V_0 = startEquity; 0 after an equity of zero. */
    static double[] hourlyReturns(BigDecimal startEquity, List<EquityPoint> points) {
        double[] r = new double[points.size()];
        BigDecimal prev = startEquity;
        for (int i = 0; i < r.length; i++) {
            BigDecimal e = points.get(i).equity();
            // capital exhausted: nothing left to gain or lose, and no division by zero
            r[i] = prev.signum() == 0 ? 0.0 : e.divide(prev, MC).subtract(BigDecimal.ONE).doubleValue();
            prev = e;
        }
        return r;
    }

    private static double mean(double[] xs) {
        double sum = 0;
        for (double x : xs) {
            sum += x;
        }
        return sum / xs.length;
    }

    private static OptionalDouble sampleStdDev(double[] xs, double mean) {
        if (xs.length < 2) {
            return OptionalDouble.empty();
        }
        double ss = 0;
        for (double x : xs) {
            ss += (x - mean) * (x - mean);
        }
        return OptionalDouble.of(Math.sqrt(ss / (xs.length - 1)));
    }

    private static double downsideDeviation(double[] xs) {
        double ss = 0;
        for (double x : xs) {
            if (x < 0) {
                ss += x * x;
            }
        }
        return Math.sqrt(ss / xs.length);
    }

    private static BigDecimal fall(BigDecimal peak, BigDecimal value) {
        return peak.subtract(value).divide(peak, MC);
    }

    private static double ratio(BigDecimal num, BigDecimal den) {
        return num.divide(den, MC).doubleValue();
    }

    private static OptionalDouble finite(double x) {
        return Double.isFinite(x) ? OptionalDouble.of(x) : OptionalDouble.empty();
    }

    private static Drawdown maxDrawdown(BigDecimal startEquity, Instant start, List<EquityPoint> points) {
        Drawdown dd = new Drawdown();
        BigDecimal peak = startEquity;
        Instant peakTime = start;
        BigDecimal max = BigDecimal.ZERO;
        boolean awaitingRecovery = false;
        for (EquityPoint p : points) {
            if (p.equity().compareTo(peak) >= 0) {
                if (awaitingRecovery) {
                    dd.recovery = p.hour();
                    awaitingRecovery = false;
                }
                peak = p.equity();
                peakTime = p.hour();
                continue;
            }
            BigDecimal fall = fall(peak, p.equity());
            // strictly greater: on a tie the earlier episode stays the reported one
            if (fall.compareTo(max) > 0) {
                max = fall;
                dd.peak = peakTime;
                dd.trough = p.hour();
                dd.recovery = null;
                awaitingRecovery = true;
            }
        }
        dd.max = max.doubleValue();
        return dd;
    }

    private static TradeStats tradeStats(List<TradeRecord> trades) {
        TradeStats s = new TradeStats();
        for (TradeRecord t : trades) {
            s.tradedNotional = s.tradedNotional.add(t.notional().abs());
            s.fees = s.fees.add(t.fee());
            BigDecimal pnl = t.realisedPnl();
            if (pnl == null) {
                continue;
            }
            s.closed++;
            if (pnl.signum() > 0) {
                s.wins++;
                s.grossProfit = s.grossProfit.add(pnl);
            } else if (pnl.signum() < 0) {
                s.grossLoss = s.grossLoss.add(pnl.negate());
            }
        }
        return s;
    }

    private static List<TierTime> tierTimes(List<EquityPoint> points) {
        TreeMap<String, Long> counts = new TreeMap<>();
        for (EquityPoint p : points) {
            counts.merge(p.drawdownTier(), 1L, Long::sum);
        }
        List<TierTime> out = new ArrayList<>();
        for (String tier : KNOWN_TIERS) {
            long h = counts.getOrDefault(tier, 0L);
            out.add(new TierTime(tier, h, (double) h / points.size()));
        }
        counts.forEach((tier, h) -> {
            if (!KNOWN_TIERS.contains(tier)) {
                out.add(new TierTime(tier, h, (double) h / points.size()));
            }
        });
        return out;
    }

    private static final class Drawdown {
        double max;
        Instant peak;
        Instant trough;
        Instant recovery;

        long durationHours(Instant end) {
            return peak == null ? 0 : Duration.between(peak, recovery != null ? recovery : end).toHours();
        }
    }

    private static final class TradeStats {
        int closed;
        int wins;
        BigDecimal grossProfit = BigDecimal.ZERO;
        BigDecimal grossLoss = BigDecimal.ZERO;
        BigDecimal tradedNotional = BigDecimal.ZERO;
        BigDecimal fees = BigDecimal.ZERO;
    }
}
