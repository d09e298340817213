package io.tradingcore.adapter.postgres;

import static io.tradingcore.adapter.postgres.PgTestSupport.ACCOUNT;
import static io.tradingcore.adapter.postgres.PgTestSupport.BTC;
import static io.tradingcore.adapter.postgres.PgTestSupport.ETH;
import static io.tradingcore.adapter.postgres.PgTestSupport.HUGE;
import static io.tradingcore.adapter.postgres.PgTestSupport.hour;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradingcore.domain.AccountId;
import io.tradingcore.domain.Asset;
import io.tradingcore.domain.BacktestRunId;
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
import io.tradingcore.domain.run.RunKey;
import io.tradingcore.domain.signal.SignalDecision;
import io.tradingcore.domain.signal.TradeSignal;
import io.tradingcore.ports.out.BacktestRunRepository;
import io.tradingcore.ports.out.BacktestRunRepository.BacktestRunDefinition;
import io.tradingcore.ports.out.ConflictingWriteException;
import io.tradingcore.ports.out.FillBooking;
import io.tradingcore.ports.out.HourlyState;
import io.tradingcore.ports.out.ReportingRepository;
import io.tradingcore.ports.testing.OrderRequestBuilder;
import java.math.BigDecimal;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ReferenceBacktestRunAndReportingIT {
    private static PgTestSupport pg;

    @BeforeAll
    static void open() {
        pg = PgTestSupport.open("pg_reference");
    }

    @AfterAll
    static void close() {
        pg.close();
    }

    @Test
    void referenceRowsAreInsertedOnceAndAChangedOneIsRefused() {
        Asset sol = Asset.of(3, "SOL/USDT");
        pg.adapter.referenceData().ensureAsset(sol);
        pg.adapter.referenceData().ensureAsset(sol);
        assertThat(pg.adapter.referenceData().assets()).containsExactly(BTC, ETH, sol);
        assertThat(pg.adapter.referenceData().assetBySymbol("SOL/USDT")).contains(sol);
        assertThatThrownBy(() -> pg.adapter.referenceData().ensureAsset(Asset.of(4, "SOL/USDT")))
                .isInstanceOf(ConflictingWriteException.class);
        assertThatThrownBy(() -> pg.adapter.referenceData().ensureAccount(ACCOUNT, "another name", "USDT"))
                .isInstanceOf(ConflictingWriteException.class).hasMessageContaining("account_name");
    }

    @Test
    void backtestDefinitionsRoundTripAndTakeTheirOwnAccount() {
        BacktestRunRepository runs = pg.adapter.backtestRuns();
        BacktestRunId id = new BacktestRunId(DeterministicIds.uuid("bt", "1"));
        AccountId free = pg.adapter.referenceData().registerAccount(BacktestRunRepository.accountName(id), "USDT");
        assertThat(free.value()).isGreaterThan(ACCOUNT.value());
        BacktestRunDefinition d = new BacktestRunDefinition(id, free,
                List.of("BTC/USDT", "ETH/USDT"), hour("2024-01-01T00:00:00Z"), hour("2024-02-01T00:00:00Z"), 42, HUGE,
                // JSONB keeps the content, not the text: this is already its normal form (keys by length, then bytes)
                "{\"venue\": \"binance\", \"fee_bps\": 10}", "d".repeat(64), "e".repeat(40), "RUNNING");
        runs.create(d);
        runs.create(d);
        assertThat(runs.find(d.id())).contains(d);
        assertThat(pg.adapter.referenceData().registerAccount(BacktestRunRepository.accountName(id), "USDT")).isEqualTo(free);
        assertThat(pg.adapter.referenceData().registerAccount("bt-another", "USDT")).isNotEqualTo(free);
        assertThat(pg.count("SELECT count(*) FROM account WHERE account_id = " + free.value() + " AND cash_currency = 'USDT'"))
                .isEqualTo(1);
        BacktestRunDefinition other = new BacktestRunDefinition(d.id(), free, d.assetSymbols(), d.testFrom(), d.testTo(), 43,
                d.initialCapital(), d.configCanonicalJson(), d.configHash(), d.codeVersionSha(), "RUNNING");
        assertThatThrownBy(() -> runs.create(other)).isInstanceOf(ConflictingWriteException.class);
        runs.updateStatus(d.id(), "COMPLETED");
        assertThat(runs.find(d.id()).orElseThrow().status()).isEqualTo("COMPLETED");
        assertThat(runs.all()).extracting(BacktestRunDefinition::id).contains(d.id());
        assertThatThrownBy(() -> runs.updateStatus(new BacktestRunId(DeterministicIds.uuid("bt", "none")), "FAILED"))
                .isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void reportsReadTheEquityCurveAndTheExecutedTradesOfAnAccount() {
        HourTs h = hour("2024-09-01T00:00:00Z");
        RunKey key = pg.startedRun(RunMode.PAPER, h).key();
        pg.adapter.execution().appendCash(key, ((LedgerResult.Posted) CashLedger.empty(ACCOUNT)
                .transfer(CashEntryType.DEPOSIT, new BigDecimal("1000"), h.toInstant(), "initial")).entries());
        TradeSignal sig = TradeSignal.of(key, BTC.id(), new SignalDecision(SignalAction.ENTER, new BigDecimal("100"), Horizon.H1,
                0.6, 0.01, "trend", Decimals.ZERO, "enter"));
        pg.adapter.decisionRecords().recordSignals(key, List.of(sig));
        OrderRequest q = OrderRequestBuilder.order(key.runId(), sig.signalId(), BTC, h).clientOrderId(new ClientOrderId("rep-1"))
                .account(ACCOUNT).build();
        Order placed = Order.placed(q);
        pg.adapter.execution().recordOrders(key, List.of(placed));
        pg.adapter.execution().updateOrderStatus(q.orderId(), OrderStatus.NEW, OrderStatus.ACK);
        Fill f = new Fill(q.orderId(), new ExchangeTradeId("r1"), BTC.id(), OrderSide.BUY, BigDecimal.ONE, new BigDecimal("99"),
                new BigDecimal("0.1"), h.toInstant().plusSeconds(2), "TAKER");
        Order after = ((FillOutcome.Applied) placed.on(new OrderEvent.Acknowledged()).applyFill(f)).order();
        pg.adapter.execution().recordFill(key, new FillBooking(f, after,
                ((LedgerResult.Posted) new CashLedger(ACCOUNT, new BigDecimal("1000")).bookFill(f)).entries(), Decimals.ZERO));
        PortfolioState p = new PortfolioState(h, Decimals.of("900.9"), Decimals.of("99"), Decimals.of("999.9"),
                Decimals.of("1000"), Decimals.of("0.0001"));
        pg.adapter.accountState().recordHourlyState(key, new HourlyState(h, List.of(), p,
                new RiskHourlyState(h, DrawdownTier.NORMAL, p.drawdown(), p.equity(), p.peakEquity(), false, TradingState.ACTIVE)));

        ReportingRepository reports = pg.adapter.reporting();
        assertThat(reports.equityCurve(ACCOUNT, RunMode.PAPER, h, h.plusHours(1))).containsExactly(
                new ReportingRepository.EquityRow(h, p.cash(), p.marketValue(), p.equity(), p.drawdown(), DrawdownTier.NORMAL));
        assertThat(reports.equityCurve(ACCOUNT, RunMode.PAPER, h.plusHours(1), h.plusHours(2))).isEmpty();
        assertThat(reports.trades(ACCOUNT, RunMode.PAPER, h, h.plusHours(1))).containsExactly(new ReportingRepository.TradeRow(
                f.tradeTs(), h, BTC.id(), OrderSide.BUY, Decimals.of("1"), Decimals.of("99"), Decimals.of("0.1"), Decimals.ZERO));
        assertThat(reports.trades(ACCOUNT, RunMode.BACKTEST, h, h.plusHours(1))).isEmpty();
    }
}
