package io.tradingcore.application.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The deepest drawdown episodes of an equity curve: an episode starts at a running peak (the initial capital at
 * {@code start} counts as one), has its trough at the lowest point before the curve regains that peak, and ends at the
 * first point at or above the peak (or is still open at the end). Episodes do not overlap.
 */
final class DrawdownPeriods {
    private DrawdownPeriods() {
    }

    /** One episode; {@code recovery} null when not recovered by the end. */
    record Period(Instant peak, Instant trough, Instant recovery, double depth, long hours) {
    }

    static List<Period> deepest(BigDecimal initialCapital, Instant start, List<EquityPoint> curve, int n) {
        List<Period> all = new ArrayList<>();
        BigDecimal peak = initialCapital;
        Instant peakAt = start;
        BigDecimal low = null;
        Instant lowAt = null;
        for (EquityPoint p : curve) {
            if (p.equity().compareTo(peak) >= 0) {
                if (low != null) {
                    all.add(period(peak, peakAt, low, lowAt, p.hour()));
                    low = null;
                }
                peak = p.equity();
                peakAt = p.hour();
            } else if (low == null || p.equity().compareTo(low) < 0) {
                low = p.equity();
                lowAt = p.hour();
            }
        }
        if (low != null) {
            Period open = period(peak, peakAt, low, lowAt, null);
            all.add(new Period(open.peak(), open.trough(), null, open.depth(),
                    Duration.between(peakAt, curve.get(curve.size() - 1).hour()).toHours()));
        }
        all.sort(Comparator.comparingDouble(Period::depth).reversed().thenComparing(Period::peak));
        return List.copyOf(all.subList(0, Math.min(n, all.size())));
    }

    private static Period period(BigDecimal peak, Instant peakAt, BigDecimal low, Instant lowAt, Instant recovery) {
        double depth = peak.subtract(low).divide(peak, MathContext.DECIMAL64).doubleValue();
        return new Period(peakAt, lowAt, recovery, depth, recovery == null ? 0 : Duration.between(peakAt, recovery).toHours());
    }
}
