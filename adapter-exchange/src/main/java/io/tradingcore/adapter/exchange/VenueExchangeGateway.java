package io.tradingcore.adapter.exchange;

import io.tradingcore.adapter.exchange.model.Balance;
import io.tradingcore.adapter.exchange.model.TimeInForce;
import io.tradingcore.adapter.exchange.model.VenueGateway;
import io.tradingcore.domain.ClientOrderId;
import io.tradingcore.domain.OrderRequest;
import io.tradingcore.ports.out.ExchangeFill;
import io.tradingcore.ports.out.ExchangeGateway;
import io.tradingcore.ports.out.ExchangeOrderState;
import io.tradingcore.ports.out.SubmitResult;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/** The ExchangeGateway port over any venue of this adapter (simulated or real). */
class VenueExchangeGateway implements ExchangeGateway {
    private final VenueGateway venue;
    private final TimeInForce limitTif;

    VenueExchangeGateway(VenueGateway venue, TimeInForce limitTif) {
        this.venue = venue;
        this.limitTif = limitTif;
    }

    @Override
    public SubmitResult submit(OrderRequest o) {
        return venue.submit(PortMapping.ticket(o, limitTif));
    }

    @Override
    public ExchangeOrderState cancel(ClientOrderId id) {
        return venue.cancel(id.value());
    }

    @Override
    public Optional<ExchangeOrderState> query(ClientOrderId id) {
        return venue.query(id.value());
    }

    @Override
    public List<ExchangeFill> fills(ClientOrderId id) {
        return venue.fills(id.value()).stream().sorted(PortMapping.FILL_ORDER).toList();
    }

    @Override
    public SortedMap<String, BigDecimal> balances() {
        SortedMap<String, BigDecimal> free = new TreeMap<>();
        for (Map.Entry<String, Balance> e : venue.balances().entrySet()) {
            free.put(e.getKey(), e.getValue().free());
        }
        return free;
    }
}
