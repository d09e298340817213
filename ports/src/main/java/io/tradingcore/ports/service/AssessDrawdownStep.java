package io.tradingcore.ports.service;

import io.tradingcore.domain.risk.RuleId;
import io.tradingcore.domain.order.Order;
import io.tradingcore.domain.risk.RiskEventType;
import io.tradingcore.ports.out.ExchangeGateway;
import io.tradingcore.ports.out.ExchangeOrderState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Step 2, assess drawdown: marks every asset at its last close, values the account (cash plus positions at the
 * marks) and lets the drawdown monitor move the tier; a halted account cancels every order still open.
 */
final class AssessDrawdownStep implements CycleStage {
    private final ExchangeGateway exchange;
    private final VenueOrderSync sync;

    AssessDrawdownStep(ExchangeGateway exchange, VenueOrderSync sync) {
        this.exchange = exchange;
        this.sync = sync;
    }

    @Override
    public void run(CycleState s) {
        for (AssetInputs in : s.inputs) {
            in.mark().ifPresent(m -> s.marks.put(in.asset().id(), m));
        }
        s.equity = s.book.ledger().balance().add(s.book.portfolio().marketValue(s.marks));
        s.assessment = s.monitor.assess(s.key.account(), s.key.hour(), s.previousRisk, s.equity, s.cmd.operatorReset());
        if (s.halted()) {
            cancelOpenOrders(s);
        }
    }

    private void cancelOpenOrders(CycleState s) {
        List<Order> still = new ArrayList<>();
        for (Order o : s.orders) {
            if (o.status().isOpen()) {
                ExchangeOrderState venue = exchange.cancel(o.request().clientOrderId());
                s.book.event(RiskEventType.ORDER_CANCELLED, s.tier(), o.request().asset(), o.request().orderId(),
                        RuleId.DRAWDOWN_HALT, "order " + o.request().clientOrderId() + " cancelled by halt, venue status " + venue.status());
                still.add(sync.sync(s, o, Optional.of(venue)));
            } else {
                still.add(o);
            }
        }
        s.replaceOrders(still);
    }
}
