package io.tradingcore.ports.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradingcore.domain.AccountId;
import io.tradingcore.domain.Asset;
import io.tradingcore.domain.BookSnapshot;
import io.tradingcore.domain.Candle;
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
import io.tradingcore.domain.hash.Canonical;
import io.tradingcore.domain.hash.CycleStep;
import io.tradingcore.domain.hash.StepHashes;
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
import io.tradingcore.domain.run.RunStart;
import io.tradingcore.domain.run.RunStatus;
import io.tradingcore.domain.signal.SignalDecision;
import io.tradingcore.domain.signal.TradeSignal;
import io.tradingcore.ports.out.AccountStateRepository;
import io.tradingcore.ports.out.ConflictingWriteException;
import io.tradingcore.ports.out.DecisionRecordRepository;
import io.tradingcore.ports.out.ExecutionRepository;
import io.tradingcore.ports.out.FillBooking;
import io.tradingcore.ports.out.FillRecording;
import io.tradingcore.ports.out.HourlyState;
import io.tradingcore.ports.out.IngestResult;
import io.tradingcore.ports.out.MarketDataRepository;
import io.tradingcore.ports.out.RunContextRepository;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The repository ports' contracts as tests, for every implementation: the in-memory one here, the
 * PostgreSQL one in adapter-postgres (subclass it in an {@code *IT} with a fresh database per test).
 * Subclasses supply the repositories and create reference rows (account, assets) if their store needs them.
 */
public abstract class RepositoryContract {
    protected static final AccountId ACCOUNT = AccountId.of(9);
    protected static final Asset BTC = Asset.of(1, "BTC/USDT");
    protected static final HourTs HOUR = HourTs.parse("2024-02-01T12:00:00Z");
    protected static final String VENUE = "binance";

    /** The repositories under test, all on the same (fresh, empty) store. */
    protected record Stores(RunContextRepository runs, MarketDataRepository marketData, DecisionRecordRepository decisions,
                            ExecutionRepository execution, AccountStateRepository states) {
    }

    protected abstract Stores freshStores();

    /** Creates account and asset reference rows if the store needs them (no-op in memory). */
    protected abstract void createReferenceData(Stores stores, AccountId account, List<Asset> assets);

    private Stores s;

    @BeforeEach
    void setUpStores() {
        s = freshStores();
        createReferenceData(s, ACCOUNT, List.of(BTC));
    }

    private static RunContext proposed(HourTs hour) {
        return new RunContext(DeterministicIds.runId(ACCOUNT, RunMode.PAPER, hour), ACCOUNT, RunMode.PAPER, hour, 1,
                "a".repeat(40), "b".repeat(64), "c".repeat(64), 7, null, RunStatus.STARTED, hour.toInstant().plusSeconds(1), null);
    }

    private RunKey started(HourTs hour) {
        return s.runs().start(proposed(hour)).context().key();
    }

    @Test
    void runStartIsIdempotentAndAFinishedHourIsNeverStartedAgain() {
        RunStart first = s.runs().start(proposed(HOUR));
        assertThat(first).isInstanceOf(RunStart.Started.class);
        StepHashes hashes = StepHashes.empty().with(CycleStep.DATA, Canonical.sha256("data"));
        s.runs().finish(first.context().runId(), RunStatus.COMPLETED, HOUR.toInstant().plusSeconds(9), hashes);
        RunStart again = s.runs().start(proposed(HOUR));
        assertThat(again).isInstanceOf(RunStart.AlreadyFinished.class);
        assertThat(again.context().status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(s.runs().stepHashes(first.context().runId())).contains(hashes);
        assertThat(s.runs().find(ACCOUNT, RunMode.PAPER, HOUR)).get().extracting(RunContext::status).isEqualTo(RunStatus.COMPLETED);
    }

    @Test
    void aFailedRunIsResumedNotDuplicated() {
        RunStart first = s.runs().start(proposed(HOUR));
        s.runs().finish(first.context().runId(), RunStatus.FAILED, HOUR.toInstant().plusSeconds(2), StepHashes.empty());
        RunStart again = s.runs().start(proposed(HOUR));
        assertThat(again).isInstanceOf(RunStart.Resumed.class);
        assertThat(again.context().runId()).isEqualTo(first.context().runId());
        assertThat(again.context().status()).isEqualTo(RunStatus.STARTED);
        assertThatThrownBy(() -> s.runs().finish(first.context().runId(), RunStatus.STARTED, HOUR.toInstant(), StepHashes.empty()))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void candleIngestCountsInsertsIdenticalDuplicatesAndConflictsAndNeverOverwrites() {
        Candle a = Candle.of(BTC.id(), HOUR.minusHours(2), "100", "110", "90", "105", "1");
        Candle b = Candle.of(BTC.id(), HOUR.minusHours(1), "105", "120", "100", "110", "2");
        UUID ingest = DeterministicIds.uuid("ingest-1");
        assertThat(s.marketData().ingestCandles(VENUE, ingest, List.of(a, b))).isEqualTo(new IngestResult(2, 0, 0, List.of()));
        Candle corrected = Candle.of(BTC.id(), HOUR.minusHours(1), "105", "121", "100", "110", "2");
        IngestResult again = s.marketData().ingestCandles(VENUE, DeterministicIds.uuid("ingest-2"), List.of(a, corrected));
        assertThat(again.inserted()).isZero();
        assertThat(again.identicalDuplicates()).isEqualTo(1);
        assertThat(again.conflicts()).isEqualTo(1);
        assertThat(s.marketData().closedCandlesAsOf(BTC.id(), VENUE, HOUR, 10)).containsExactly(a, b);
    }

    @Test
    void asOfReadsNeverSeeACandleClosingAfterTheHourOrALaterBook() {
        Candle closed = Candle.of(BTC.id(), HOUR.minusHours(1), "100", "110", "90", "105", "1");
        Candle open = Candle.of(BTC.id(), HOUR, "105", "130", "100", "125", "1");
        s.marketData().ingestCandles(VENUE, DeterministicIds.uuid("i"), List.of(open, closed));
        assertThat(s.marketData().closedCandlesAsOf(BTC.id(), VENUE, HOUR, 5)).containsExactly(closed);
        assertThat(s.marketData().closedCandlesAsOf(BTC.id(), VENUE, HOUR.plusHours(1), 5)).containsExactly(closed, open);
        assertThat(s.marketData().closedCandlesAsOf(BTC.id(), VENUE, HOUR.plusHours(1), 1)).containsExactly(open);
        BookSnapshot atHour = new BookSnapshot(BTC.id(), HOUR.toInstant(), Decimals.of("100"), Decimals.of("100.1"), Decimals.of("1"),
                Decimals.of("1"), VENUE);
        BookSnapshot later = new BookSnapshot(BTC.id(), HOUR.toInstant().plusMillis(1), Decimals.of("101"), Decimals.of("101.1"),
                Decimals.of("1"), Decimals.of("1"), VENUE);
        s.marketData().ingestBookSnapshots(DeterministicIds.uuid("b"), List.of(later, atHour));
        assertThat(s.marketData().latestBookAsOf(BTC.id(), VENUE, HOUR)).contains(atHour);
        assertThat(s.marketData().latestBookAsOf(BTC.id(), VENUE, HOUR.minusHours(1))).isEmpty();
    }

    @Test
    void decisionWritesAreIdempotentAndAChangedRowIsAConflict() {
        RunKey key = started(HOUR);
        TradeSignal sig = signal(key, "1000");
        s.decisions().recordSignals(key, List.of(sig));
        s.decisions().recordSignals(key, List.of(sig));
        assertThat(s.decisions().signals(key.runId())).containsExactly(sig);
        assertThatThrownBy(() -> s.decisions().recordSignals(key, List.of(signal(key, "999"))))
                .isInstanceOf(ConflictingWriteException.class);
        assertThat(s.decisions().signals(key.runId())).containsExactly(sig);
        assertThat(s.decisions().actionSignals(ACCOUNT, key.mode(), HOUR, HOUR.plusHours(1))).containsExactly(sig);
        assertThat(s.decisions().actionSignals(ACCOUNT, key.mode(), HOUR.plusHours(1), HOUR.plusHours(2))).isEmpty();
        RunKey next = started(HOUR.plusHours(1));
        TradeSignal hold = TradeSignal.of(next, BTC.id(), new SignalDecision(SignalAction.HOLD, BigDecimal.ZERO, Horizon.H4, 0.5, 0.0,
                "RANGE", new BigDecimal("0.003"), "no edge"));
        s.decisions().recordSignals(next, List.of(hold));
        assertThat(s.decisions().actionSignals(ACCOUNT, key.mode(), HOUR, HOUR.plusHours(2))).as("HOLD is left out").containsExactly(sig);
        assertThat(s.decisions().hourlySignals(ACCOUNT, key.mode(), HOUR, HOUR.plusHours(2))).as("every hour, HOLD too")
                .containsExactly(sig, hold);
        assertThat(s.decisions().hourlySignals(ACCOUNT, key.mode(), HOUR.plusHours(1), HOUR.plusHours(2))).containsExactly(hold);
    }

    @Test
    void aDuplicateFillIsReportedAsAValueAndTheLedgerChainHolds() {
        RunKey key = started(HOUR);
        CashLedger ledger = deposit(key, "1000");
        TradeSignal sig = signal(key, "500");
        s.decisions().recordSignals(key, List.of(sig));
        OrderRequest req = OrderRequestBuilder.order(key.runId(), sig.signalId(), BTC, HOUR).account(ACCOUNT)
                .quantity(Decimals.of("4")).notional(Decimals.of("400")).cash(Decimals.of("1000")).build();
        Order placed = Order.placed(req, Decimals.of("0.4"), Decimals.ZERO);
        s.execution().recordOrders(key, List.of(placed));
        s.execution().recordOrders(key, List.of(placed));
        assertThat(s.execution().updateOrderStatus(req.orderId(), OrderStatus.NEW, OrderStatus.ACK, null)).isTrue();
        assertThat(s.execution().updateOrderStatus(req.orderId(), OrderStatus.NEW, OrderStatus.ACK, null)).isFalse();
        Order acked = placed.on(new OrderEvent.Acknowledged());
        assertThat(s.execution().openOrders(ACCOUNT, RunMode.PAPER)).extracting(o -> o.request().orderId()).containsExactly(req.orderId());

        Fill f1 = new Fill(req.orderId(), new ExchangeTradeId("T1"), BTC.id(), OrderSide.BUY, Decimals.of("4"), Decimals.of("100"),
                Decimals.of("0.4"), HOUR.toInstant().plusSeconds(3), "TAKER");
        Order filled = ((FillOutcome.Applied) acked.applyFill(f1)).order();
        LedgerResult.Posted posted = (LedgerResult.Posted) ledger.bookFill(f1);
        FillBooking booking = new FillBooking(f1, filled, posted.entries(), Decimals.ZERO);
        assertThat(s.execution().recordFill(key, booking)).isEqualTo(FillRecording.RECORDED);
        assertThat(s.execution().recordFill(key, booking)).isEqualTo(FillRecording.DUPLICATE);
        assertThat(s.execution().cashBalance(ACCOUNT, RunMode.PAPER)).isEqualByComparingTo("599.6");
        assertThat(CashLedger.reconciles(s.execution().ledger(ACCOUNT, RunMode.PAPER), Decimals.of("599.6"))).isTrue();
        assertThat(s.execution().ledger(ACCOUNT, RunMode.PAPER)).extracting(e -> e.type())
                .containsExactly(CashEntryType.DEPOSIT, CashEntryType.BUY, CashEntryType.FEE);
        assertThat(s.execution().order(req.orderId())).get().extracting(Order::status).isEqualTo(OrderStatus.FILLED);
        assertThat(s.execution().orderByClientId(req.clientOrderId())).isPresent();
        assertThat(s.execution().openOrders(ACCOUNT, RunMode.PAPER)).isEmpty();
    }

    @Test
    void hourlyStateIsReplacedPerHourAndReadAsTheLatestBefore() {
        RunKey k1 = started(HOUR);
        RunKey k2 = started(HOUR.plusHours(1));
        s.states().recordHourlyState(k1, state(HOUR, "1000"));
        s.states().recordHourlyState(k1, state(HOUR, "1001"));
        s.states().recordHourlyState(k2, state(HOUR.plusHours(1), "990"));
        assertThat(s.states().latestBefore(ACCOUNT, RunMode.PAPER, HOUR.plusHours(1))).get()
                .extracting(h -> h.portfolio().cash()).isEqualTo(Decimals.of("1001"));
        assertThat(s.states().latestBefore(ACCOUNT, RunMode.PAPER, HOUR)).isEmpty();
        assertThat(s.states().at(ACCOUNT, RunMode.PAPER, HOUR.plusHours(1))).isPresent();
    }

    private CashLedger deposit(RunKey key, String amount) {
        LedgerResult.Posted d = (LedgerResult.Posted) CashLedger.empty(ACCOUNT).transfer(CashEntryType.DEPOSIT, new BigDecimal(amount),
                key.hour().toInstant(), "contract-deposit");
        s.execution().appendCash(key, d.entries());
        s.execution().appendCash(key, d.entries());
        return d.ledger();
    }

    private static TradeSignal signal(RunKey key, String target) {
        return TradeSignal.of(key, BTC.id(), new SignalDecision(SignalAction.ENTER, new BigDecimal(target), Horizon.H4, 0.6, 0.01,
                "RANGE", new BigDecimal("0.003"), "contract"));
    }

    private static HourlyState state(HourTs hour, String cash) {
        BigDecimal c = new BigDecimal(cash);
        PortfolioState p = PortfolioState.of(hour, c, Decimals.ZERO, new BigDecimal("1001"));
        RiskHourlyState r = new RiskHourlyState(hour, DrawdownTier.forDrawdown(p.drawdown()), p.drawdown(), p.equity(), p.peakEquity(),
                false, TradingState.ACTIVE);
        return new HourlyState(hour, List.of(), p, r);
    }
}
