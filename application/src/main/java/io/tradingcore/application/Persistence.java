package io.tradingcore.application;

import io.tradingcore.ports.out.AccountStateRepository;
import io.tradingcore.ports.out.BacktestRepository;
import io.tradingcore.ports.out.BacktestRunRepository;
import io.tradingcore.ports.out.DecisionRecordRepository;
import io.tradingcore.ports.out.ExecutionRepository;
import io.tradingcore.ports.out.MarketDataRepository;
import io.tradingcore.ports.out.ModelRegistry;
import io.tradingcore.ports.out.ReferenceDataRepository;
import io.tradingcore.ports.out.ReportingRepository;
import io.tradingcore.ports.out.RunContextRepository;
import io.tradingcore.ports.out.UnitOfWork;
import java.util.Objects;

/**
 * Every persistence port, as wired from one database ({@link Wiring#persistence}): what the use cases (backtest,
 * replay, trading session, reports, workers) are given. {@code folds} are the per-fold backtest results,
 * {@code backtests} the backtest runs (definition and status), {@code units} the transaction boundary of a unit of
 * hours.
 */
public record Persistence(RunContextRepository runs, MarketDataRepository marketData, DecisionRecordRepository decisions,
                          ExecutionRepository execution, AccountStateRepository states, BacktestRepository folds,
                          BacktestRunRepository backtests, ModelRegistry registry, ReferenceDataRepository reference,
                          ReportingRepository reporting, UnitOfWork units) {

    public Persistence {
        Objects.requireNonNull(runs, "runs");
        Objects.requireNonNull(marketData, "marketData");
        Objects.requireNonNull(decisions, "decisions");
        Objects.requireNonNull(execution, "execution");
        Objects.requireNonNull(states, "states");
        Objects.requireNonNull(folds, "folds");
        Objects.requireNonNull(backtests, "backtests");
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(reporting, "reporting");
        Objects.requireNonNull(units, "units");
    }

    /** Without a unit of work (every port call stands alone). */
    public Persistence(RunContextRepository runs, MarketDataRepository marketData, DecisionRecordRepository decisions,
                       ExecutionRepository execution, AccountStateRepository states, BacktestRepository folds,
                       BacktestRunRepository backtests, ModelRegistry registry, ReferenceDataRepository reference,
                       ReportingRepository reporting) {
        this(runs, marketData, decisions, execution, states, folds, backtests, registry, reference, reporting, UnitOfWork.NONE);
    }
}
