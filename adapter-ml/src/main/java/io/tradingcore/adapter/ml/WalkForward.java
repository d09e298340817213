package io.tradingcore.adapter.ml;

import static io.tradingcore.adapter.ml.WalkForwardFigures.evaluate;
import static io.tradingcore.adapter.ml.WalkForwardFigures.metaMetrics;
import static io.tradingcore.adapter.ml.WalkForwardFigures.optionParams;
import static io.tradingcore.adapter.ml.WalkForwardFigures.perFold;
import static io.tradingcore.adapter.ml.WalkForwardFigures.positiveRate;
import static io.tradingcore.adapter.ml.WalkForwardFigures.summary;
import static io.tradingcore.adapter.ml.WalkForwardFigures.treeMetrics;

import io.tradingcore.domain.ModelRole;
import io.tradingcore.domain.Horizon;
import io.tradingcore.domain.CostModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Walk-forward training and evaluation, then the final stack. Base predictions on each test window are
 * out-of-fold; the meta-learner of fold k is trained only on out-of-fold rows of earlier folds that end a purge
 * before fold k's test window, and the final meta-learner on all out-of-fold rows.
 */
final class WalkForward {

    /**
     * Result of a run: per-fold metrics, the final stack and its models ready for the registry, and per horizon the
     * rows and design (META inputs) the final meta-learner was trained on.
     */
    record Result(List<FoldResult> folds, Stack stack, List<TrainedModel> models, long finalTrainMillis,
                  Map<Horizon, MetaTraining> metaTraining, OutOfFold outOfFold) {
    }

    /**
     * Per row, the held-out predictions of the walk-forward (for evaluation): the fold whose test window scored it
     * (-1: none), base probabilities [horizon][row], and the fold meta-learner's probability and learned edge
     * (NaN where the fold had no meta-learner).
     */
    record OutOfFold(int[] fold, double[][] tree, double[][] deep, double[][] metaP, double[][] metaEdge) {
    }

    /** The final meta-learner's training rows and their inputs ({@code z[r]} for each r in rows). */
    record MetaTraining(int[] rows, double[][] z) {
    }

    private static final long HOUR = 3600L;

    private WalkForward() {
    }

    static Result run(Samples s, TrainingConfig c, String modelName) {
        if (s.size() == 0) {
            throw new IllegalArgumentException("no training rows");
        }
        int horizons = Horizon.values().length;
        int n = s.size();
        double[][] oofTree = new double[horizons][n];
        double[][] oofDeep = new double[horizons][n];
        double[][] oofRegime = new double[n][];
        boolean[] oof = new boolean[n];
        int[] foldOf = new int[n];
        Arrays.fill(foldOf, -1);
        double[][] metaP = new double[horizons][n];
        double[][] metaEdge = new double[horizons][n];
        for (int h = 0; h < horizons; h++) {
            Arrays.fill(metaP[h], Double.NaN);
            Arrays.fill(metaEdge[h], Double.NaN);
        }

        long first = s.hour[0];
        long last = s.hour[n - 1];
        long purge = c.purge().getSeconds();
        List<FoldResult> folds = new ArrayList<>();
        long testStart = first + c.minTrain().getSeconds();
        int fold = 0;
        while (testStart <= last) {
            long testEnd = Math.min(testStart + c.testWindow().getSeconds(), last + HOUR);
            long trainEnd = testStart - purge;
            long trainStart = c.rollingTrain() == null ? first : Math.max(first, trainEnd - c.rollingTrain().getSeconds());
            int[] train = Samples.range(s.firstRowAtOrAfter(trainStart), s.firstRowAtOrAfter(trainEnd));
            int[] test = Samples.range(s.firstRowAtOrAfter(testStart), s.firstRowAtOrAfter(testEnd));
            if (train.length > 0 && test.length > 0) {
                for (int r : test) {
                    foldOf[r] = fold;
                }
                folds.add(runFold(fold++, s, c, train, test, trainStart, trainEnd, testStart, testEnd,
                        oofTree, oofDeep, oofRegime, oof, metaP, metaEdge));
            }
            testStart = testEnd + c.embargo().getSeconds();
        }
        long t0 = System.nanoTime();
        Result result = finalStack(s, c, modelName, folds, oofTree, oofDeep, oof);
        return new Result(List.copyOf(folds), result.stack(), result.models(), (System.nanoTime() - t0) / 1_000_000,
                result.metaTraining(), new OutOfFold(foldOf, oofTree, oofDeep, metaP, metaEdge));
    }

    private static FoldResult runFold(int fold, Samples s, TrainingConfig c, int[] train, int[] test,
                                      long trainStart, long trainEnd, long testStart, long testEnd,
                                      double[][] oofTree, double[][] oofDeep, double[][] oofRegime, boolean[] oof,
                                      double[][] metaP, double[][] metaEdge) {
        long t = System.nanoTime();
        RegimeModel regime = RegimeModel.train(s.x, train, c.regime(), c.seed());
        long regimeMillis = millisSince(t);
        for (int r : test) {
            oofRegime[r] = regime.predict(s.x[r]).probabilities();
        }
        List<FoldResult.Row> rows = new ArrayList<>();
        for (Horizon h : Horizon.values()) {
            int hi = h.ordinal();
            int[] tr = s.labelled(h, train);
            int[] te = s.labelled(h, test);
            double base = positiveRate(s.label[hi], tr);

            double[] weight = c.options().weights(s.hour, tr);
            t = System.nanoTime();
            TreeModel tree = TreeModel.train(s.names, s.x, s.label[hi], tr, weight, c.tree(), c.seed());
            long treeMillis = millisSince(t);
            t = System.nanoTime();
            DeepModel deep = DeepModel.train(s.x, s.label[hi], s.hour, tr, weight, c.deep(), c.seed());
            long deepMillis = millisSince(t);
            for (int r : test) {
                oofTree[hi][r] = tree.probability(s.x[r]);
                oofDeep[hi][r] = deep.probability(s.x[r]);
            }
            rows.add(evaluate(ModelRole.BASE_TREE, h, treeMillis, tr.length, te, oofTree[hi], null, base, s, c));
            rows.add(evaluate(ModelRole.BASE_DEEP, h, deepMillis, tr.length, te, oofDeep[hi], null, base, s, c));

            // meta: out-of-fold rows of earlier folds, purged before this test window
            int[] metaRows = s.labelled(h, oofRowsBefore(s, oof, testStart - c.purge().getSeconds()));
            if (metaRows.length >= c.minMetaRows()) {
                // as deployed: META learns from this fold's regime model's outputs, the ones it is scored with
                double[][] foldRegime = new double[s.size()][];
                for (int r : metaRows) {
                    foldRegime[r] = regime.predict(s.x[r]).probabilities();
                }
                double[][] z = metaInputs(s.size(), metaRows, hi, oofTree, oofDeep, foldRegime);
                t = System.nanoTime();
                MetaModel meta = MetaModel.train(z, s.label[hi], s.forwardReturn[hi], metaRows,
                        s.cost.roundTripFraction(), c.meta());
                long metaMillis = millisSince(t);
                double[] pm = metaP[hi];
                double[] edge = metaEdge[hi];
                for (int r : te) {
                    MetaModel.Explained e = meta.explain(MetaModel.inputs(oofTree[hi][r], oofDeep[hi][r], oofRegime[r]));
                    pm[r] = e.probability();
                    edge[r] = e.expectedReturn();
                }
                rows.add(evaluate(ModelRole.META, h, metaMillis, metaRows.length, te, pm, edge,
                        positiveRate(s.label[hi], metaRows), s, c));
            }
        }
        for (int r : test) {
            oof[r] = true;
        }
        return new FoldResult(fold, Instant.ofEpochSecond(trainStart), Instant.ofEpochSecond(trainEnd),
                Instant.ofEpochSecond(testStart), Instant.ofEpochSecond(testEnd), regimeMillis, rows);
    }

    private static Result finalStack(Samples s, TrainingConfig c, String name, List<FoldResult> folds,
                                     double[][] oofTree, double[][] oofDeep, boolean[] oof) {
        int[] all = Samples.range(0, s.size());
        Instant from = Instant.ofEpochSecond(s.hour[0]);
        Instant to = Instant.ofEpochSecond(s.hour[s.size() - 1] + HOUR);
        List<TrainedModel> models = new ArrayList<>();
        boolean legacy = c.options().equals(TrainingConfig.Options.LEGACY);
        OodGate gate = c.options().oodQuantile() > 0 ? OodGate.fit(s.x, all, c.options().oodQuantile()) : null;
        RegimeModel regime = RegimeModel.train(s.x, all, c.regime(), c.seed()).with(s.features, gate);
        SortedMap<String, String> regimeParams = c.regime().asMap();
        SortedMap<String, Double> regimeMetrics = new TreeMap<>();
        if (!legacy) {
            regimeParams.putAll(optionParams(c.options(), s.features));
            if (gate != null) {
                regimeParams.put("ood_distance", "root mean square of the per-feature z-scores against the training "
                        + "rows (columns constant in training left out); distance / threshold > 1 labels the regime "
                        + OodGate.LABEL + " (no entry)");
                regimeMetrics.put("ood_threshold", gate.threshold());
            }
        }
        models.add(TrainedModel.of(name, ModelRole.REGIME, null, from, to, regimeParams, c.seed(),
                regimeMetrics, regime.artifact()));
        Map<Horizon, TreeModel> trees = new EnumMap<>(Horizon.class);
        Map<Horizon, DeepModel> deeps = new EnumMap<>(Horizon.class);
        Map<Horizon, MetaModel> metas = new EnumMap<>(Horizon.class);
        Map<Horizon, MetaTraining> metaTraining = new EnumMap<>(Horizon.class);
        int[] oofRows = oofRowsBefore(s, oof, Long.MAX_VALUE);
        // META learns from exactly the regime outputs inference produces: the final REGIME artifact's
        double[][] regimeOut = new double[s.size()][];
        for (int r : oofRows) {
            regimeOut[r] = regime.predict(s.x[r]).probabilities();
        }
        for (Horizon h : Horizon.values()) {
            int hi = h.ordinal();
            int[] tr = s.labelled(h, all);
            double[] weight = c.options().weights(s.hour, tr);
            TreeModel tree = TreeModel.train(s.names, s.x, s.label[hi], tr, weight, c.tree(), c.seed());
            DeepModel deep = DeepModel.train(s.x, s.label[hi], s.hour, tr, weight, c.deep(), c.seed());
            int[] metaRows = s.labelled(h, oofRows);
            if (metaRows.length < c.minMetaRows()) {
                throw new IllegalArgumentException("only " + metaRows.length + " out-of-fold rows for the " + h
                        + " meta-learner (need " + c.minMetaRows() + "): give more data or a shorter minTrain");
            }
            double[][] z = metaInputs(s.size(), metaRows, hi, oofTree, oofDeep, regimeOut);
            MetaModel meta = MetaModel.train(z, s.label[hi], s.forwardReturn[hi], metaRows, s.cost.roundTripFraction(),
                    c.meta());
            metaTraining.put(h, new MetaTraining(metaRows, z));
            trees.put(h, tree);
            deeps.put(h, deep);
            metas.put(h, meta);
            String hName = name + "-" + h.name();
            SortedMap<String, String> treeParams = c.tree().asMap();
            SortedMap<String, String> deepParams = c.deep().asMap();
            SortedMap<String, Double> treeMetrics = treeMetrics(folds, h, tree, s.names);
            SortedMap<String, Double> deepMetrics = summary(folds, ModelRole.BASE_DEEP, h);
            if (!legacy) {
                treeParams.putAll(optionParams(c.options(), s.features));
                treeParams.put("tribuo_provenance", tree.provenance());
                deepParams.putAll(optionParams(c.options(), s.features));
                treeMetrics.putAll(perFold(folds, ModelRole.BASE_TREE, h));
                deepMetrics.putAll(perFold(folds, ModelRole.BASE_DEEP, h));
            }
            models.add(TrainedModel.of(hName, ModelRole.BASE_TREE, h, from, to, treeParams, c.seed(),
                    treeMetrics, tree.artifact()));
            models.add(TrainedModel.of(hName, ModelRole.BASE_DEEP, h, from, to, deepParams, c.seed(),
                    deepMetrics, deep.artifact()));
            Instant metaFrom = Instant.ofEpochSecond(s.hour[metaRows[0]]);
            Instant metaTo = Instant.ofEpochSecond(s.hour[metaRows[metaRows.length - 1]] + HOUR);
            SortedMap<String, String> metaParams = c.meta().asMap();
            metaParams.put("round_trip_cost", Double.toString(s.cost.roundTripFraction()));
            metaParams.put("edge_rows", "out-of-fold rows of the training window (base predictions out of fold, "
                    + "regime from the final REGIME artifact)");
            SortedMap<String, Double> metaMetrics = metaMetrics(folds, h, meta, z, metaRows, s);
            if (!legacy) {
                metaParams.putAll(optionParams(c.options(), s.features));
                metaMetrics.putAll(perFold(folds, ModelRole.META, h));
            }
            models.add(TrainedModel.of(hName, ModelRole.META, h, metaFrom, metaTo, metaParams, c.seed(),
                    metaMetrics, meta.artifact()));
        }
        return new Result(List.of(), new Stack(regime, trees, deeps, metas), List.copyOf(models), 0,
                metaTraining, null);
    }

    private static int[] oofRowsBefore(Samples s, boolean[] oof, long hourExclusive) {
        return java.util.stream.IntStream.range(0, s.size()).filter(r -> oof[r] && s.hour[r] < hourExclusive)
                .toArray();
    }

    private static double[][] metaInputs(int n, int[] rows, int hi, double[][] oofTree, double[][] oofDeep,
                                         double[][] oofRegime) {
        double[][] z = new double[n][];
        for (int r : rows) {
            z[r] = MetaModel.inputs(oofTree[hi][r], oofDeep[hi][r], oofRegime[r]);
        }
        return z;
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
