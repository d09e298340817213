package io.tradingcore.application.backtest;

import io.tradingcore.ports.out.AccountStateRepository;
import io.tradingcore.ports.out.BacktestRepository;
import io.tradingcore.ports.out.BacktestRunRepository;
import io.tradingcore.ports.out.DecisionRecordRepository;
import io.tradingcore.ports.out.ExecutionRepository;
import io.tradingcore.ports.out.MarketDataRepository;
import io.tradingcore.ports.out.ModelRegistry;
import io.tradingcore.ports.out.ModelTrainer;
import io.tradingcore.ports.out.ReferenceDataRepository;
import io.tradingcore.ports.out.RunContextRepository;
import io.tradingcore.ports.out.UnitOfWork;
import java.util.Objects;

/** The outbound ports a walk-forward backtest drives (persistence plus the model trainer). */
public record BacktestPorts(RunContextRepository runs, MarketDataRepository marketData, DecisionRecordRepository decisions,
                            ExecutionRepository execution, AccountStateRepository states, BacktestRepository folds,
                            BacktestRunRepository backtests, ModelRegistry registry, ReferenceDataRepository reference,
                            ModelTrainer trainer, UnitOfWork units) {

    /** Without a unit of work: every hour commits on its own. */
    public BacktestPorts(RunContextRepository runs, MarketDataRepository marketData, DecisionRecordRepository decisions,
                         ExecutionRepository execution, AccountStateRepository states, BacktestRepository folds,
                         BacktestRunRepository backtests, ModelRegistry registry, ReferenceDataRepository reference,
                         ModelTrainer trainer) {
        this(runs, marketData, decisions, execution, states, folds, backtests, registry, reference, trainer, UnitOfWork.NONE);
    }

    /** Every port of {@code p} (its unit of work included) plus {@code trainer}. */
    public static BacktestPorts of(io.tradingcore.application.Persistence p, ModelTrainer trainer) {
        return new BacktestPorts(p.runs(), p.marketData(), p.decisions(), p.execution(), p.states(), p.folds(), p.backtests(),
                p.registry(), p.reference(), trainer, p.units());
    }

    public BacktestPorts {
        Objects.requireNonNull(units, "units");
        Objects.requireNonNull(runs, "runs");
        Objects.requireNonNull(marketData, "marketData");
        Objects.requireNonNull(decisions, "decisions");
        Objects.requireNonNull(execution, "execution");
        Objects.requireNonNull(states, "states");
        Objects.requireNonNull(folds, "folds");
        Objects.requireNonNull(backtests, "backtests");
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(trainer, "trainer");
    }
}
