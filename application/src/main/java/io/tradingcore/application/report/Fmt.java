package io.tradingcore.application.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.OptionalDouble;

/** Human formatting shared by the text table and the HTML page; locale-independent. */
final class Fmt {

    static final String NA = "n/a";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private Fmt() {
    }

    static String pct(double fraction) {
        double p = fraction * 100;
        // short windows annualise to astronomic CAGRs; keep the cell narrow
        return Math.abs(p) >= 1e6 ? String.format(Locale.ROOT, "%.2e%%", p) : String.format(Locale.ROOT, "%.2f%%", p);
    }

    static String pct(OptionalDouble fraction) {
        return fraction.isPresent() ? pct(fraction.getAsDouble()) : NA;
    }

    static String num(OptionalDouble x) {
        if (x.isEmpty()) {
            return NA;
        }
        double v = x.getAsDouble();
        return Math.abs(v) >= 1e6 ? String.format(Locale.ROOT, "%.2e", v) : String.format(Locale.ROOT, "%.2f", v);
    }

    static String money(BigDecimal x) {
        return x.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }

    static String time(Instant t) {
        return t == null ? "-" : TIME.format(t);
    }
}
