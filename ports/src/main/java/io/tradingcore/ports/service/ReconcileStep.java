package io.tradingcore.ports.service;

import io.tradingcore.domain.AssetId;
import io.tradingcore.domain.OrderStatus;
import io.tradingcore.domain.ledger.CashEntryType;
import io.tradingcore.domain.ledger.CashLedger;
import io.tradingcore.domain.ledger.LedgerResult;
import io.tradingcore.domain.order.Order;
import io.tradingcore.domain.portfolio.Portfolio;
import io.tradingcore.domain.portfolio.Position;
import io.tradingcore.domain.risk.RiskState;
import io.tradingcore.domain.run.RunKey;
import io.tradingcore.ports.out.AccountStateRepository;
import io.tradingcore.ports.out.ExchangeGateway;
import io.tradingcore.ports.out.ExchangeOrderState;
import io.tradingcore.ports.out.ExecutionRepository;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Step 1, reconcile: opens the books as at the end of the previous hour (so a resumed cycle starts from exactly where
 * the first attempt started), then books the new fills of orders earlier hours left open and takes over their
 * terminal venue states. An order that never reached the venue (lost answer) is submitted again.
 */
final class ReconcileStep implements CycleStage {
    private final ExecutionRepository execution;
    private final AccountStateRepository states;
    private final ExchangeGateway exchange;
    private final VenueOrderSync sync;

    ReconcileStep(ExecutionRepository execution, AccountStateRepository states, ExchangeGateway exchange, VenueOrderSync sync) {
        this.execution = execution;
        this.states = states;
        this.exchange = exchange;
        this.sync = sync;
    }

    @Override
    public void run(CycleState s) {
        RunKey key = s.key;
        s.previous = states.latestBefore(key.account(), key.mode(), key.hour());
        s.previousRisk = s.previous.map(p -> p.risk().riskState()).orElse(RiskState.initial());
        s.book = openBook(s);
        for (Order open : execution.openOrders(key.account(), key.mode())) {
            if (open.request().hour().equals(key.hour())) {
                continue;
            }
            Optional<ExchangeOrderState> venue = exchange.query(open.request().clientOrderId());
            Order after = venue.isEmpty() && open.status() == OrderStatus.NEW
                    // never reached the venue (lost answer): same client order id, so a resubmit cannot duplicate
                    ? sync.submit(s, open)
                    : sync.sync(s, open, venue);
            s.orders.add(after);
        }
    }

    /**
     * Cash and positions of the previous hour's state; the very first cycle takes the initial deposit, or the
     * ledger's balance when there is none (LIVE).
     */
    private CycleBook openBook(CycleState s) {
        RunKey key = s.key;
        TreeMap<AssetId, Position> positions = new TreeMap<>();
        s.previous.ifPresent(p -> p.positions().forEach(x -> positions.put(x.asset(), x.position())));
        if (s.previous.isPresent()) {
            return new CycleBook(key, execution, new CashLedger(key.account(), s.previous.get().portfolio().cash()), new Portfolio(positions));
        }
        if (s.cmd.initialDeposit().signum() == 0) {
            CashLedger ledger = new CashLedger(key.account(), execution.cashBalance(key.account(), key.mode()));
            return new CycleBook(key, execution, ledger, new Portfolio(positions));
        }
        CashLedger empty = CashLedger.empty(key.account());
        CycleBook book = new CycleBook(key, execution, empty, new Portfolio(positions));
        LedgerResult.Posted posted = (LedgerResult.Posted) empty.transfer(CashEntryType.DEPOSIT, s.cmd.initialDeposit(),
                key.hour().toInstant(), "initial-deposit");
        execution.appendCash(key, posted.entries());
        book.deposited(posted.entries(), posted.ledger());
        return book;
    }
}
