package io.tradingcore.ports.service;

import io.tradingcore.domain.OrderStatus;
import io.tradingcore.domain.hash.CycleStep;
import io.tradingcore.domain.order.Order;
import java.util.ArrayList;
import java.util.List;

/**
 * Step 5, execute and book: submits this hour's NEW orders and books what the venue answers (fills through the
 * ledger and portfolio, terminal states); FILLS and LEDGER hash everything the cycle booked, the reconciled fills
 * of earlier hours' orders included.
 */
final class ExecuteAndBookStep implements CycleStage {
    private final VenueOrderSync sync;

    ExecuteAndBookStep(VenueOrderSync sync) {
        this.sync = sync;
    }

    @Override
    public void run(CycleState s) {
        List<Order> after = new ArrayList<>();
        for (Order o : s.orders) {
            boolean placedThisHour = o.request().hour().equals(s.key.hour()) && o.status() == OrderStatus.NEW;
            after.add(placedThisHour ? sync.submit(s, o) : o);
        }
        s.replaceOrders(after);
        s.hash(CycleStep.FILLS, s.book.fills());
        s.hash(CycleStep.LEDGER, s.book.cashEntries());
    }
}
