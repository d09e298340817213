package io.tradingcore.adapter.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradingcore.adapter.exchange.sim.SimConfig;
import io.tradingcore.adapter.exchange.sim.SymbolRules;
import io.tradingcore.domain.AccountId;
import io.tradingcore.domain.Asset;
import io.tradingcore.domain.BacktestRunId;
import io.tradingcore.domain.Candle;
import io.tradingcore.domain.DeterministicIds;
import io.tradingcore.domain.HourTs;
import io.tradingcore.domain.RunMode;
import io.tradingcore.domain.order.Fill;
import io.tradingcore.ports.in.CycleReport;
import io.tradingcore.ports.out.TradingConfig;
import io.tradingcore.ports.service.HourlyCycleService;
import io.tradingcore.ports.testing.CycleCommandBuilder;
import io.tradingcore.ports.testing.FixedConfigurationProvider;
import io.tradingcore.ports.testing.InMemoryPorts;
import io.tradingcore.ports.testing.RoundTripChecks;
import io.tradingcore.ports.testing.SyntheticCandles;
import io.tradingcore.ports.testing.TradingConfigBuilder;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 8, "fees charged in the base asset breaking the exit", end to end: the hourly cycle trades against this
 * adapter's simulated exchange set to charge a BUY's fee in the bought asset, as Binance does. The venue refuses
 * to sell more than its wallet holds, so the EXIT is filled only if the position the cycle sized it from is what
 * the venue really holds; afterwards the cycle's cash and position equal the venue's wallet.
 */
class SimulatedFeeInBaseCycleTest {
    static final Asset BTC = Asset.of(1, "BTC/USDT");
    static final AccountId ACCOUNT = AccountId.of(7);
    static final HourTs START = HourTs.parse("2024-01-01T00:00:00Z");
    static final int LOOKBACK = 6;

    /** A 1 %/h rise for 9 hours (ENTER) then a 1 %/h fall (EXIT), with volume enough for whole fills. */
    static List<Candle> riseThenFall() {
        List<BigDecimal> closes = new ArrayList<>();
        BigDecimal c = new BigDecimal("30000");
        for (int i = 0; i < 24; i++) {
            c = c.multiply(new BigDecimal(i < 9 ? "1.01" : "0.99")).setScale(2, RoundingMode.HALF_EVEN);
            closes.add(c);
        }
        return SyntheticCandles.path(BTC.id(), START, new BigDecimal("30000"), closes).stream()
                .map(k -> new Candle(k.asset(), k.openTime(), k.open(), k.high(), k.low(), k.close(), new BigDecimal("1000"))).toList();
    }

    @Test
    void entryChargedInBaseThenExitIsFilledAndTheBooksEqualTheVenueWallet() {
        TradingConfig config = TradingConfigBuilder.gated().targetFraction("0.5").lookbackBars(LOOKBACK).build();
        InMemoryPorts p = new InMemoryPorts(config, LOOKBACK, 60.0, START.toInstant());
        p.load(riseThenFall());
        String finest = "0.000000000000000001";
        SimulatedVenue venue = Exchanges.simulated(SimConfig.builder().seed(5).takerFeeBps("10").feeInBaseForBuys(true)
                .rules(SymbolRules.of(BTC.symbol(), finest, finest, finest, "10")).balance("USDT", "10000").build(), List.of(BTC), p.clock);
        venue.addCandles(riseThenFall());
        HourlyCycleService cycle = new HourlyCycleService(p.runs, p.marketData, p.decisions, p.execution, p.states, p.features, p.models,
                venue, new FixedConfigurationProvider(config), p.clock);

        List<CycleReport> reports = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            HourTs h = START.plusHours(LOOKBACK + i);
            p.clock.set(h.toInstant().plusSeconds(5));
            reports.add(cycle.run(CycleCommandBuilder.backtest(new BacktestRunId(DeterministicIds.uuid("sim-fee-in-base")), ACCOUNT, h,
                    List.of(BTC)).codeVersionSha("0".repeat(40)).build()));
        }

        // without the position reduced by the fee, the EXIT asks for more BTC than the wallet holds: INSUFFICIENT_BALANCE
        Fill in = RoundTripChecks.assertExitSoldWhatTheBaseFeeLeft(p.execution, reports);
        assertThat(in.fee()).isEqualByComparingTo(in.quantity().multiply(new BigDecimal("0.001")).setScale(18, RoundingMode.HALF_EVEN));

        var end = reports.get(reports.size() - 1).state().orElseThrow();
        assertThat(end.positions()).allSatisfy(ps -> assertThat(ps.quantity()).isZero());
        assertThat(venue.totalBalances().getOrDefault("BTC", BigDecimal.ZERO)).isEqualByComparingTo("0");
        assertThat(end.portfolio().cash()).isEqualByComparingTo(venue.totalBalances().get("USDT"));
        assertThat(p.execution.cashBalance(ACCOUNT, RunMode.BACKTEST)).isEqualByComparingTo(venue.totalBalances().get("USDT"));
    }
}
