package io.tradingcore.ports.service;

import static io.tradingcore.ports.service.CycleFixture.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradingcore.domain.AssetId;
import io.tradingcore.domain.BookSnapshot;
import io.tradingcore.domain.Candle;
import io.tradingcore.domain.FeatureVector;
import io.tradingcore.domain.HourTs;
import io.tradingcore.domain.hash.CycleStep;
import io.tradingcore.domain.run.RunContext;
import io.tradingcore.domain.run.RunStatus;
import io.tradingcore.ports.in.CycleReport;
import io.tradingcore.ports.out.FeatureEngine;
import io.tradingcore.ports.testing.FixedConfigurationProvider;
import io.tradingcore.ports.testing.InMemoryPorts;
import io.tradingcore.ports.testing.SimpleFeatureEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The market side of an hour (DATA, FEATURES, MODELS) prepared ahead, as a backtest does on a second thread, gives
 * the cycle the same step hashes, reports and records as computing it in the cycle; its failures are thrown by the
 * hour's cycle at the point the sequential cycle throws them; a market side is only run for its own hour.
 */
class MarketSideTest {
    private static final HourTs FIRST = START.plusHours(LOOKBACK);

    @Test
    void everyHourPreparedAheadGivesTheSequentialHashesAndRecords() {
        List<CycleReport> sequential = runHours(ports(11, 48), FIRST, 42);
        InMemoryPorts p = ports(11, 48);
        // every hour prepared before the first runs: the farthest ahead a backtest could be
        List<MarketSide> prepared = new ArrayList<>();
        for (int i = 0; i < 42; i++) {
            prepared.add(p.cycle.prepare(FIRST.plusHours(i), ASSETS));
            if (i % 2 == 0) {
                prepared.get(i).hashAhead(); // FEATURES and MODELS hashed ahead on even hours, by the cycle on odd ones
            }
        }
        List<CycleReport> ahead = new ArrayList<>();
        for (int i = 0; i < 42; i++) {
            HourTs h = FIRST.plusHours(i);
            p.clock.set(h.toInstant().plusSeconds(5));
            ahead.add(p.cycle.run(command(h), prepared.get(i)));
        }
        assertThat(sequential.stream().filter(r -> !r.orders().isEmpty())).as("the scenario trades").isNotEmpty();
        for (int i = 0; i < 42; i++) {
            for (CycleStep s : CycleStep.values()) {
                assertThat(ahead.get(i).stepHashes().get(s)).as("hour %d, %s", i, s).isEqualTo(sequential.get(i).stepHashes().get(s));
            }
        }
        assertThat(ahead).isEqualTo(sequential);
        InMemoryPorts q = ports(11, 48);
        runHours(q, FIRST, 42);
        assertThat(p.decisions.featureRows()).isEqualTo(q.decisions.featureRows()).isPositive();
        assertThat(p.runs.all()).isEqualTo(q.runs.all());
    }

    @Test
    void aMarketSideIsRunOnlyForItsOwnHourAndAssets() {
        InMemoryPorts p = ports(11, 48);
        MarketSide first = p.cycle.prepare(FIRST, ASSETS);
        assertThatThrownBy(() -> p.cycle.run(command(FIRST.plusHours(1)), first)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not prepared by this cycle for hour " + FIRST.plusHours(1));
        assertThatThrownBy(() -> p.cycle.run(command(FIRST), p.cycle.prepare(FIRST, ASSETS.subList(0, 1))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ports(11, 48).cycle.run(command(FIRST), first)).isInstanceOf(IllegalArgumentException.class);
        assertThat(p.runs.all()).as("nothing opened").isEmpty();
    }

    /** A feature engine failing at hour 3: prepared ahead, the failure waits for hour 3's decide step, as sequentially. */
    @Test
    void aFailurePreparingAheadIsThrownByItsHoursCycleWhereTheSequentialCycleThrowsIt() {
        HourTs failing = FIRST.plusHours(3);
        InMemoryPorts seq = ports(11, 48);
        HourlyCycleService sequential = failingAt(seq, failing);
        RuntimeException thrown = null;
        for (int i = 0; i <= 3; i++) {
            try {
                sequential.run(command(FIRST.plusHours(i)));
            } catch (RuntimeException e) {
                thrown = e;
            }
        }
        assertThat(thrown).hasMessage("features failed at " + failing);

        InMemoryPorts p = ports(11, 48);
        HourlyCycleService ahead = failingAt(p, failing);
        List<MarketSide> prepared = new ArrayList<>();
        for (int i = 0; i <= 3; i++) {
            prepared.add(ahead.prepare(FIRST.plusHours(i), ASSETS)); // nothing thrown here
        }
        for (int i = 0; i < 3; i++) {
            ahead.run(command(FIRST.plusHours(i)), prepared.get(i));
        }
        assertThatThrownBy(() -> ahead.run(command(failing), prepared.get(3))).isInstanceOf(IllegalStateException.class)
                .hasMessage("features failed at " + failing);
        RunContext failed = p.runs.find(ACCOUNT, command(failing).mode(), failing).orElseThrow();
        assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
        assertThat(p.runs.stepHashes(failed.runId())).isEqualTo(seq.runs.stepHashes(failed.runId()));
        assertThat(p.runs.stepHashes(failed.runId()).orElseThrow().get(CycleStep.DATA)).isPresent();
        assertThat(p.runs.stepHashes(failed.runId()).orElseThrow().get(CycleStep.FEATURES)).isEmpty();
        assertThat(p.runs.all()).isEqualTo(seq.runs.all());
    }

    private static HourlyCycleService failingAt(InMemoryPorts p, HourTs failing) {
        FeatureEngine engine = new FeatureEngine() {
            private final SimpleFeatureEngine inner = new SimpleFeatureEngine(LOOKBACK);

            @Override
            public int lookbackBars() {
                return inner.lookbackBars();
            }

            @Override
            public FeatureVector compute(AssetId asset, HourTs hour, List<Candle> closedCandles, Optional<BookSnapshot> book) {
                if (hour.equals(failing)) {
                    throw new IllegalStateException("features failed at " + hour);
                }
                return inner.compute(asset, hour, closedCandles, book);
            }
        };
        return new HourlyCycleService(p.runs, p.marketData, p.decisions, p.execution, p.states, engine, p.models, p.exchange,
                new FixedConfigurationProvider(p.config), p.clock);
    }
}
