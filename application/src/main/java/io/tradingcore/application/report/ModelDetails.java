package io.tradingcore.application.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the models of each walk-forward fold learned and how well their probabilities are calibrated, from the metrics
 * stored with the fold: XGBoost's feature importance of the fold's trees ({@code BASE_TREE.H.importance_gain.<feature>},
 * share of the total gain) and the reliability table of each role on the fold's test hours
 * ({@code ROLE.H.calibration.b<k>.count / mean_p / observed}, ten equal-width bins of p). Folds stored before these
 * metrics existed have neither, and the tables are left out.
 */
final class ModelDetails {
    /** Features listed per fold and horizon. */
    static final int TOP = 5;
    /** Bins of p in the stored reliability tables. */
    static final int BINS = 10;
    private static final Pattern IMPORTANCE = Pattern.compile("^BASE_TREE\\.(H\\d+)\\.importance_gain\\.(.+)$");
    private static final Pattern CALIBRATION = Pattern.compile("^(BASE_TREE|BASE_DEEP|META)\\.(H\\d+)\\.calibration\\.b(\\d+)\\.count$");
    private static final Comparator<String> HORIZONS = Comparator.comparingInt((String h) -> Integer.parseInt(h.substring(1)))
            .thenComparing(Comparator.naturalOrder());

    private ModelDetails() {
    }

    /** Per fold and horizon, the {@link #TOP} features with the largest share of the trees' total gain. */
    static Optional<Table> importance(SortedMap<Integer, SortedMap<String, Double>> foldMetrics) {
        List<List<String>> rows = new ArrayList<>();
        for (Map.Entry<Integer, SortedMap<String, Double>> f : foldMetrics.entrySet()) {
            SortedMap<String, SortedMap<String, Double>> byHorizon = new TreeMap<>(HORIZONS);
            f.getValue().forEach((k, v) -> {
                Matcher m = IMPORTANCE.matcher(k);
                if (m.matches()) {
                    byHorizon.computeIfAbsent(m.group(1), h -> new TreeMap<>()).put(m.group(2), v);
                }
            });
            byHorizon.forEach((h, shares) -> {
                List<Map.Entry<String, Double>> sorted = new ArrayList<>(shares.entrySet());
                sorted.sort(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
                List<String> row = new ArrayList<>(List.of(Integer.toString(f.getKey()), h));
                for (int i = 0; i < TOP; i++) {
                    row.add(i < sorted.size() && sorted.get(i).getValue() > 0
                            ? sorted.get(i).getKey() + " " + Fmt.pct(sorted.get(i).getValue()) : "-");
                }
                rows.add(row);
            });
        }
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        List<String> header = new ArrayList<>(List.of("Fold", "Horizon"));
        for (int i = 1; i <= TOP; i++) {
            header.add("#" + i);
        }
        return Optional.of(new Table("Feature importance of each fold's trees (XGBoost total gain, share of the fold's total;"
                + " top " + TOP + ")", header, rows));
    }

    /**
     * Per fold, horizon and role, the reliability table: in each bin of predicted p, the mean p, the observed positive
     * rate and the number of test rows, plus the expected calibration error (row-weighted mean |observed - mean p|).
     */
    static Optional<Table> calibration(SortedMap<Integer, SortedMap<String, Double>> foldMetrics) {
        List<List<String>> rows = new ArrayList<>();
        for (Map.Entry<Integer, SortedMap<String, Double>> f : foldMetrics.entrySet()) {
            SortedMap<String, SortedMap<Integer, List<String>>> models = new TreeMap<>(Comparator
                    .comparing((String k) -> k.substring(k.indexOf('.') + 1), HORIZONS)
                    .thenComparingInt(k -> ModelDiagnostics.ROLES.indexOf(k.substring(0, k.indexOf('.')))));
            SortedMap<String, double[]> error = new TreeMap<>();
            SortedMap<String, Double> m = f.getValue();
            for (String key : m.keySet()) {
                Matcher c = CALIBRATION.matcher(key);
                if (!c.matches()) {
                    continue;
                }
                String model = c.group(1) + "." + c.group(2);
                String bin = key.substring(0, key.length() - "count".length());
                double n = m.get(key);
                double p = m.getOrDefault(bin + "mean_p", Double.NaN);
                double observed = m.getOrDefault(bin + "observed", Double.NaN);
                models.computeIfAbsent(model, x -> new TreeMap<>()).put(Integer.parseInt(c.group(3)),
                        List.of(String.format(Locale.ROOT, "%.3f / %.3f / %d", p, observed, Math.round(n))));
                double[] e = error.computeIfAbsent(model, x -> new double[2]);
                e[0] += n * Math.abs(observed - p);
                e[1] += n;
            }
            models.forEach((model, bins) -> {
                List<String> row = new ArrayList<>(List.of(Integer.toString(f.getKey()), model.substring(model.indexOf('.') + 1),
                        model.substring(0, model.indexOf('.'))));
                for (int b = 0; b < BINS; b++) {
                    row.add(bins.containsKey(b) ? bins.get(b).get(0) : "-");
                }
                double[] e = error.get(model);
                row.add(String.format(Locale.ROOT, "%.4f", e[0] / e[1]));
                rows.add(row);
            });
        }
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        List<String> header = new ArrayList<>(List.of("Fold", "Horizon", "Role"));
        for (int b = 0; b < BINS; b++) {
            header.add(String.format(Locale.ROOT, "p %.1f-%.1f", b / 10.0, (b + 1) / 10.0));
        }
        header.add("Calibration error");
        return Optional.of(new Table("Calibration (out of sample, each fold's test hours; each bin of predicted p: mean p /"
                + " observed positive rate / rows; calibrated when the first two agree)", header, rows));
    }
}
