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

/** Every persistence port, as wired from one database. */
public record Persistence(RunContextRepository runs, MarketDataRepository marketData, DecisionRecordRepository decisions,
                          ExecutionRepository execution, AccountStateRepository states, BacktestRepository folds,
                          BacktestRunRepository backtests, ModelRegistry registry, ReferenceDataRepository reference,
                          ReportingRepository reporting, UnitOfWork units) {

    /** Without a unit of work (every port call stands alone). */
    public Persistence(RunContextRepository runs, MarketDataRepository marketData, DecisionRecordRepository decisions,
                       ExecutionRepository execution, AccountStateRepository states, BacktestRepository folds,
                       BacktestRunRepository backtests, ModelRegistry registry, ReferenceDataRepository reference,
                       ReportingRepository reporting) {
        this(runs, marketData, decisions, execution, states, folds, backtests, registry, reference, reporting, UnitOfWork.NONE);
    }
}
