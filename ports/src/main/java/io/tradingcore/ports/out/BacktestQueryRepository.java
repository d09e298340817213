package io.tradingcore.ports.out;

import io.tradingcore.domain.BacktestRunId;
import io.tradingcore.domain.HourTs;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Read-only questions about stored backtests for `runs list|show|compare|export`: one summary per backtest_run with
 * its headline figures computed in the database, and its decision rows as tables with stable column names.
 */
public interface BacktestQueryRepository {

    /**
     * One backtest with its headline figures over the hours it has done so far. {@code finalEquity}, {@code totalReturn}
     * and {@code sharpe} follow docs/report.md (hourly simple returns from the initial capital, sample standard
     * deviation, sqrt(8760)); they are empty, and {@code maxDrawdown} zero, before the first hour. {@code failureReason}
     * is set exactly when the status is FAILED.
     */
    record RunSummary(BacktestRunId id, List<String> assets, HourTs testFrom, HourTs testTo, int seed, String configHash,
                      String codeVersionSha, String status, String failureReason, Instant createdAt, Instant completedAt,
                      BigDecimal initialCapital, long hoursDone, Optional<BigDecimal> finalEquity, OptionalDouble totalReturn,
                      OptionalDouble sharpe, BigDecimal maxDrawdown, long trades) {
        public RunSummary {
            Objects.requireNonNull(id, "run.id");
            assets = List.copyOf(assets);
            Objects.requireNonNull(status, "run.status");
            Objects.requireNonNull(finalEquity, "run.finalEquity");
            Objects.requireNonNull(totalReturn, "run.totalReturn");
            Objects.requireNonNull(sharpe, "run.sharpe");
            Objects.requireNonNull(maxDrawdown, "run.maxDrawdown");
        }

        /** Hours of the test window. */
        public long windowHours() {
            return java.time.Duration.between(testFrom.toInstant(), testTo.toInstant()).toHours();
        }
    }

    /** What `runs export` can write; the column names of each are fixed (docs/cli.md lists them). */
    enum ExportKind { TRADES, ORDERS, FILLS, SIGNALS, LEDGER, RISK_EVENTS }

    /** A column: its stable name, and whether its values are decimal numbers (written unquoted in JSON). */
    record Column(String name, boolean numeric) {
    }

    /**
     * Rows of one export: values as text (decimals in plain notation at the schema's scale, instants ISO-8601 UTC,
     * null for SQL NULL), in a fixed order (time, then id).
     */
    record Table(List<Column> columns, List<List<String>> rows) {
        public Table {
            columns = List.copyOf(columns);
            rows = List.copyOf(rows);
        }
    }

    /** Every backtest, newest first (created, then id). */
    List<RunSummary> list();

    /** One backtest. */
    Optional<RunSummary> summary(BacktestRunId id);

    /**
     * The rows of {@code kind} written by the backtest's cycles (its run contexts; for LEDGER its account's entries).
     *
     * @throws java.util.NoSuchElementException if no backtest has that id
     */
    Table export(BacktestRunId id, ExportKind kind);
}
