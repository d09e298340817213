package io.tradingcore.application.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Return of each calendar month (UTC) of an equity curve: the equity at the month's last point over the equity before
 * its first point (the previous month's last point, or the initial capital), minus 1. A point belongs to the month
 * of its hour (UTC).
 */
final class MonthlyReturns {
    private MonthlyReturns() {
    }

    static Map<YearMonth, Double> of(BigDecimal initialCapital, List<EquityPoint> curve) {
        Map<YearMonth, Double> out = new TreeMap<>();
        BigDecimal start = initialCapital;
        BigDecimal last = initialCapital;
        YearMonth month = null;
        for (EquityPoint p : curve) {
            YearMonth m = YearMonth.from(p.hour().atOffset(ZoneOffset.UTC));
            if (month != null && !m.equals(month)) {
                out.put(month, ratio(last, start));
                start = last;
            }
            month = m;
            last = p.equity();
        }
        if (month != null) {
            out.put(month, ratio(last, start));
        }
        return out;
    }

    /** The compounded return of each year's months. */
    static Map<Integer, Double> yearly(Map<YearMonth, Double> months) {
        Map<Integer, Double> out = new TreeMap<>();
        months.forEach((m, r) -> out.merge(m.getYear(), r, (a, b) -> (1 + a) * (1 + b) - 1));
        return out;
    }

    private static double ratio(BigDecimal end, BigDecimal start) {
        return start.signum() == 0 ? 0.0 : end.divide(start, MathContext.DECIMAL64).subtract(BigDecimal.ONE).doubleValue();
    }

}
