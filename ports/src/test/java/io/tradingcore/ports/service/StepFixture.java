package io.tradingcore.ports.service;

import io.tradingcore.domain.Asset;
import io.tradingcore.domain.DeterministicIds;
import io.tradingcore.domain.HourTs;
import io.tradingcore.domain.hash.StepHashes;
import io.tradingcore.domain.run.RunKey;
import io.tradingcore.ports.in.RunHourlyCycleCommand;
import io.tradingcore.ports.testing.InMemoryPorts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The named steps of the cycle wired to in-memory ports, run one by one on the state of one hour (step unit tests). */
final class StepFixture {
    final InMemoryPorts p;
    final CycleState state;
    final ReconcileStep reconcile;
    final AssessDrawdownStep assess;
    final DecideStep decide;
    final SizeAndCheckStep sizeAndCheck;
    final ExecuteAndBookStep execute;
    final RecordStateStep record;

    private StepFixture(InMemoryPorts p, RunHourlyCycleCommand cmd) {
        this.p = p;
        int minBars = p.features.lookbackBars();
        List<AssetInputs> inputs = new ArrayList<>();
        for (Asset a : cmd.assets()) {
            inputs.add(AssetInputs.of(a, p.marketData.closedCandlesAsOf(a.id(), p.config.venue(), cmd.hour(),
                    Math.max(minBars, p.config.lookbackBars())), p.marketData.latestBookAsOf(a.id(), p.config.venue(), cmd.hour()),
                    cmd.hour(), minBars));
        }
        RunKey key = new RunKey(DeterministicIds.runId(cmd.account(), cmd.mode(), cmd.hour()), cmd.account(), cmd.mode(), cmd.hour());
        this.state = new CycleState(cmd, p.config, key, inputs, StepHashes.empty());
        // FEATURES and MODELS computed when the decide step asks, as in PAPER and LIVE (DATA is not hashed here)
        this.state.market = new MarketSide(this, cmd.hour(), cmd.assets(), p.config, p.features, p.models,
                () -> inputs, in -> "", false);
        VenueOrderSync sync = new VenueOrderSync(p.exchange, p.execution);
        SellableHoldings holdings = new SellableHoldings(p.exchange);
        this.reconcile = new ReconcileStep(p.execution, p.states, p.exchange, sync);
        this.assess = new AssessDrawdownStep(p.exchange, sync);
        this.decide = new DecideStep(p.models, p.decisions, holdings);
        this.sizeAndCheck = new SizeAndCheckStep(p.exchange, p.execution, p.decisions, holdings);
        this.execute = new ExecuteAndBookStep(sync);
        this.record = new RecordStateStep(p.states, p.decisions, holdings);
    }

    static final HourTs FIRST = CycleFixture.START.plusHours(CycleFixture.LOOKBACK);
    /** Index of the hour of {@link CycleScenariosTest#crashScenario()} whose 30 % gap halts trading. */
    static final int CRASH = 4;

    /**
     * The one-asset scenario of {@link CycleScenariosTest#crashScenario()} (the whole equity enters at hour index 0,
     * trading halts at {@link #CRASH}) with the cycle run through the service for the hours before {@code index}.
     */
    static InMemoryPorts crashScenarioBefore(int index) {
        InMemoryPorts p = CycleScenariosTest.crashScenario();
        for (int i = 0; i < index; i++) {
            p.cycle.run(CycleScenariosTest.oneAsset(FIRST.plusHours(i), Optional.empty()));
        }
        return p;
    }

    /** The steps for hour {@code index} of the crash scenario on {@code p}, nothing run yet. */
    static StepFixture crashHour(InMemoryPorts p, int index) {
        return at(p, CycleScenariosTest.oneAsset(FIRST.plusHours(index), Optional.empty()));
    }

    /** The steps for {@code cmd}'s hour on {@code p}, nothing run yet. */
    static StepFixture at(InMemoryPorts p, RunHourlyCycleCommand cmd) {
        return new StepFixture(p, cmd);
    }

    /** Runs {@code steps} in the given order on the hour's state. */
    StepFixture run(CycleStage... steps) {
        for (CycleStage s : steps) {
            s.run(state);
        }
        return this;
    }

    /** Runs the steps before {@code last} in cycle order, then {@code last}. */
    StepFixture through(CycleStage last) {
        for (CycleStage s : List.of(reconcile, assess, decide, sizeAndCheck, execute, record)) {
            s.run(state);
            if (s == last) {
                return this;
            }
        }
        throw new IllegalArgumentException("not a step of this fixture: " + last);
    }
}
