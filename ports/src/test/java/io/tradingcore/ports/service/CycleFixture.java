package io.tradingcore.ports.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradingcore.domain.AccountId;
import io.tradingcore.domain.Asset;
import io.tradingcore.domain.BacktestRunId;
import io.tradingcore.domain.DeterministicIds;
import io.tradingcore.domain.HourTs;
import io.tradingcore.domain.RunMode;
import io.tradingcore.domain.ledger.CashLedger;
import io.tradingcore.domain.order.Fill;
import io.tradingcore.domain.risk.OperatorReset;
import io.tradingcore.ports.in.CycleReport;
import io.tradingcore.ports.in.RunHourlyCycleCommand;
import io.tradingcore.ports.out.HourlyState;
import io.tradingcore.ports.out.TradingConfig;
import io.tradingcore.ports.testing.CycleCommandBuilder;
import io.tradingcore.ports.testing.InMemoryPorts;
import io.tradingcore.ports.testing.SyntheticCandles;
import io.tradingcore.ports.testing.TradingConfigBuilder;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Shared set-up of the cycle tests: two assets of seeded random-walk candles and a backtest command. */
final class CycleFixture {
    static final AccountId ACCOUNT = AccountId.of(7);
    static final HourTs START = HourTs.parse("2024-01-01T00:00:00Z");
    static final String SHA = "0123456789abcdef0123456789abcdef01234567";
    static final BacktestRunId BACKTEST = new BacktestRunId(DeterministicIds.uuid("test-backtest"));
    static final int LOOKBACK = 6;
    static final List<Asset> ASSETS = List.of(InMemoryPorts.btc(), InMemoryPorts.eth());

    private CycleFixture() {
    }

    static TradingConfig config() {
        return TradingConfigBuilder.config().lookbackBars(LOOKBACK).build();
    }

    /** Ports loaded with {@code hours} candles per asset from START, from {@code seed}. */
    static InMemoryPorts ports(long seed, int hours) {
        InMemoryPorts p = new InMemoryPorts(config(), LOOKBACK, 60.0, START.toInstant());
        p.load(SyntheticCandles.walk(ASSETS.get(0).id(), START, hours, seed, new BigDecimal("42000.5"), 0.02));
        p.load(SyntheticCandles.walk(ASSETS.get(1).id(), START, hours, seed + 1, new BigDecimal("2300.25"), 0.03));
        return p;
    }

    static RunHourlyCycleCommand command(HourTs hour) {
        return CycleCommandBuilder.backtest(BACKTEST, ACCOUNT, hour, ASSETS).codeVersionSha(SHA).build();
    }

    static RunHourlyCycleCommand command(HourTs hour, OperatorReset reset) {
        return CycleCommandBuilder.backtest(BACKTEST, ACCOUNT, hour, ASSETS).codeVersionSha(SHA).reset(Optional.of(reset)).build();
    }

    /**
     * {@code asset} alone on {@code closes} (opened at {@code firstOpen}), half the equity per ENTER, fee 0.1 % and no slippage: a
     * MARKET order fills at the next candle's open, which is the close the decision saw.
     */
    static InMemoryPorts oneAsset(Asset asset, BigDecimal firstOpen, List<BigDecimal> closes) {
        TradingConfig cfg = TradingConfigBuilder.gated().targetFraction("0.5").costs("10", "2", "0").lookbackBars(LOOKBACK).build();
        InMemoryPorts p = new InMemoryPorts(cfg, LOOKBACK, 60.0, START.toInstant());
        p.load(SyntheticCandles.path(asset.id(), START, firstOpen, closes));
        return p;
    }

    /** Runs the cycle of {@code asset} alone for {@code hours} hours from the first with a full lookback, from {@code deposit}. */
    static List<CycleReport> runOneAsset(InMemoryPorts p, Asset asset, int hours, BigDecimal deposit) {
        List<CycleReport> out = new ArrayList<>();
        for (int i = 0; i < hours; i++) {
            HourTs h = START.plusHours(LOOKBACK + i);
            p.clock.set(h.toInstant().plusSeconds(5));
            out.add(p.cycle.run(CycleCommandBuilder.backtest(BACKTEST, ACCOUNT, h, List.of(asset)).codeVersionSha(SHA).deposit(deposit)
                    .build()));
        }
        return out;
    }

    /** Runs the cycle for hours [from, from + count) and returns the reports. */
    static List<CycleReport> runHours(InMemoryPorts p, HourTs from, int count) {
        List<CycleReport> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            HourTs h = from.plusHours(i);
            p.clock.set(h.toInstant().plusSeconds(5));
            out.add(p.cycle.run(command(h)));
        }
        return out;
    }

    /**
     * The books agree after a run: the ledger chain sums to its balance, the last state's cash is that
     * balance, and each position equals the net quantity of its fills (less any fee charged in the base asset).
     */
    static void assertBooksReconcile(InMemoryPorts p, List<CycleReport> reports) {
        var ledger = p.execution.ledger(ACCOUNT, RunMode.BACKTEST);
        BigDecimal balance = p.execution.cashBalance(ACCOUNT, RunMode.BACKTEST);
        assertThat(CashLedger.reconciles(ledger, balance)).as("ledger sum equals balance").isTrue();
        HourlyState last = reports.get(reports.size() - 1).state().orElseThrow();
        assertThat(last.portfolio().cash()).isEqualByComparingTo(balance);
        for (var asset : ASSETS) {
            BigDecimal net = BigDecimal.ZERO;
            for (Fill f : p.execution.allFills()) {
                if (f.asset().equals(asset.id())) {
                    net = net.add(f.positionDelta());
                }
            }
            BigDecimal held = last.positions().stream().filter(x -> x.asset().equals(asset.id())).map(x -> x.quantity())
                    .findFirst().orElse(BigDecimal.ZERO);
            assertThat(held).as("position of " + asset.symbol() + " reconciles with fills").isEqualByComparingTo(net);
        }
    }
}
