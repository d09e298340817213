package io.tradingcore.application.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The models of each walk-forward fold against their baselines, out of sample (the fold's test hours), from the metrics
 * stored with the fold: for each horizon and role ({@code BASE_TREE}, {@code BASE_DEEP}, {@code META}) its log loss
 * ({@code ROLE.H.log_loss}) and AUC ({@code ROLE.H.auc}) next to the constant baseline ({@code baseline.H.log_loss}: the
 * training window's positive rate) and, when the fold stored one, the volatility-only baseline
 * ({@code baseline_vol.H.log_loss}). A model is worse than its baseline when its log loss is higher than either.
 */
public final class ModelDiagnostics {
    /** The roles in the order the table shows them. */
    static final List<String> ROLES = List.of("BASE_TREE", "BASE_DEEP", "META");
    /** Warning lines shown at most (the table has every row). */
    static final int MAX_WARNINGS = 30;
    private static final Pattern LOG_LOSS = Pattern.compile("^(BASE_TREE|BASE_DEEP|META)\\.(H\\d+)\\.log_loss$");

    /** One model of one fold and horizon; {@code volBaseline} is NaN when the fold stored none. */
    public record Row(int fold, String horizon, String role, double logLoss, double auc, double constantBaseline,
                      double volBaseline, double labelledRows) {

        /** The warning line when the model is worse than a baseline (the constant first), or null. */
        public String warning() {
            if (Double.isFinite(constantBaseline) && logLoss > constantBaseline) {
                return line("baseline", constantBaseline);
            }
            if (Double.isFinite(volBaseline) && logLoss > volBaseline) {
                return line("volatility baseline", volBaseline);
            }
            return null;
        }

        private String line(String baseline, double value) {
            return String.format(Locale.ROOT, "fold %d %s %s log loss %.3f vs %s %.3f", fold, horizon, role, logLoss, baseline, value);
        }
    }

    private ModelDiagnostics() {
    }

    /** Every (fold, horizon, role) with a stored log loss, by fold, horizon (H1, H4, H24) and role. */
    public static List<Row> rows(SortedMap<Integer, SortedMap<String, Double>> foldMetrics) {
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<Integer, SortedMap<String, Double>> f : foldMetrics.entrySet()) {
            SortedMap<String, Double> m = f.getValue();
            TreeSet<String> horizons = new TreeSet<>(Comparator.comparingInt((String h) -> Integer.parseInt(h.substring(1)))
                    .thenComparing(Comparator.naturalOrder()));
            for (String key : m.keySet()) {
                Matcher k = LOG_LOSS.matcher(key);
                if (k.matches()) {
                    horizons.add(k.group(2));
                }
            }
            for (String h : horizons) {
                for (String role : ROLES) {
                    Double ll = m.get(role + "." + h + ".log_loss");
                    if (ll != null) {
                        rows.add(new Row(f.getKey(), h, role, ll, get(m, role + "." + h + ".auc"), get(m, "baseline." + h + ".log_loss"),
                                get(m, "baseline_vol." + h + ".log_loss"), get(m, "labelled." + h + ".samples")));
                    }
                }
            }
        }
        return rows;
    }

    /** The warning lines of {@code rows}, at most {@link #MAX_WARNINGS} and then one line saying how many more. */
    public static List<String> warnings(List<Row> rows) {
        List<String> all = rows.stream().map(Row::warning).filter(w -> w != null).toList();
        if (all.size() <= MAX_WARNINGS) {
            return all;
        }
        List<String> out = new ArrayList<>(all.subList(0, MAX_WARNINGS));
        out.add("... and " + (all.size() - MAX_WARNINGS) + " more models worse than a baseline (see the model diagnostics table)");
        return out;
    }

    static Table table(List<Row> rows) {
        boolean vol = rows.stream().anyMatch(r -> Double.isFinite(r.volBaseline()));
        List<String> header = new ArrayList<>(List.of("Fold", "Horizon", "Role", "Labelled rows", "Log loss", "AUC", "Constant baseline"));
        if (vol) {
            header.add("Volatility baseline");
        }
        header.add("Log loss minus best baseline");
        header.add("Verdict");
        List<List<String>> out = new ArrayList<>();
        for (Row r : rows) {
            List<String> cells = new ArrayList<>(List.of(Integer.toString(r.fold()), r.horizon(), r.role(),
                    Double.isFinite(r.labelledRows()) ? Long.toString(Math.round(r.labelledRows())) : Fmt.NA, f3(r.logLoss()),
                    f3(r.auc()), f3(r.constantBaseline())));
            if (vol) {
                cells.add(f3(r.volBaseline()));
            }
            double best = Math.min(nanToInf(r.constantBaseline()), nanToInf(r.volBaseline()));
            cells.add(Double.isInfinite(best) ? Fmt.NA : String.format(Locale.ROOT, "%+.4f", r.logLoss() - best));
            cells.add(r.warning() != null ? "WORSE than baseline" : Double.isInfinite(best) ? Fmt.NA : "beats baseline");
            out.add(cells);
        }
        return new Table("Model diagnostics (out of sample, each fold's test hours; lower log loss is better)", header, out);
    }

    private static double get(SortedMap<String, Double> m, String key) {
        Double v = m.get(key);
        return v == null ? Double.NaN : v;
    }

    private static double nanToInf(double v) {
        return Double.isFinite(v) ? v : Double.POSITIVE_INFINITY;
    }

    private static String f3(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3f", v) : Fmt.NA;
    }
}
