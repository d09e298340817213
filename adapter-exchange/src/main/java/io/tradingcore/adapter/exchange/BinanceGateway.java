package io.tradingcore.adapter.exchange;

import io.tradingcore.adapter.exchange.binance.BinanceExchange;
import io.tradingcore.adapter.exchange.model.Reconciliation;
import io.tradingcore.adapter.exchange.model.TimeInForce;
import io.tradingcore.domain.ClientOrderId;
import io.tradingcore.domain.OrderStatus;
import io.tradingcore.ports.out.ExchangeGateway;

import java.util.stream.Collectors;

/**
 * Binance spot behind the {@link ExchangeGateway} port (LIVE), plus start-up reconciliation. Submission never places
 * an order twice (see docs/exchange.md); reads that cannot reach the venue within their budgets throw
 * {@link io.tradingcore.adapter.exchange.model.VenueUnavailableException}.
 */
public final class BinanceGateway extends VenueExchangeGateway {
    private final BinanceExchange binance;

    BinanceGateway(BinanceExchange binance) {
        super(binance, TimeInForce.GTC);
        this.binance = binance;
    }

    /**
     * Compares the venue's open orders and its fills since {@code request.since()} with ours. Missing fills are
     * reported once each (de-duplicated by client order id and trade id); foreign orders once per venue order.
     */
    public StartupReconciliation.Report reconcile(StartupReconciliation.Request request) {
        Reconciliation.Report r = binance.reconcile(new Reconciliation.Input(
                request.ourOrders().stream().map(ClientOrderId::value).collect(Collectors.toSet()),
                request.knownFills().stream().map(k -> new Reconciliation.FillKey(k.clientOrderId().value(), k.tradeId().value()))
                        .collect(Collectors.toSet()),
                request.since()));
        return new StartupReconciliation.Report(
                r.missingFills().stream().map(PortMapping::fill).toList(),
                r.unknownOrders().stream().map(u -> new StartupReconciliation.ForeignOrder(u.symbol(), u.venueOrderId(), u.clientOrderId(),
                        OrderStatus.valueOf(u.status().name()), u.filledQuantity(), u.why())).toList(),
                r.ourOpenOrders().stream().map(PortMapping::state).toList());
    }
}
