package io.tradingcore.ports.service;

import io.tradingcore.domain.Asset;
import io.tradingcore.domain.ClientOrderId;
import io.tradingcore.domain.Decimals;
import io.tradingcore.domain.DeterministicIds;
import io.tradingcore.domain.OrderRequest;
import io.tradingcore.domain.OrderSide;
import io.tradingcore.domain.OrderType;
import io.tradingcore.domain.SignalAction;
import io.tradingcore.domain.hash.CycleStep;
import io.tradingcore.domain.order.Order;
import io.tradingcore.domain.portfolio.Position;
import io.tradingcore.domain.risk.OrderIntent;
import io.tradingcore.domain.risk.OrderSizing;
import io.tradingcore.domain.risk.RiskCheck;
import io.tradingcore.domain.risk.RiskContext;
import io.tradingcore.domain.risk.RiskDecision;
import io.tradingcore.domain.risk.RiskEvent;
import io.tradingcore.domain.risk.RiskEventType;
import io.tradingcore.domain.risk.RiskHourlyState;
import io.tradingcore.domain.risk.RuleId;
import io.tradingcore.domain.signal.TradeSignal;
import io.tradingcore.ports.out.DecisionRecordRepository;
import io.tradingcore.ports.out.ExchangeGateway;
import io.tradingcore.ports.out.ExecutionRepository;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Step 4, size and check: turns signals into orders. Exits first (they never need cash), then entries in asset
 * order, each sized by {@link OrderSizing} and reserving its cash and fee; every intent passes the {@link RiskCheck}
 * (RISK, a denial is a risk event), and the orders are recorded before anything is submitted (ORDERS), rounded to
 * the venue's lot rules so the stored order is the one the venue receives.
 */
final class SizeAndCheckStep implements CycleStage {
    private final ExchangeGateway exchange;
    private final ExecutionRepository execution;
    private final DecisionRecordRepository decisions;
    private final SellableHoldings holdings;

    SizeAndCheckStep(ExchangeGateway exchange, ExecutionRepository execution, DecisionRecordRepository decisions,
                     SellableHoldings holdings) {
        this.exchange = exchange;
        this.execution = execution;
        this.decisions = decisions;
        this.holdings = holdings;
    }

    @Override
    public void run(CycleState s) {
        RiskCheck check = RiskCheck.standard();
        RiskHourlyState rs = s.assessment.state();
        BigDecimal feeRate = s.signalConfig.feeRate();
        BigDecimal cashAvailable = s.book.ledger().balance();
        List<RiskDecision> verdicts = new ArrayList<>();
        List<Order> placed = new ArrayList<>();
        for (OrderSide side : List.of(OrderSide.SELL, OrderSide.BUY)) {
            for (TradeSignal signal : s.signals) {
                Optional<OrderIntent> intent = intentFor(s, signal, side, cashAvailable);
                if (intent.isEmpty()) {
                    continue;
                }
                RiskContext ctx = new RiskContext(rs.tier(), s.config.drawdown().action(rs.tier()), rs.halted(), cashAvailable, feeRate);
                RiskDecision v = check.check(intent.get(), ctx);
                verdicts.add(v);
                Asset asset = s.assetOf(signal.asset());
                if (v instanceof RiskDecision.Denied d) {
                    s.book.event(d.type(), rs.tier(), asset, null, d.rule(), d.reason());
                    continue;
                }
                Optional<OrderRequest> req = request(s, signal, asset, ((RiskDecision.Approved) v).intent(), cashAvailable);
                if (req.isPresent()) {
                    BigDecimal n = req.get().requestedNotional();
                    BigDecimal fee = side == OrderSide.BUY ? OrderSizing.feeEstimate(n, feeRate) : Decimals.ZERO;
                    placed.add(Order.placed(req.get(), fee, s.book.portfolio().position(signal.asset()).quantity()));
                    if (side == OrderSide.BUY) {
                        cashAvailable = OrderSizing.cashAfterBuy(cashAvailable, n, fee);
                    }
                }
            }
        }
        List<RiskEvent> events = s.events();
        if (oodHoldsUnfiled(s, rs, verdicts, events)) {
            s.book.events().removeIf(SizeAndCheckStep::isOodHold);
            events = s.events();
        }
        decisions.recordRiskEvents(s.key, events);
        s.hash(CycleStep.RISK, List.of(rs, verdicts, events));
        execution.recordOrders(s.key, placed);
        s.orders.addAll(placed);
        s.hash(CycleStep.ORDERS, placed);
    }

    /**
     * Whether this hour's out-of-distribution HOLD events are not filed (see {@link OodHoldEvents}): never when there
     * are none; always under {@link OodHoldEvents#NOT_FILED}; in a replay when the stored RISK hash differs from
     * the RISK step's with them and equals its hash without them (an hour stored before they were filed).
     */
    private static boolean oodHoldsUnfiled(CycleState s, RiskHourlyState rs, List<RiskDecision> verdicts, List<RiskEvent> events) {
        if (events.stream().noneMatch(SizeAndCheckStep::isOodHold)) {
            return false;
        }
        if (s.oodHolds == OodHoldEvents.NOT_FILED) {
            return true;
        }
        String stored = s.storedRisk.orElse(null);
        return stored != null && !stored.equals(CycleState.hashOf(List.of(rs, verdicts, events)))
                && stored.equals(CycleState.hashOf(List.of(rs, verdicts, events.stream().filter(e -> !isOodHold(e)).toList())));
    }

    private static boolean isOodHold(RiskEvent e) {
        return e.type() == RiskEventType.ENTRY_BLOCKED && RuleId.OUT_OF_DISTRIBUTION.id().equals(e.rule());
    }

    private Optional<OrderIntent> intentFor(CycleState s, TradeSignal signal, OrderSide side, BigDecimal cashAvailable) {
        BigDecimal mark = s.marks.get(signal.asset());
        if (mark == null) {
            return Optional.empty();
        }
        SignalAction a = signal.decision().action();
        Position pos = s.book.portfolio().position(signal.asset());
        if (side == OrderSide.SELL && a == SignalAction.EXIT && holdings.holdsSellable(s.assetOf(signal.asset()), pos, mark)) {
            return Optional.of(new OrderIntent(signal.asset(), OrderSide.SELL, pos.marketValue(mark), mark));
        }
        if (side == OrderSide.BUY && a == SignalAction.ENTER) {
            return OrderSizing.buyNotional(signal.decision().targetNotional(), cashAvailable, s.signalConfig.feeRate(),
                            s.signalConfig.priceBufferRate(), s.signalConfig.minOrderNotional())
                    .map(n -> new OrderIntent(signal.asset(), OrderSide.BUY, n, mark));
        }
        return Optional.empty();
    }

    private Optional<OrderRequest> request(CycleState s, TradeSignal signal, Asset asset, OrderIntent ok, BigDecimal cashAvailable) {
        BigDecimal qty = ok.side() == OrderSide.SELL ? s.book.portfolio().position(signal.asset()).quantity()
                : OrderSizing.quantity(ok.notional(), ok.referencePrice());
        if (qty.signum() <= 0) {
            return Optional.empty();
        }
        BigDecimal notional = Decimals.multiply(qty, ok.referencePrice());
        if (notional.signum() <= 0) {
            return Optional.empty();
        }
        var runId = s.key.runId();
        var orderId = DeterministicIds.orderId(runId, signal.signalId());
        // rounded to the venue's lot rules before it is recorded, so the stored order is the one the venue receives
        return Optional.of(exchange.conform(new OrderRequest(orderId, ClientOrderId.forSignal(runId, signal.signalId()), runId,
                signal.signalId(), s.key.account(), asset, ok.side(), OrderType.MARKET, qty, null, notional,
                Decimals.value(cashAvailable), s.key.hour())));
    }
}
