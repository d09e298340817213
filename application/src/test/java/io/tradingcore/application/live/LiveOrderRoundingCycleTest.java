package io.tradingcore.application.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradingcore.adapter.exchange.BinanceGateway;
import io.tradingcore.adapter.exchange.Exchanges;
import io.tradingcore.adapter.exchange.binance.BinanceConfig;
import io.tradingcore.adapter.exchange.binance.BinanceCredentials;
import io.tradingcore.domain.AccountId;
import io.tradingcore.domain.Asset;
import io.tradingcore.domain.DeterministicIds;
import io.tradingcore.domain.DrawdownTier;
import io.tradingcore.domain.HourTs;
import io.tradingcore.domain.MetaPrediction;
import io.tradingcore.domain.OrderSide;
import io.tradingcore.domain.OrderStatus;
import io.tradingcore.domain.RunMode;
import io.tradingcore.domain.SignalAction;
import io.tradingcore.domain.StackPrediction;
import io.tradingcore.domain.order.Order;
import io.tradingcore.domain.portfolio.PortfolioState;
import io.tradingcore.domain.portfolio.Position;
import io.tradingcore.domain.portfolio.PositionState;
import io.tradingcore.domain.risk.RiskEvent;
import io.tradingcore.domain.risk.RiskEventType;
import io.tradingcore.domain.risk.RiskHourlyState;
import io.tradingcore.domain.risk.TradingState;
import io.tradingcore.domain.run.RunKey;
import io.tradingcore.ports.in.CycleReport;
import io.tradingcore.ports.out.HourlyState;
import io.tradingcore.ports.out.ModelStack;
import io.tradingcore.ports.out.TradingConfig;
import io.tradingcore.ports.service.HourlyCycleService;
import io.tradingcore.ports.testing.CycleCommandBuilder;
import io.tradingcore.ports.testing.FakeModelStack;
import io.tradingcore.ports.testing.FixedConfigurationProvider;
import io.tradingcore.ports.testing.InMemoryPorts;
import io.tradingcore.ports.testing.SyntheticCandles;
import io.tradingcore.ports.testing.TradingConfigBuilder;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The hourly cycle in LIVE mode with the real Binance gateway (against the local fake with ETHUSDT's filters): the
 * order it records is the order it sends, on the lot step; an order that falls below minNotional after rounding is
 * recorded REJECTED with its reason and an ORDER_REJECTED risk event, and nothing is sent.
 */
class LiveOrderRoundingCycleTest {
    private static final int LOOKBACK = 6;
    private static final Asset ETH = InMemoryPorts.eth();
    private static final AccountId ACCOUNT = AccountId.of(9);
    private static final HourTs START = HourTs.parse("2025-06-01T00:00:00Z");
    private static final HourTs HOUR = START.plusHours(LOOKBACK + 2);

    private FakeBinance fake;
    private InMemoryPorts p;
    private HourlyCycleService cycle;
    private BinanceGateway binance;
    private TradingConfig config;

    @BeforeEach
    void start() throws IOException {
        fake = new FakeBinance("ETHUSDT", List.of()).answer("/api/v3/exchangeInfo", LiveFixtures.ETH_EXCHANGE_INFO);
        Clock at = Clock.fixed(HOUR.toInstant().plusSeconds(5), ZoneOffset.UTC);
        fake.trading(at);
        config = TradingConfigBuilder.gated().horizon(io.tradingcore.domain.Horizon.H1).costs("10", "2", "5").minOrderNotional("1")
                .venue("BINANCE").lookbackBars(LOOKBACK).build();
        p = new InMemoryPorts(config, LOOKBACK, 40.0, at.instant());
        List<BigDecimal> closes = new ArrayList<>();
        for (int i = 0; i < LOOKBACK + 2; i++) {
            closes.add(new BigDecimal(2600 - (LOOKBACK + 1 - i) * 2)); // rising to exactly 2600, the mark of HOUR
        }
        p.load(SyntheticCandles.path(ETH.id(), START, new BigDecimal("2580"), closes));
        binance = Exchanges.binance(BinanceConfig.builder().baseUrl(fake.url()).symbols(List.of(ETH.symbol()))
                .credentials(BinanceCredentials.of("k", "s")).requestTimeout(Duration.ofSeconds(5)).clock(at).sleeper(d -> { }).build());
        binance.loadSymbolRules();
        cycle = cycleWith(LiveFixtures.ALWAYS_LONG);
    }

    private HourlyCycleService cycleWith(UnaryOperator<ModelStack> models) {
        return new HourlyCycleService(p.runs, p.marketData, p.decisions, p.execution, p.states, p.features,
                models.apply(new FakeModelStack(40.0)), binance, new FixedConfigurationProvider(config), p.clock);
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private CycleReport runWithDeposit(String deposit) {
        CycleReport r = run(cycle, deposit);
        assertThat(r.orders()).hasSize(1);
        return r;
    }

    private static CycleReport run(HourlyCycleService c, String deposit) {
        CycleReport r = c.run(CycleCommandBuilder.live(ACCOUNT, HOUR, List.of(ETH)).deposit(deposit).build());
        assertThat(r.outcome()).isEqualTo(CycleReport.Outcome.COMPLETED);
        return r;
    }

    /**
     * The previous hour ended with 1000 USDT and 0.00007 ETH: less than ETHUSDT's 0.0001 step, what an EXIT rounded
     * down to the step leaves after a BUY's fee was taken in ETH.
     */
    private void heldDustBefore() {
        HourTs before = HOUR.minusHours(1);
        PositionState dust = PositionState.of(new Position(ETH.id(), new BigDecimal("0.00007"), new BigDecimal("2500"), BigDecimal.ZERO),
                before, new BigDecimal("2598"));
        PortfolioState portfolio = PortfolioState.of(before, new BigDecimal("1000"), dust.marketValue(), new BigDecimal("1000.18186"));
        RiskHourlyState risk = new RiskHourlyState(before, DrawdownTier.NORMAL, portfolio.drawdown(), portfolio.equity(),
                portfolio.peakEquity(), false, TradingState.ACTIVE);
        p.states.recordHourlyState(new RunKey(DeterministicIds.runId(ACCOUNT, RunMode.LIVE, before), ACCOUNT, RunMode.LIVE, before),
                new HourlyState(before, List.of(dust), portfolio, risk));
    }

    @Test
    void dustHeldFromAnEarlierHourIsNeverSentAsAnExitNorReportedAgain() {
        heldDustBefore();
        UnaryOperator<ModelStack> alwaysOut = models -> features -> {
            StackPrediction s = models.predict(features);
            return new StackPrediction(s.regime(), s.base(), s.meta().stream()
                    .map(m -> new MetaPrediction(m.horizon(), m.modelVersion(), 0.01, -0.05, m.components())).toList());
        };

        CycleReport r = run(cycleWith(alwaysOut), "0");

        // a holding would be EXITed at p 0.01; the dust is decided on as flat, so nothing is refused LOT_SIZE every hour
        assertThat(r.signals()).singleElement().satisfies(s -> assertThat(s.decision().action()).isEqualTo(SignalAction.HOLD));
        assertThat(r.orders()).isEmpty();
        assertThat(r.riskEvents()).isEmpty();
        assertThat(posts()).isEmpty();
        assertThat(r.state().orElseThrow().positions()).singleElement().satisfies(ps -> {
            assertThat(ps.quantity()).isEqualByComparingTo("0.00007");
            assertThat(ps.marketValue()).isEqualByComparingTo("0.182"); // 0.00007 x 2600, in equity
        });
    }

    @Test
    void dustHeldFromAnEarlierHourDoesNotBlockTheNextEnter() {
        heldDustBefore();

        Order o = run(cycle, "0").orders().get(0);

        // 25% of equity 1000.182 = 250.0455 USDT at 2600 = 0.09617.. ETH -> 0.0961 ETH on the step
        assertThat(o.request().side()).isEqualTo(OrderSide.BUY);
        assertThat(o.request().quantity()).isEqualByComparingTo("0.0961");
        assertThat(o.request().preOrderCashAvailable()).isEqualByComparingTo("1000");
        assertThat(posts()).singleElement().satisfies(q -> assertThat(q.param("quantity")).isEqualTo("0.0961"));
    }

    private List<FakeBinance.Request> posts() {
        return fake.requests(q -> q.method().equals("POST") && q.path().equals("/api/v3/order"));
    }

    @Test
    void theRecordedOrderIsTheOneSentOnTheLotStepAndNeverAboveWhatWasDecided() {
        Order o = runWithDeposit("1000").orders().get(0);
        // 25% of 1000 at 2600 is 0.0961538.. ETH: recorded and sent as 0.0961
        assertThat(o.request().quantity()).isEqualByComparingTo("0.0961");
        assertThat(o.request().requestedNotional()).isEqualByComparingTo("249.86"); // 0.0961 x 2600 <= 250 decided
        assertThat(o.status()).isEqualTo(OrderStatus.ACK);
        assertThat(p.execution.order(o.request().orderId()).orElseThrow().request().quantity()).isEqualByComparingTo("0.0961");
        assertThat(posts()).hasSize(1);
        assertThat(posts().get(0).param("quantity")).isEqualTo("0.0961");
        assertThat(posts().get(0).param("type")).isEqualTo("MARKET");
        assertThat(posts().get(0).param("newClientOrderId")).isEqualTo(o.request().clientOrderId().value());
    }

    @Test
    void anOrderBelowMinNotionalAfterRoundingIsRecordedRejectedWithItsReasonAndNeverSent() {
        // 25% of 20.5 = 5.125 USDT at 2600 = 0.00197.. ETH -> 0.0019 ETH = 4.94 USDT < minNotional 5
        Order o = runWithDeposit("20.5").orders().get(0);
        assertThat(o.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(p.execution.order(o.request().orderId()).orElseThrow().status()).isEqualTo(OrderStatus.REJECTED);
        List<RiskEvent> events = p.decisions.riskEvents(ACCOUNT, RunMode.LIVE, HOUR, HOUR.plusHours(1));
        assertThat(events).filteredOn(e -> e.type() == RiskEventType.ORDER_REJECTED).singleElement().satisfies(e -> {
            assertThat(e.order()).isEqualTo(o.request().orderId());
            assertThat(e.detail()).contains("MIN_NOTIONAL").contains("notional 4.94 of ETH/USDT is below minNotional 5")
                    .contains("was not sent");
        });
        assertThat(posts()).isEmpty();
    }
}
