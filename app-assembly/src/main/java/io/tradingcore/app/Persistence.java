package io.tradingcore.app;

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

/** Every persistence port, as wired from one database. */
public record Persistence(RunContextRepository runs, MarketDataRepository marketData, DecisionRecordRepository decisions,
                          ExecutionRepository execution, AccountStateRepository states, BacktestRepository folds,
                          BacktestRunRepository backtests, ModelRegistry registry, ReferenceDataRepository reference,
                          ReportingRepository reporting) {
}
