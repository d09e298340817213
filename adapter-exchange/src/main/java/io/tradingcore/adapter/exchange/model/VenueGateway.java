package io.tradingcore.adapter.exchange.model;

import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/** What the simulated exchange and every venue client offer; the ExchangeGateway port is a translation of it. */
public interface VenueGateway {
    /** Idempotent per client order id: a resubmission returns the existing order, never places a second one. */
    Submission submit(OrderTicket ticket);

    /** Cancels a resting order; a terminal order is returned as it is. Throws NoSuchElementException for an unknown id. */
    VenueOrder cancel(String clientOrderId);

    Optional<VenueOrder> query(String clientOrderId);

    /** Fills of the order in execution order; empty for an unknown id. */
    List<VenueFill> fills(String clientOrderId);

    /** Free and locked amount per asset code ("USDT", "BTC"), assets in alphabetical order. */
    SortedMap<String, Balance> balances();
}
