package io.tradingcore.adapter.postgres;

import static io.tradingcore.adapter.postgres.PgTestSupport.BTC;
import static io.tradingcore.adapter.postgres.PgTestSupport.ETH;
import static io.tradingcore.adapter.postgres.PgTestSupport.SHA40;
import static io.tradingcore.adapter.postgres.PgTestSupport.SHA64;
import static io.tradingcore.adapter.postgres.PgTestSupport.hour;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tradingcore.domain.AccountId;
import io.tradingcore.domain.BacktestRunId;
import io.tradingcore.domain.Candle;
import io.tradingcore.domain.ClientOrderId;
import io.tradingcore.domain.Decimals;
import io.tradingcore.domain.DeterministicIds;
import io.tradingcore.domain.DrawdownTier;
import io.tradingcore.domain.ExchangeTradeId;
import io.tradingcore.domain.Horizon;
import io.tradingcore.domain.HourTs;
import io.tradingcore.domain.OrderRequest;
import io.tradingcore.domain.OrderSide;
import io.tradingcore.domain.OrderStatus;
import io.tradingcore.domain.RunMode;
import io.tradingcore.domain.SignalAction;
import io.tradingcore.domain.ledger.CashEntryType;
import io.tradingcore.domain.ledger.CashLedger;
import io.tradingcore.domain.ledger.LedgerResult;
import io.tradingcore.domain.order.Fill;
import io.tradingcore.domain.order.FillOutcome;
import io.tradingcore.domain.order.Order;
import io.tradingcore.domain.order.OrderEvent;
import io.tradingcore.domain.portfolio.PortfolioState;
import io.tradingcore.domain.risk.RiskHourlyState;
import io.tradingcore.domain.risk.TradingState;
import io.tradingcore.domain.run.RunContext;
import io.tradingcore.domain.run.RunKey;
import io.tradingcore.domain.run.RunStatus;
import io.tradingcore.domain.signal.SignalDecision;
import io.tradingcore.domain.signal.TradeSignal;
import io.tradingcore.ports.out.BacktestQueryRepository;
import io.tradingcore.ports.out.BacktestQueryRepository.ExportKind;
import io.tradingcore.ports.out.BacktestQueryRepository.RunSummary;
import io.tradingcore.ports.out.BacktestRunRepository.BacktestRunDefinition;
import io.tradingcore.ports.out.FillBooking;
import io.tradingcore.ports.out.HourlyState;
import io.tradingcore.ports.out.MarketDataCoverageRepository;
import io.tradingcore.ports.out.MarketDataCoverageRepository.Coverage;
import io.tradingcore.ports.out.MarketDataCoverageRepository.Gap;
import io.tradingcore.ports.testing.OrderRequestBuilder;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** `runs` and `list-data` queries on a real PostgreSQL: headline figures, exports, FAILED with its reason, coverage and gaps. */
class BacktestQueriesAndCoverageIT {
    private static PgTestSupport pg;

    @BeforeAll
    static void open() {
        pg = PgTestSupport.open("pg_queries");
    }

    @AfterAll
    static void close() {
        pg.close();
    }

    private static BacktestRunDefinition define(String name) {
        BacktestRunId id = new BacktestRunId(DeterministicIds.uuid("bt-queries", name));
        AccountId account = pg.adapter.referenceData().registerAccount(
                io.tradingcore.ports.out.BacktestRunRepository.accountName(id), "USDT");
        BacktestRunDefinition d = new BacktestRunDefinition(id, account,
                List.of("BTC/USDT"), hour("2024-03-01T00:00:00Z"), hour("2024-03-01T10:00:00Z"), 7, new BigDecimal("1000"),
                "{\"name\": \"" + name + "\"}", "c".repeat(64), SHA40, "RUNNING");
        pg.adapter.backtestRuns().create(d);
        return d;
    }

    private static RunKey startHour(BacktestRunDefinition d, HourTs h) {
        RunContext c = new RunContext(DeterministicIds.runId(d.account(), RunMode.BACKTEST, h), d.account(), RunMode.BACKTEST, h, 0,
                SHA40, SHA64, SHA64, 7, d.id(), RunStatus.STARTED, h.toInstant(), null);
        return pg.adapter.runContexts().start(c).context().key();
    }

    private static void state(RunKey key, HourTs h, String cash, String positions, String equity, String peak) {
        BigDecimal eq = new BigDecimal(equity);
        BigDecimal pk = new BigDecimal(peak);
        PortfolioState p = new PortfolioState(h, Decimals.of(cash), Decimals.of(positions), Decimals.of(equity), Decimals.of(peak),
                Decimals.value(pk.subtract(eq).divide(pk, 18, java.math.RoundingMode.HALF_EVEN)));
        pg.adapter.accountState().recordHourlyState(key, new HourlyState(h, List.of(), p,
                new RiskHourlyState(h, DrawdownTier.NORMAL, p.drawdown(), p.equity(), p.peakEquity(), false, TradingState.ACTIVE)));
    }

    @Test
    void summariesCarryTheHeadlineFiguresOfTheStoredHoursAndExportsHaveStableColumns() {
        BacktestRunDefinition d = define("figures");
        BacktestRunDefinition empty = define("empty");
        HourTs h0 = d.testFrom();
        RunKey k0 = startHour(d, h0);
        pg.adapter.execution().appendCash(k0, ((LedgerResult.Posted) CashLedger.empty(d.account())
                .transfer(CashEntryType.DEPOSIT, new BigDecimal("1000"), h0.toInstant(), "initial")).entries());
        TradeSignal sig = TradeSignal.of(k0, BTC.id(), new SignalDecision(SignalAction.ENTER, new BigDecimal("100"), Horizon.H24,
                0.6, 0.01, "trend", Decimals.ZERO, "enter"));
        pg.adapter.decisionRecords().recordSignals(k0, List.of(sig));
        OrderRequest q = OrderRequestBuilder.order(k0.runId(), sig.signalId(), BTC, h0).clientOrderId(new ClientOrderId("q-1"))
                .account(d.account()).build();
        Order placed = Order.placed(q);
        pg.adapter.execution().recordOrders(k0, List.of(placed));
        pg.adapter.execution().updateOrderStatus(q.orderId(), OrderStatus.NEW, OrderStatus.ACK);
        Fill f = new Fill(q.orderId(), new ExchangeTradeId("t-1"), BTC.id(), OrderSide.BUY, BigDecimal.ONE, new BigDecimal("99"),
                new BigDecimal("0.1"), h0.toInstant().plusMillis(2500), "TAKER");
        Order after = ((FillOutcome.Applied) placed.on(new OrderEvent.Acknowledged()).applyFill(f)).order();
        pg.adapter.execution().recordFill(k0, new FillBooking(f, after,
                ((LedgerResult.Posted) new CashLedger(d.account(), new BigDecimal("1000")).bookFill(f)).entries(), Decimals.ZERO));
        state(k0, h0, "900.9", "109.1", "1010", "1010");
        state(startHour(d, h0.plusHours(1)), h0.plusHours(1), "900.9", "89.1", "990", "1010");
        state(startHour(d, h0.plusHours(2)), h0.plusHours(2), "900.9", "129.1", "1030", "1030");

        BacktestQueryRepository q2 = pg.adapter.backtestQueries();
        RunSummary s = q2.summary(d.id()).orElseThrow();
        assertThat(s.assets()).containsExactly("BTC/USDT");
        assertThat(s.testFrom()).isEqualTo(d.testFrom());
        assertThat(s.windowHours()).isEqualTo(10);
        assertThat(s.status()).isEqualTo("RUNNING");
        assertThat(s.failureReason()).isNull();
        assertThat(s.hoursDone()).isEqualTo(3);
        assertThat(s.finalEquity()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("1030"));
        assertThat(s.totalReturn().getAsDouble()).isCloseTo(0.03, within(1e-12));
        assertThat(s.maxDrawdown()).isEqualByComparingTo(new BigDecimal("20").divide(new BigDecimal("1010"), 18, java.math.RoundingMode.HALF_EVEN));
        double[] r = {0.01, 990.0 / 1010 - 1, 1030.0 / 990 - 1};
        double mean = (r[0] + r[1] + r[2]) / 3;
        double sd = Math.sqrt(((r[0] - mean) * (r[0] - mean) + (r[1] - mean) * (r[1] - mean) + (r[2] - mean) * (r[2] - mean)) / 2);
        assertThat(s.sharpe().getAsDouble()).isCloseTo(mean / sd * Math.sqrt(8760), within(1e-9));
        assertThat(s.trades()).isEqualTo(1);
        assertThat(s.configHash()).isEqualTo("c".repeat(64));

        RunSummary e = q2.summary(empty.id()).orElseThrow();
        assertThat(e.hoursDone()).isZero();
        assertThat(e.finalEquity()).isEmpty();
        assertThat(e.sharpe()).isEmpty();
        assertThat(e.trades()).isZero();
        assertThat(q2.list()).extracting(RunSummary::id).contains(d.id(), empty.id());
        assertThat(q2.summary(new BacktestRunId(UUID.fromString("00000000-0000-5000-8000-0000000000ff")))).isEmpty();

        BacktestQueryRepository.Table trades = q2.export(d.id(), ExportKind.TRADES);
        assertThat(trades.columns()).extracting(BacktestQueryRepository.Column::name).containsExactly("executed_at_utc", "hour_ts_utc",
                "asset", "side", "quantity", "price", "gross_notional", "fee_quote", "realized_pnl", "trade_id", "order_id", "fill_id");
        assertThat(trades.rows()).hasSize(1);
        List<String> t = trades.rows().get(0);
        assertThat(t.subList(0, 6)).containsExactly("2024-03-01T00:00:02.500Z", "2024-03-01T00:00:00Z", "BTC/USDT", "BUY",
                "1.000000000000000000", "99.000000000000000000");
        assertThat(trades.columns().get(4).numeric()).isTrue();
        assertThat(trades.columns().get(2).numeric()).isFalse();
        assertThat(q2.export(d.id(), ExportKind.ORDERS).rows()).hasSize(1).allSatisfy(o -> assertThat(o.get(4)).isEqualTo("FILLED"));
        assertThat(q2.export(d.id(), ExportKind.FILLS).rows()).hasSize(1).allSatisfy(o -> assertThat(o.get(3)).isEqualTo("BUY"));
        List<List<String>> signals = q2.export(d.id(), ExportKind.SIGNALS).rows();
        assertThat(signals).hasSize(1);
        assertThat(signals.get(0).subList(0, 4)).containsExactly("2024-03-01T00:00:00Z", "BTC/USDT", "ENTER", "H24");
        List<List<String>> ledger = q2.export(d.id(), ExportKind.LEDGER).rows();
        assertThat(ledger).extracting(x -> x.get(3)).startsWith("DEPOSIT");
        assertThat(ledger.size()).isGreaterThanOrEqualTo(2);
        assertThat(q2.export(empty.id(), ExportKind.TRADES).rows()).isEmpty();
        assertThatThrownBy(() -> q2.export(new BacktestRunId(UUID.fromString("00000000-0000-5000-8000-0000000000ff")), ExportKind.TRADES))
                .isInstanceOf(NoSuchElementException.class).hasMessageContaining("no backtest with id");
    }

    @Test
    void aFailedBacktestKeepsItsReasonUntilItIsResumedAndTheSchemaRefusesFailedWithoutOne() {
        BacktestRunDefinition d = define("fails");
        pg.adapter.backtestRuns().markFailed(d.id(), "no candles for ETH/USDT in 2024-03");
        RunSummary failed = pg.adapter.backtestQueries().summary(d.id()).orElseThrow();
        assertThat(failed.status()).isEqualTo("FAILED");
        assertThat(failed.failureReason()).isEqualTo("no candles for ETH/USDT in 2024-03");
        assertThat(failed.completedAt()).isNull();

        pg.adapter.backtestRuns().updateStatus(d.id(), "RUNNING");
        RunSummary resumed = pg.adapter.backtestQueries().summary(d.id()).orElseThrow();
        assertThat(resumed.status()).isEqualTo("RUNNING");
        assertThat(resumed.failureReason()).isNull();

        assertThatThrownBy(() -> pg.execute("UPDATE backtest_run SET status = 'FAILED' WHERE backtest_run_id = '" + d.id().value() + "'"))
                .hasMessageContaining("ck_backtest_run_failure_reason");
        assertThatThrownBy(() -> pg.execute("UPDATE backtest_run SET failure_reason = 'x' WHERE backtest_run_id = '" + d.id().value() + "'"))
                .hasMessageContaining("ck_backtest_run_failure_reason");
        pg.adapter.backtestRuns().updateStatus(d.id(), "COMPLETED");
        assertThat(pg.adapter.backtestQueries().summary(d.id()).orElseThrow().completedAt()).isNotNull();
    }

    @Test
    void coverageCountsRowsGapsAndMissingHoursPerAssetAndVenue() {
        HourTs t0 = hour("2023-01-01T00:00:00Z");
        List<Candle> btc = new ArrayList<>();
        for (int h = 0; h < 10; h++) {
            if (h != 3 && h != 4 && h != 7) {
                btc.add(Candle.of(BTC.id(), t0.plusHours(h), "100", "101", "99", "100", "5"));
            }
        }
        List<Candle> eth = List.of(Candle.of(ETH.id(), t0, "10", "11", "9", "10", "1"), Candle.of(ETH.id(), t0.plusHours(1), "10", "11", "9", "10", "1"));
        pg.adapter.marketData().ingestCandles("COVTEST", UUID.randomUUID(), btc);
        pg.adapter.marketData().ingestCandles("COVTEST", UUID.randomUUID(), eth);

        MarketDataCoverageRepository cov = pg.adapter.marketDataCoverage();
        List<Coverage> rows = cov.coverage().stream().filter(c -> c.venue().equals("COVTEST")).toList();
        assertThat(rows).containsExactly(
                new Coverage(BTC.id(), "BTC/USDT", "COVTEST", t0, t0.plusHours(9), 7, 2, 3),
                new Coverage(ETH.id(), "ETH/USDT", "COVTEST", t0, t0.plusHours(1), 2, 0, 0));
        assertThat(cov.lastHour(BTC.id(), "COVTEST")).contains(t0.plusHours(9));
        assertThat(cov.lastHour(BTC.id(), "NOWHERE")).isEmpty();
        assertThat(cov.gaps(BTC.id(), "COVTEST", t0, t0.plusHours(10)))
                .containsExactly(new Gap(t0.plusHours(3), t0.plusHours(4)), new Gap(t0.plusHours(7), t0.plusHours(7)));
        assertThat(cov.gaps(BTC.id(), "COVTEST", t0.plusHours(4), t0.plusHours(7)))
                .containsExactly(new Gap(t0.plusHours(4), t0.plusHours(4)));
        assertThat(cov.gaps(BTC.id(), "COVTEST", t0.plusHours(4), t0.plusHours(7)).get(0).missingHours()).isEqualTo(1);
    }
}
