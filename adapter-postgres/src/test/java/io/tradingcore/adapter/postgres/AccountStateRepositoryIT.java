package io.tradingcore.adapter.postgres;

import static io.tradingcore.adapter.postgres.PgTestSupport.ACCOUNT;
import static io.tradingcore.adapter.postgres.PgTestSupport.BTC;
import static io.tradingcore.adapter.postgres.PgTestSupport.ETH;
import static io.tradingcore.adapter.postgres.PgTestSupport.HUGE;
import static io.tradingcore.adapter.postgres.PgTestSupport.TINY;
import static io.tradingcore.adapter.postgres.PgTestSupport.hour;
import static org.assertj.core.api.Assertions.assertThat;

import io.tradingcore.domain.Decimals;
import io.tradingcore.domain.DrawdownTier;
import io.tradingcore.domain.HourTs;
import io.tradingcore.domain.RunMode;
import io.tradingcore.domain.portfolio.PortfolioState;
import io.tradingcore.domain.portfolio.PositionState;
import io.tradingcore.domain.risk.RiskHourlyState;
import io.tradingcore.domain.risk.TradingState;
import io.tradingcore.domain.run.RunKey;
import io.tradingcore.ports.out.AccountStateRepository;
import io.tradingcore.ports.out.HourlyState;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AccountStateRepositoryIT {
    private static PgTestSupport pg;
    private static AccountStateRepository states;

    @BeforeAll
    static void open() {
        pg = PgTestSupport.open("pg_state");
        states = pg.adapter.accountState();
    }

    @AfterAll
    static void close() {
        pg.close();
    }

    private static BigDecimal d(String s) {
        return Decimals.of(s);
    }

    private static HourlyState state(HourTs h, List<PositionState> positions, String cash, String value) {
        BigDecimal equity = d(cash).add(d(value));
        PortfolioState p = new PortfolioState(h, d(cash), d(value), equity, equity, Decimals.ZERO);
        RiskHourlyState r = new RiskHourlyState(h, DrawdownTier.NORMAL, Decimals.ZERO, equity, equity, false,
                TradingState.ACTIVE);
        return new HourlyState(h, positions, p, r);
    }

    @Test
    void hourlyStateRoundTripsExactlyAndARewriteReplacesTheHour() {
        HourTs h1 = hour("2024-07-01T00:00:00Z");
        HourTs h2 = h1.plusHours(1);
        RunKey k1 = pg.startedRun(RunMode.BACKTEST, h1).key();
        RunKey k2 = pg.startedRun(RunMode.BACKTEST, h2).key();
        PositionState btc = new PositionState(BTC.id(), h1, TINY, HUGE, HUGE, d("100"), TINY, d("-5"));
        PositionState eth = new PositionState(ETH.id(), h1, d("2"), d("10"), d("11"), d("22"), Decimals.ZERO, d("2"));
        HourlyState first = state(h1, List.of(btc, eth), "900", "122");
        states.recordHourlyState(k1, first);
        assertThat(states.at(ACCOUNT, RunMode.BACKTEST, h1)).contains(first);

        HourlyState rewritten = state(h1, List.of(eth), "978", "22");
        states.recordHourlyState(k1, rewritten);
        assertThat(states.at(ACCOUNT, RunMode.BACKTEST, h1)).contains(rewritten);
        assertThat(pg.count("SELECT count(*) FROM position_hourly_state WHERE run_id = '" + k1.runId() + "'")).isEqualTo(1);

        HourlyState huge = state(h2, List.of(), HUGE.toPlainString(), "0");
        states.recordHourlyState(k2, huge);
        assertThat(states.at(ACCOUNT, RunMode.BACKTEST, h2)).contains(huge);
        assertThat(states.latestBefore(ACCOUNT, RunMode.BACKTEST, h2)).contains(rewritten);
        assertThat(states.latestBefore(ACCOUNT, RunMode.BACKTEST, h2.plusHours(5))).contains(huge);
        assertThat(states.latestBefore(ACCOUNT, RunMode.BACKTEST, h1)).isEmpty();
        assertThat(states.latestBefore(ACCOUNT, RunMode.PAPER, h2)).isEmpty();
    }

    @Test
    void haltedStateRoundTrips() {
        HourTs h = hour("2024-08-01T00:00:00Z");
        RunKey k = pg.startedRun(RunMode.BACKTEST, h).key();
        PortfolioState p = new PortfolioState(h, d("750"), Decimals.ZERO, d("750"), d("1000"), d("0.25"));
        RiskHourlyState r = new RiskHourlyState(h, DrawdownTier.HALT20, d("0.25"), d("750"), d("1000"), true,
                TradingState.HALTED);
        HourlyState s = new HourlyState(h, List.of(), p, r);
        states.recordHourlyState(k, s);
        assertThat(states.at(ACCOUNT, RunMode.BACKTEST, h)).contains(s);
    }
}
