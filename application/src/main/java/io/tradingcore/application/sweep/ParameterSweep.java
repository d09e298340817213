package io.tradingcore.application.sweep;

import io.tradingcore.domain.BacktestRunId;
import io.tradingcore.domain.RunMode;
import io.tradingcore.ports.out.BacktestQueryRepository;
import io.tradingcore.ports.out.BacktestQueryRepository.RunSummary;
import io.tradingcore.ports.out.BacktestRunRepository;
import io.tradingcore.ports.out.ReportingRepository;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs every point of a {@link SweepGrid} as an ordinary backtest ({@code runPoint}: resumable and replayable like any
 * other), {@code parallelism} points at a time, then compares them and deflates the best Sharpe ratio by the number of
 * points tried (Bailey and Lopez de Prado). A point that fails is reported with its error; the others still run.
 */
public final class ParameterSweep {
    private static final double HOURS_PER_YEAR = 8760.0;

    /** Runs one point's backtest to its end and returns its id. */
    @FunctionalInterface
    public interface PointRunner {
        BacktestRunId run(SweepGrid.Point point) throws Exception;
    }

    /** One point's outcome: its backtest and figures, or the error that stopped it. */
    public record Row(SweepGrid.Point point, Optional<RunSummary> run, Optional<String> error) {
    }

    /**
     * The sweep: rows in point order; the best point by Sharpe (empty when no point has one) and its deflation over
     * the points with a Sharpe ratio (hourly figures; the annualised best Sharpe is {@code bestSharpe}).
     */
    public record Outcome(List<Row> rows, Optional<Integer> bestIndex, Optional<DeflatedSharpe.Result> deflated) {
        public Outcome {
            rows = List.copyOf(rows);
        }

        public boolean anyFailed() {
            return rows.stream().anyMatch(r -> r.error().isPresent());
        }
    }

    private final BacktestQueryRepository queries;
    private final BacktestRunRepository runs;
    private final ReportingRepository reporting;

    public ParameterSweep(BacktestQueryRepository queries, BacktestRunRepository runs, ReportingRepository reporting) {
        this.queries = Objects.requireNonNull(queries, "queries");
        this.runs = Objects.requireNonNull(runs, "runs");
        this.reporting = Objects.requireNonNull(reporting, "reporting");
    }

    public Outcome run(SweepGrid grid, int parallelism, PointRunner runPoint) throws InterruptedException {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be >= 1, was " + parallelism);
        }
        List<SweepGrid.Point> points = grid.points();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, points.size()), r -> {
            Thread t = new Thread(r, "sweep-point");
            t.setDaemon(true);
            return t;
        });
        List<Future<BacktestRunId>> futures = new ArrayList<>();
        try {
            for (SweepGrid.Point p : points) {
                futures.add(pool.submit(() -> runPoint.run(p)));
            }
            List<Row> rows = new ArrayList<>();
            for (int i = 0; i < points.size(); i++) {
                try {
                    BacktestRunId id = futures.get(i).get();
                    rows.add(new Row(points.get(i), queries.summary(id), Optional.empty()));
                } catch (ExecutionException e) {
                    Throwable c = e.getCause() == null ? e : e.getCause();
                    rows.add(new Row(points.get(i), Optional.empty(), Optional.of(c.getClass().getSimpleName() + ": " + c.getMessage())));
                }
            }
            return compare(rows);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Best Sharpe and its deflation over the rows that have a Sharpe ratio. */
    Outcome compare(List<Row> rows) {
        List<double[]> returns = new ArrayList<>();
        List<Integer> indexes = new ArrayList<>();
        for (Row r : rows) {
            if (r.run().isPresent() && r.run().get().sharpe().isPresent()) {
                returns.add(hourlyReturns(r.run().get()));
                indexes.add(r.point().index());
            }
        }
        if (returns.isEmpty()) {
            return new Outcome(rows, Optional.empty(), Optional.empty());
        }
        DeflatedSharpe.Result d = DeflatedSharpe.ofReturns(returns);
        int best = 0;
        for (int i = 1; i < returns.size(); i++) {
            if (DeflatedSharpe.sharpe(returns.get(i)) > DeflatedSharpe.sharpe(returns.get(best))) {
                best = i;
            }
        }
        return new Outcome(rows, Optional.of(indexes.get(best)), Optional.of(d));
    }

    /** r_i = V_i / V_{i-1} - 1 from V_0 = initial capital, as docs/report.md (0 after equity 0). */
    private double[] hourlyReturns(RunSummary s) {
        BacktestRunRepository.BacktestRunDefinition def = runs.find(s.id()).orElseThrow();
        List<ReportingRepository.EquityRow> curve = reporting.equityCurve(def.account(), RunMode.BACKTEST, def.testFrom(), def.testTo());
        double[] r = new double[curve.size()];
        BigDecimal prev = def.initialCapital();
        for (int i = 0; i < r.length; i++) {
            BigDecimal v = curve.get(i).equity();
            r[i] = prev.signum() == 0 ? 0.0 : v.divide(prev, MathContext.DECIMAL64).subtract(BigDecimal.ONE).doubleValue();
            prev = v;
        }
        return r;
    }

    /** An hourly Sharpe ratio annualised like the report's (sqrt(8760)). */
    public static double annualised(double hourlySharpe) {
        return hourlySharpe * Math.sqrt(HOURS_PER_YEAR);
    }
}
