package io.tradingcore.adapter.exchange.model;

import io.tradingcore.ports.out.ExchangeFill;
import io.tradingcore.ports.out.ExchangeOrderState;
import io.tradingcore.ports.out.SubmitResult;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/**
 * What the simulated exchange and every venue client offer, in the ports' result types; the ExchangeGateway port adds
 * the time in force and the free part of the balances. Orders are looked up by our client order id as the venue
 * keeps it (a string).
 */
public interface VenueGateway {
    /** Idempotent per client order id: a resubmission returns the existing order, never places a second one. */
    SubmitResult submit(OrderTicket ticket);

    /** Cancels a resting order; a terminal order is returned as it is. Throws NoSuchElementException for an unknown id. */
    ExchangeOrderState cancel(String clientOrderId);

    Optional<ExchangeOrderState> query(String clientOrderId);

    /** Fills of the order in execution order; empty for an unknown id. */
    List<ExchangeFill> fills(String clientOrderId);

    /** Free and locked amount per asset code ("USDT", "BTC"), assets in alphabetical order. */
    SortedMap<String, Balance> balances();
}
